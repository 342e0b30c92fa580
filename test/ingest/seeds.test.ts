// Each raw seed page (test/fixtures/ingest/seeds/*.txt, as scraped) must load to exactly the body of its curated corpus/*.md, with the
// chrome gone and every article paragraph kept. Expectations are hand-written in the fixture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadArticleFile, loadCorpus } from '../../src/ingest/load.ts';
import { cleanArticleText } from '../../src/ingest/clean.ts';

interface SeedExpectation {
  seed: string;
  corpus: string;
  language: string;
  /** The publication read from the page's chrome ('unknown' when it names none). */
  source: string;
  headline: string | null;
  date?: string;
  paragraphStarts: string[];
  lastWords: string;
  chrome: string[];
  chromeLines?: string[];
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const seedsDir = join(repoRoot, 'test/fixtures/ingest/seeds');
const corpusDir = join(repoRoot, 'corpus');
const fixture = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/ingest/seeds.json'), 'utf8')) as {
  seeds: SeedExpectation[];
};
const nfc = (text: string) => text.normalize('NFC');
const paragraphsOf = (body: string) => body.split('\n\n');

describe('seed articles: raw .txt loads to the curated corpus body', () => {
  for (const expected of fixture.seeds) {
    describe(expected.seed, () => {
      const load = async () => ({
        // NBSP as plain spaces, as the cleaner reads them, so the fixture can be typed with ordinary spaces.
        raw: nfc(readFileSync(join(seedsDir, expected.seed), 'utf8')).replace(/\u00A0/g, ' '),
        scraped: await loadArticleFile(join(seedsDir, expected.seed), seedsDir),
        curated: await loadArticleFile(join(corpusDir, expected.corpus), corpusDir),
      });

      test('the body equals the curated corpus file body', async () => {
        const { scraped, curated } = await load();
        assert.equal(scraped.body, curated.body);
      });

      test('every article paragraph is kept, in order, and nothing else', async () => {
        const { scraped } = await load();
        const paragraphs = paragraphsOf(scraped.body);
        assert.equal(
          paragraphs.length,
          expected.paragraphStarts.length,
          `paragraphs:\n${paragraphs.map((p) => p.slice(0, 60)).join('\n')}`,
        );
        expected.paragraphStarts.forEach((start, i) => {
          assert.ok(
            paragraphs[i]!.startsWith(nfc(start)),
            `paragraph ${i + 1} should start with "${start}", got "${paragraphs[i]!.slice(0, 60)}"`,
          );
        });
        assert.ok(scraped.body.endsWith(nfc(expected.lastWords)), 'the last paragraph is kept to its end');
      });

      test('site chrome is gone', async () => {
        const { raw, scraped } = await load();
        for (const chrome of expected.chrome) {
          assert.ok(raw.includes(nfc(chrome)), `fixture check: "${chrome}" occurs in the raw seed`);
          assert.ok(!scraped.body.includes(nfc(chrome)), `"${chrome}" must not be in the body`);
        }
        for (const line of expected.chromeLines ?? []) {
          assert.ok(raw.split('\n').includes(line), `fixture check: line "${line}" occurs in the raw seed`);
          assert.ok(!paragraphsOf(scraped.body).includes(line), `line "${line}" must not be in the body`);
        }
      });

      test('layout: paragraphs separated by exactly one blank line, no stray whitespace', async () => {
        const { scraped } = await load();
        assert.doesNotMatch(scraped.body, /\n{3,}/);
        assert.doesNotMatch(scraped.body, /(^|\n)[ \t]|[ \t](\n|$)/);
        assert.doesNotMatch(scraped.body, /(?<!\n)\n(?!\n)/, 'no single line breaks inside the body');
        assert.doesNotMatch(scraped.body, /\u00A0/);
      });

      test('headline, language, publication and stated date of the raw page', async () => {
        const { scraped } = await load();
        if (expected.headline) assert.equal(scraped.title, nfc(expected.headline));
        else
          assert.ok(
            paragraphsOf(scraped.body)[0]!.startsWith(scraped.title.replace(/…$/, '')),
            'no headline: the title is the first sentence',
          );
        assert.equal(scraped.language, expected.language);
        assert.equal(scraped.source, nfc(expected.source));
        assert.equal(scraped.date, expected.date);
      });

      test('cleaning the curated body again changes nothing', async () => {
        const { curated } = await load();
        assert.equal(cleanArticleText(curated.body, { title: curated.title }).body, curated.body);
      });
    });
  }

  test('the Galgotias patent list (unrelated "Featured News") is in no corpus article', async () => {
    const { articles, failures } = await loadCorpus(corpusDir);
    assert.deepEqual(failures, []);
    assert.equal(articles.length, fixture.seeds.length);
    for (const article of articles) assert.doesNotMatch(article.body, /Galgotias|patents filed/i);
  });
});

describe('curated corpus front matter', () => {
  test('every corpus file has title, source, language and institutions; dates only where stated', async () => {
    const { articles, failures } = await loadCorpus(corpusDir);
    assert.deepEqual(failures, []);
    const byFile = new Map(articles.map((a) => [a.path, a]));
    for (const expected of fixture.seeds) {
      const article = byFile.get(expected.corpus);
      assert.ok(article, `${expected.corpus} is in the corpus`);
      assert.equal(article.language, expected.language);
      assert.equal(article.date, expected.date, `${expected.corpus}: date only where the article states it`);
      assert.equal(article.url, undefined, 'no URL is known for the seeds');
      assert.ok(article.title.length > 0 && article.source.length > 0);
      assert.ok(article.institutions.length >= 2, `${expected.corpus} names the collaborating parties`);
    }
  });
});
