import { copyFile, cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ArticleLoadError, loadArticleFile, loadCorpus, slugFromFileName } from '../../src/ingest/load.ts';

const fixtures = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-load-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes a file into a fresh sub-folder of the temp dir and loads it. */
async function loadMarkdown(name: string, text: string): Promise<ReturnType<typeof loadArticleFile>> {
  const folder = await mkdtemp(join(dir, 'case-'));
  await writeFile(join(folder, name), text);
  return loadArticleFile(join(folder, name), folder);
}

async function loadFailure(text: string): Promise<string> {
  try {
    await loadMarkdown('article.md', text);
  } catch (error) {
    assert.ok(error instanceof ArticleLoadError);
    assert.equal(error.path, 'article.md');
    return error.reason;
  }
  throw new Error('expected the file to fail to load');
}

/**
 * mixed-corpus with a nested/ folder holding a saved .html page and a scraped .txt page. Those two are the
 * fixtures the .html and cleaning tests read, copied in rather than kept twice.
 */
async function mixedCorpus(): Promise<string> {
  const corpus = await mkdtemp(join(dir, 'mixed-'));
  await cp(join(fixtures, 'mixed-corpus'), corpus, { recursive: true });
  await mkdir(join(corpus, 'nested'));
  await copyFile(join(fixtures, 'page-with-chrome.html'), join(corpus, 'nested', 'page.html'));
  await copyFile(join(fixtures, 'pages', 'news-ru.txt'), join(corpus, 'nested', 'scraped-ru.txt'));
  return corpus;
}

const BODY = '\nThe two universities signed a memorandum of understanding on research and training.\n';

describe('front matter', () => {
  test('an unquoted YAML date (read by js-yaml as a Date) is kept as YYYY-MM-DD', async () => {
    const article = await loadMarkdown('a.md', `---\ntitle: T\nsource: S\ndate: 2023-07-01\n---\n${BODY}`);
    assert.equal(article.date, '2023-07-01');
  });

  test('a quoted date string is accepted as is; an invalid or non-ISO date is a clear error', async () => {
    const article = await loadMarkdown('a.md', `---\ntitle: T\nsource: S\ndate: "2025-08-18"\n---\n${BODY}`);
    assert.equal(article.date, '2025-08-18');
    assert.match(
      await loadFailure(`---\ntitle: T\nsource: S\ndate: "July 1, 2023"\n---\n${BODY}`),
      /front matter: `date` must be an ISO date YYYY-MM-DD/,
    );
    assert.match(
      await loadFailure(`---\ntitle: T\nsource: S\ndate: "2023-02-30"\n---\n${BODY}`),
      /`date` is not a real calendar date/,
    );
  });

  test('all fields are read; language, url and institutions are optional', async () => {
    const article = await loadMarkdown(
      'IIT Kharagpur & AIIMS Kalyani.md',
      `---\ntitle: "IIT-Kharagpur signs MoU"\nsource: Press Trust of India\nlanguage: EN\nurl: https://example.com/a\ninstitutions:\n  - IIT Kharagpur\n  - AIIMS Kalyani\n---\n${BODY}`,
    );
    assert.equal(article.id, 'iit-kharagpur-aiims-kalyani');
    assert.equal(article.path, 'IIT Kharagpur & AIIMS Kalyani.md');
    assert.equal(article.title, 'IIT-Kharagpur signs MoU');
    assert.equal(article.source, 'Press Trust of India');
    assert.equal(article.language, 'en');
    assert.equal(article.url, 'https://example.com/a');
    assert.deepEqual(article.institutions, ['IIT Kharagpur', 'AIIMS Kalyani']);
    assert.equal(article.body, BODY.trim());
    assert.match(article.contentHash, /^[0-9a-f]{64}$/);
  });

  test('a missing language is detected from the body', async () => {
    const article = await loadMarkdown(
      'a.md',
      `---\ntitle: T\nsource: S\n---\nРектор подписал соглашение о сотрудничестве с больницей.\n`,
    );
    assert.equal(article.language, 'ru');
    assert.deepEqual(article.institutions, []);
  });

  test('each invalid field is named with what is expected', async () => {
    assert.equal(await loadFailure(`---\nsource: S\n---\n${BODY}`), 'front matter: `title` is missing');
    assert.equal(await loadFailure(`---\ntitle: T\n---\n${BODY}`), 'front matter: `source` is missing');
    assert.match(
      await loadFailure(`---\ntitle: T\nsource: S\nlanguage: hindi\n---\n${BODY}`),
      /`language` must be an ISO 639-1 code/,
    );
    assert.match(
      await loadFailure(`---\ntitle: T\nsource: S\nurl: ftp://example.com/a\n---\n${BODY}`),
      /`url` must be an http\(s\) URL/,
    );
    assert.match(
      await loadFailure(`---\ntitle: T\nsource: S\ninstitutions: IIT Kharagpur\n---\n${BODY}`),
      /`institutions` must be a YAML list/,
    );
    assert.match(await loadFailure(`---\ntitle: [1, 2]\nsource: S\n---\n${BODY}`), /`title` must be text/);
  });

  test('bad YAML is reported with its line; a file without front matter or body says so', async () => {
    assert.match(
      await loadFailure(`---\ntitle: T\n  source: S\n---\n${BODY}`),
      /^front matter: YAML error at line 3: bad indentation/,
    );
    assert.match(await loadFailure(`Just a body without any front matter.\n`), /^front matter: missing/);
    assert.match(await loadFailure(`---\ntitle: T\nsource: S\n---\n\n`), /no article text left/);
  });

  test('the same broken YAML fails every time (no stale parser cache)', async () => {
    const broken = `---\ntitle: T\nsource: [S\n---\n${BODY}`;
    assert.match(await loadFailure(broken), /YAML error/);
    assert.match(await loadFailure(broken), /YAML error/);
  });
});

describe('loadCorpus', () => {
  test('loads every article recursively, sorted; malformed files are reported by path while the rest load', async () => {
    const { articles, failures } = await loadCorpus(await mixedCorpus());
    assert.deepEqual(
      articles.map((a) => a.path),
      ['good-en.md', 'nested/page.html', 'nested/scraped-ru.txt'],
      'hidden files, README.md and non-article files are skipped',
    );
    assert.deepEqual(
      failures.map((f) => f.path),
      ['bad-yaml.md', 'no-title.md'],
    );
    assert.match(failures[0]!.reason, /^front matter: YAML error at line \d+: /);
    assert.equal(failures[1]!.reason, 'front matter: `title` is missing');
  });

  test('a duplicate id is a failure of the later file, naming the earlier one', async () => {
    const corpus = await mkdtemp(join(dir, 'dup-'));
    await mkdir(join(corpus, 'a'));
    await mkdir(join(corpus, 'b'));
    await writeFile(join(corpus, 'a', 'mou.md'), `---\ntitle: T\nsource: S\n---\n${BODY}`);
    await writeFile(join(corpus, 'b', 'MoU.txt'), `Headline of the page here\n${BODY}`);
    const { articles, failures } = await loadCorpus(corpus);
    assert.deepEqual(
      articles.map((a) => a.path),
      ['a/mou.md'],
    );
    assert.equal(failures.length, 1);
    assert.equal(failures[0]!.path, 'b/MoU.txt');
    assert.match(failures[0]!.reason, /duplicate article id "mou": a\/mou\.md already uses it/);
  });

  test('the content hash is stable and changes with the body or the metadata', async () => {
    const corpus = await mkdtemp(join(dir, 'hash-'));
    const file = join(corpus, 'a.md');
    const write = (title: string, body: string) => writeFile(file, `---\ntitle: ${title}\nsource: S\n---\n${body}\n`);
    await write('T', 'A body sentence that is long enough.');
    const first = (await loadArticleFile(file, corpus)).contentHash;
    assert.equal((await loadArticleFile(file, corpus)).contentHash, first);
    await write('T', 'A body sentence that is long enough!');
    const bodyChanged = (await loadArticleFile(file, corpus)).contentHash;
    await write('T2', 'A body sentence that is long enough!');
    const titleChanged = (await loadArticleFile(file, corpus)).contentHash;
    assert.equal(new Set([first, bodyChanged, titleChanged]).size, 3);
  });

  test('a missing corpus directory is a clear error', async () => {
    await assert.rejects(
      loadCorpus(join(dir, 'no-such-corpus')),
      /Corpus directory not found: .*no-such-corpus.*CORPUS_DIR/,
    );
  });

  test('slugs keep letters of every script', () => {
    assert.equal(slugFromFileName('corpus/Медвузы России.md'), 'медвузы-россии');
    assert.equal(slugFromFileName('समझौता_ज्ञापन.txt'), 'समझौता-ज्ञापन');
  });
});

describe('scraped .txt and .html', () => {
  test('.txt: the headline is the title, date and agency come from the removed byline', async () => {
    const corpus = await mkdtemp(join(dir, 'txt-'));
    await writeFile(
      join(corpus, 'pti.txt'),
      'Home\nIIT Delhi signs MoU with AIIMS Delhi\nPress Trust of India | July 1, 2023 | 2 min read\nIIT Delhi on Saturday signed an agreement with AIIMS Delhi for research.\nAdvertisement\nThe partnership covers medical devices and training.\n',
    );
    const article = await loadArticleFile(join(corpus, 'pti.txt'), corpus);
    assert.equal(article.title, 'IIT Delhi signs MoU with AIIMS Delhi');
    assert.equal(article.source, 'Press Trust of India');
    assert.equal(article.date, '2023-07-01');
    assert.equal(article.language, 'en');
    assert.equal(
      article.body,
      'IIT Delhi on Saturday signed an agreement with AIIMS Delhi for research.\n\nThe partnership covers medical devices and training.',
    );
  });

  test('.html: Readability extracts the article; nav, ads, captions, share buttons and related links are gone', async () => {
    const article = await loadArticleFile(join(fixtures, 'page-with-chrome.html'), fixtures);
    assert.equal(article.title, 'Northfield University and City Hospital sign research MoU');
    assert.equal(article.source, 'Example Times');
    assert.equal(article.date, '2024-03-05');
    assert.equal(article.url, 'https://news.example.com/education/northfield-city-hospital-mou');
    assert.equal(article.language, 'en');
    assert.deepEqual(article.body.split('\n\n'), [
      'Northfield University on Tuesday signed a memorandum of understanding with City Hospital to collaborate on clinical research, training and patient care in the region.',
      'Under the agreement, medical students will intern at the hospital, and the two institutions will set up a joint laboratory for diagnostics research.',
      'The MoU covers:',
      '• joint research projects',
      '• faculty and student exchange',
      "Vice-Chancellor Dr. A. Mehta said the partnership would bring research closer to patients. The hospital's director said the first projects would start in June.",
    ]);
    for (const chrome of [
      'Sign In',
      'Advertisement',
      'Photo:',
      'Share',
      'Related News',
      'Galgotias',
      'Copyright',
      'By Staff Reporter',
    ]) {
      assert.ok(!article.body.includes(chrome), chrome);
    }
  });
});

describe('Markdown layout', () => {
  test('soft-wrapped lines join into one paragraph; list items and headings keep their own line', async () => {
    const article = await loadMarkdown(
      'wrapped.md',
      [
        '---',
        'title: T',
        'source: S',
        '---',
        'Northfield University signed a memorandum of understanding',
        'with City Hospital on Tuesday to collaborate on research.',
        '',
        '## What the MoU covers',
        'The agreement lists',
        'three areas:',
        '- joint research',
        '- student exchange',
        '',
        'It runs for five years',
        'from the date of signing.',
      ].join('\n'),
    );
    assert.deepEqual(article.body.split('\n\n'), [
      'Northfield University signed a memorandum of understanding with City Hospital on Tuesday to collaborate on research.',
      'What the MoU covers',
      'The agreement lists three areas:',
      '- joint research',
      '- student exchange',
      'It runs for five years from the date of signing.',
    ]);
  });
});

describe('hard-wrapped .txt pages', () => {
  test('lines wrapped at a fixed width are joined back into paragraphs', async () => {
    const corpus = await mkdtemp(join(dir, 'wrapped-'));
    const page = [
      'Universities sign research MoU',
      '',
      'Northfield University signed a memorandum of understanding with City',
      'Hospital on Tuesday to collaborate on clinical research, training and',
      'patient care in the region.',
      '',
      'Under the agreement, medical students will intern at the hospital and',
      'the two institutions will set up a joint laboratory.',
      '',
      'Advertisement',
    ].join('\n');
    await writeFile(join(corpus, 'wrapped.txt'), page);
    const article = await loadArticleFile(join(corpus, 'wrapped.txt'), corpus);
    assert.equal(article.title, 'Universities sign research MoU');
    assert.deepEqual(article.body.split('\n\n'), [
      'Northfield University signed a memorandum of understanding with City Hospital on Tuesday to collaborate on clinical research, training and patient care in the region.',
      'Under the agreement, medical students will intern at the hospital and the two institutions will set up a joint laboratory.',
    ]);
  });
});

describe('bad bytes, large files and symbolic links', () => {
  const article = (title: string) => `---\ntitle: ${title}\nsource: S\n---\n${BODY}`;

  test('binary, non-UTF-8 and oversized files are reported by name with the reason; the others load', async () => {
    const corpus = await mkdtemp(join(dir, 'bytes-'));
    await writeFile(join(corpus, 'good.md'), article('Good'));
    await writeFile(join(corpus, 'binary.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0xff, 0x10]));
    await writeFile(join(corpus, 'latin1.md'), Buffer.concat([Buffer.from(article('Caf')), Buffer.from([0xe9])]));
    await writeFile(join(corpus, 'huge.md'), article('Huge') + 'More text here. '.repeat(200));
    const { articles, failures } = await loadCorpus(corpus, { maxArticleBytes: 2048 });
    assert.deepEqual(
      articles.map((a) => a.path),
      ['good.md'],
    );
    assert.deepEqual(failures.map((f) => f.path).sort(), ['binary.txt', 'huge.md', 'latin1.md']);
    const byPath = new Map(failures.map((f) => [f.path, f.reason]));
    assert.match(byPath.get('binary.txt')!, /looks binary/);
    assert.match(byPath.get('latin1.md')!, /not valid UTF-8/);
    assert.match(byPath.get('huge.md')!, /MAX_ARTICLE_BYTES \(0\.0 MB\)/);
  });

  test('links to files and folders are followed; broken links, loops and second names are reported', async () => {
    const corpus = await mkdtemp(join(dir, 'links-'));
    const outside = await mkdtemp(join(dir, 'outside-'));
    await mkdir(join(corpus, 'sub'));
    await writeFile(join(corpus, 'sub', 'plain.md'), article('Plain'));
    await writeFile(join(outside, 'elsewhere.md'), article('Elsewhere'));
    await mkdir(join(outside, 'folder'));
    await writeFile(join(outside, 'folder', 'in-linked-folder.md'), article('In a linked folder'));
    await symlink(join(outside, 'elsewhere.md'), join(corpus, 'linked.md'));
    await symlink(join(outside, 'folder'), join(corpus, 'linked-folder'));
    await symlink(join(outside, 'folder'), join(corpus, 'linked-folder-again'));
    await symlink(join(corpus, 'sub'), join(corpus, 'a-sub-alias')); // a second name for a plain folder
    await symlink(join(corpus, 'sub', 'plain.md'), join(corpus, 'sub', 'aa-alias.md'));
    await symlink(join(outside, 'missing.md'), join(corpus, 'broken.md'));
    await symlink(corpus, join(corpus, 'sub', 'loop'));

    const { articles, failures } = await loadCorpus(corpus);
    assert.deepEqual(
      articles.map((a) => a.path),
      ['linked-folder/in-linked-folder.md', 'linked.md', 'sub/plain.md'],
    );
    const byPath = new Map(failures.map((f) => [f.path, f.reason]));
    assert.deepEqual([...byPath.keys()].sort(), [
      'a-sub-alias',
      'broken.md',
      'linked-folder-again',
      'sub/aa-alias.md',
      'sub/loop',
    ]);
    assert.match(byPath.get('broken.md')!, /symbolic link to .*missing\.md, which does not exist/);
    assert.match(byPath.get('sub/loop')!, /loops back to the corpus folder/);
    assert.match(byPath.get('linked-folder-again')!, /same folder as linked-folder/);
    // The plain file and folder keep their own names, though their links sort first.
    assert.match(byPath.get('sub/aa-alias.md')!, /same file as sub\/plain\.md/);
    assert.match(byPath.get('a-sub-alias')!, /same folder as sub /);
  });
});
