// `npm run ask` as a user runs it: a child process on the real corpus, offline (hash embedder), fresh index.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { runEntry } from '../fixtures/run-entry.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = join(ROOT, 'corpus');
const DEV_SET = join(ROOT, 'test', 'fixtures', 'eval', 'dev.jsonl');
let workDir: string;

interface DevQuestion {
  id: string;
  lang: string;
  question: string;
  expect: string[];
  answerable: boolean;
}

/** `npm run ask` outside the repo (a developer's .env cannot change what is tested). */
const ask = (args: string[], env: Record<string, string>) => runEntry('src/cli/ask.ts', args, { cwd: workDir, env });

describe('npm run ask', { timeout: 300_000 }, () => {
  let indexDir: string;
  let env: Record<string, string>;
  before(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'collab-ask-'));
    indexDir = join(workDir, 'index');
    env = { CORPUS_DIR: CORPUS, INDEX_DIR: indexDir, EMBEDDINGS: 'hash', LLM_PROVIDER: 'none' };
  });
  after(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  test('a fresh clone answers on the first try: builds the index, then prints the answer and Sources', async () => {
    const run = await ask(['Which hospitals did HKUST sign MoUs with?'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /No index in .* yet: building it/);
    assert.match(run.stdout, /\[1\]/);
    assert.match(run.stdout, /^Sources:\n.*HKUST.* — Mirage News.*\n {2}\[1\] /m);
  });

  test('with no embedding model the fallback to the hash embedder is told once, as a plain line', async () => {
    const run = await ask(['Which hospitals did HKUST sign MoUs with?'], {
      ...env,
      EMBEDDINGS: 'auto',
      ALLOW_MODEL_DOWNLOAD: 'false',
      MODEL_DIR: join(workDir, 'no-models'),
      INDEX_DIR: join(workDir, 'index-auto'),
    });
    assert.equal(run.code, 0, run.stderr);
    const notices = run.stderr.split('\n').filter((line) => line.includes('using the offline hash embedder'));
    assert.equal(notices.length, 1, run.stderr);
    assert.match(notices[0]!, /^Embedding model ".*" unavailable; using the offline hash embedder/);
  });

  test('an empty question is a usage error (exit 2) with the usage', async () => {
    const run = await ask(['  '], env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Missing the question/);
    assert.match(run.stderr, /Usage: npm run ask/);
    const none = await ask([], env);
    assert.equal(none.code, 2);
  });

  test('--help prints the usage and exits 0', async () => {
    const run = await ask(['--help'], env);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /--json/);
    assert.match(run.stdout, /--corpus DIR/);
  });

  test('an invalid setting fails with one line naming the variable and what is allowed', async () => {
    const run = await ask(['What is KSSSCI?'], { ...env, EMBEDDINGS: 'bert' });
    assert.equal(run.code, 2);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /EMBEDDINGS="bert".*auto, local, hash/);
  });

  test('--json answers the same-language dev questions from the expected article', async () => {
    const questions = (await readFile(DEV_SET, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as DevQuestion);
    const articles = await Promise.all(
      (await readdir(CORPUS))
        .filter((f) => f.endsWith('.md'))
        .map(async (f) => ({ path: f, ...matter(await readFile(join(CORPUS, f), 'utf8')) })),
    );
    const articleWith = (marker: string) => articles.find((a) => a.content.includes(marker));
    // Same-language: every expected article is written in the question's language.
    const sameLanguage = questions.filter(
      (q) => q.answerable && q.expect.length > 0 && q.expect.every((m) => articleWith(m)?.data.language === q.lang),
    );
    assert.ok(
      sameLanguage.length >= 4,
      `expected several same-language questions, got ${sameLanguage.map((q) => q.id)}`,
    );

    for (const q of [...sameLanguage, ...questions.filter((x) => !x.answerable)]) {
      const run = await ask(['--json', q.question], env);
      assert.equal(run.code, 0, `${q.id}: ${run.stderr}`);
      const json = JSON.parse(run.stdout) as {
        question: string;
        found: boolean;
        answer: string;
        citations: { n: number; path: string; text: string }[];
      };
      assert.equal(json.question, q.question);
      if (!q.answerable) {
        assert.equal(json.found, false, `${q.id} should not be answered`);
        assert.deepEqual(json.citations, [], `${q.id} cites nothing`);
        continue;
      }
      assert.equal(json.found, true, `${q.id} should be answered`);
      for (const marker of q.expect) {
        const expected = articleWith(marker)!.path;
        assert.ok(
          json.citations.some((c) => c.path === expected),
          `${q.id}: a citation of ${expected}`,
        );
      }
      assert.equal(json.citations[0]!.n, 1);
      assert.ok(
        json.citations.every((c) => json.answer.includes(`[${c.n}]`)),
        `${q.id}: every listed source is cited in the answer`,
      );
    }
  });

  test('INDEX_DIR or MODEL_DIR pointing at a file: one line naming the variable, not ENOTDIR', async () => {
    const file = join(workDir, 'not-a-folder');
    await writeFile(file, 'x');
    const index = await ask(['Which hospitals did HKUST sign MoUs with?'], { ...env, INDEX_DIR: file });
    assert.equal(index.code, 2, index.stderr);
    assert.match(
      index.stderr,
      /^Invalid INDEX_DIR: \S*not-a-folder is a file, not a folder\. Point INDEX_DIR \(or --index\) at a folder/,
    );
    assert.doesNotMatch(index.stderr, /ENOTDIR/);
    const model = await ask(['Which hospitals did HKUST sign MoUs with?'], {
      ...env,
      EMBEDDINGS: 'local',
      MODEL_DIR: file,
      ALLOW_MODEL_DOWNLOAD: 'false',
    });
    assert.equal(model.code, 1, model.stderr);
    assert.match(
      model.stderr,
      /^Invalid MODEL_DIR: \S*not-a-folder is a file, not a folder\. Point MODEL_DIR at a folder/,
    );
  });
});
