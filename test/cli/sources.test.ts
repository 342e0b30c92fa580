// `npm run sources` as a user runs it: a child process on the real corpus, offline (hash embedder), fresh index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { runEntry } from '../fixtures/run-entry.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = join(ROOT, 'corpus');

const sources = (args: string[], cwd: string) =>
  runEntry('src/cli/sources.ts', args, { cwd, env: { CORPUS_DIR: CORPUS, INDEX_DIR: 'index', EMBEDDINGS: 'hash' } });

test('npm run sources lists every corpus article with its source, date, language and chunks; --json too', async (t) => {
  const cwd = await mkdtemp(join(tmpdir(), 'collab-sources-'));
  t.after(() => rm(cwd, { recursive: true, force: true }));
  const files = (await readdir(CORPUS)).filter((f) => f.endsWith('.md'));
  const articles = await Promise.all(
    files.map(async (f) => ({ path: f, data: matter(await readFile(join(CORPUS, f), 'utf8')).data })),
  );

  const json = await sources(['--json'], cwd);
  assert.equal(json.code, 0, json.stderr);
  const listed = JSON.parse(json.stdout) as {
    path: string;
    title: string;
    source: string;
    date?: string;
    language: string;
    chunks: number;
  }[];
  assert.deepEqual(listed.map((s) => s.path).sort(), files.sort());
  for (const article of articles) {
    const entry = listed.find((s) => s.path === article.path)!;
    assert.equal(entry.title, article.data.title);
    assert.equal(entry.source, article.data.source);
    assert.equal(entry.language, article.data.language);
    assert.ok(entry.chunks >= 1);
  }

  const text = await sources([], cwd);
  assert.equal(text.code, 0, text.stderr);
  const lines = text.stdout.trim().split('\n');
  assert.match(
    lines[0]!,
    new RegExp(
      `^${files.length} article\\(s\\), ${listed.reduce((n, s) => n + s.chunks, 0)} chunk\\(s\\), embedder hash`,
    ),
  );
  assert.equal(lines.length, files.length + 1);
  for (const entry of listed) {
    const line = lines.find((l) => l.includes(`(${entry.path})`));
    assert.ok(line, `a line for ${entry.path}`);
    assert.ok(
      line.includes(`${entry.title} — ${entry.source}`) &&
        line.includes(` ${entry.language} `) &&
        line.includes(`${entry.chunks} chunk`),
      line,
    );
    if (entry.date) assert.ok(line.startsWith(entry.date), line);
  }
});

test('npm run sources -- --help prints the usage', async (t) => {
  const cwd = await mkdtemp(join(tmpdir(), 'collab-sources-'));
  t.after(() => rm(cwd, { recursive: true, force: true }));
  const help = await sources(['--help'], cwd);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: npm run sources/);
});
