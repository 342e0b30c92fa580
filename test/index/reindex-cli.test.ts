// scripts/reindex.ts as a user runs it: summary, exit codes, failures named.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openIndex } from '../../src/index/store.ts';
import { readCurrentBuildId } from '../../src/index/layout.ts';
import { HASH_DIMENSIONS, countingEmbedder, makeWorkspace, type Workspace } from '../fixtures/index/helpers.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = join(REPO, 'scripts', 'reindex.ts');
const TSX = import.meta.resolve('tsx');

function runReindex(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Run from the workspace, not the repo, so a developer's .env cannot change what is tested.
    const child = spawn(process.execPath, ['--import', TSX, SCRIPT, ...args], {
      cwd,
      env: {
        ...process.env,
        EMBEDDINGS: 'hash',
        HASH_DIMENSIONS: String(HASH_DIMENSIONS),
        CHUNK_SIZE: '200',
        CHUNK_OVERLAP: '40',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm run reindex', () => {
  let ws: Workspace;
  before(async () => {
    ws = await makeWorkspace();
  });
  after(async () => {
    await ws.cleanup();
  });

  test('exits 2 on an unknown flag, with the usage', async () => {
    const result = await runReindex(ws.root, ['--bogus']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--bogus/);
    assert.match(result.stderr, /Usage: npm run reindex/);
  });

  test('indexes the corpus and prints the summary; exits 1 naming a file that fails, still indexing the rest', async () => {
    const ok = await runReindex(ws.root, ['--corpus', ws.corpusDir, '--index', ws.indexDir]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Indexed 3 document\(s\)/);
    assert.match(ok.stdout, /added 3, changed 0, removed 0, unchanged 0, failed 0/);

    await writeFile(join(ws.corpusDir, 'broken.md'), '---\ntitle: [not closed\n---\nBody.\n');
    const failed = await runReindex(ws.root, ['--corpus', ws.corpusDir, '--index', ws.indexDir]);
    assert.equal(failed.code, 1, failed.stderr);
    assert.match(
      failed.stderr,
      new RegExp(`broken\\.md \\(${ws.corpusDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/broken\\.md\\): \\S`),
    );
    assert.match(failed.stdout, /unchanged 3, failed 1/);
    assert.match(failed.stdout, /chunks embedded: 0/);
    assert.doesNotMatch(failed.stderr, /\n\s+at /, 'no stack trace');
    const snapshot = await openIndex(ws.config, countingEmbedder());
    assert.equal(snapshot.manifest.documents.length, 3);
  });

  test('a binary or non-UTF-8 file is named and skipped, its previously indexed version kept', async () => {
    const before = await openIndex(ws.config, countingEmbedder());
    const hkust = before.manifest.documents.find((d) => d.path.endsWith('.md'))!;
    await writeFile(join(ws.corpusDir, hkust.path), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x9f, 0x92, 0x96]));
    const run = await runReindex(ws.root, ['--corpus', ws.corpusDir, '--index', ws.indexDir]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stderr,
      new RegExp(
        `${hkust.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} .*looks binary.*\\(its previously indexed version is kept\\)`,
      ),
    );
    const after = await openIndex(ws.config, countingEmbedder());
    assert.ok(
      after.manifest.documents.some((d) => d.id === hkust.id),
      'the previous version stays in the index',
    );
  });

  test('an empty corpus folder does not wipe the index: one line, exit 1; --allow-shrink does it on purpose', async () => {
    const empty = join(ws.root, 'empty-corpus');
    await mkdir(empty, { recursive: true });
    const live = await readCurrentBuildId(ws.indexDir);
    const refused = await runReindex(ws.root, ['--corpus', empty, '--index', ws.indexDir]);
    assert.equal(refused.code, 1, refused.stderr);
    // Besides the progress lines ("loading: …", "loaded: …"), exactly one line: the refusal.
    const lines = refused.stderr
      .trim()
      .split('\n')
      .filter((line) => !/^(loading|loaded):/.test(line));
    assert.equal(lines.length, 1, refused.stderr);
    assert.match(
      lines[0]!,
      /^Refusing to reindex: it would remove 3 of the 3 indexed articles \(0 left\)\. Check that CORPUS_DIR \(.*empty-corpus\) .*--allow-shrink/,
    );
    assert.equal(await readCurrentBuildId(ws.indexDir), live, 'the live build is unchanged');
    assert.equal((await openIndex(ws.config, countingEmbedder())).manifest.documents.length, 3);
    assert.ok((await readdir(join(ws.indexDir, 'builds'))).every((name) => !name.startsWith('.tmp-')));

    const allowed = await runReindex(ws.root, ['--corpus', empty, '--index', ws.indexDir, '--allow-shrink']);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stdout, /removed 3/);
    assert.match(allowed.stderr, /The index is empty: .*empty-corpus holds no articles/);
    assert.equal((await openIndex(ws.config, countingEmbedder())).manifest.documents.length, 0);
  });

  test('INDEX_DIR or CORPUS_DIR pointing at a file names the variable and the fix, not ENOTDIR', async () => {
    const file = join(ws.root, 'a-file.txt');
    await writeFile(file, 'not a folder');
    const index = await runReindex(ws.root, ['--corpus', ws.corpusDir, '--index', file]);
    assert.equal(index.code, 2, index.stderr);
    assert.match(
      index.stderr,
      /Invalid INDEX_DIR: \S*a-file\.txt is a file, not a folder\. Point INDEX_DIR \(or --index\) at a folder/,
    );
    assert.doesNotMatch(index.stderr, /ENOTDIR|EEXIST/);
    const inside = await runReindex(ws.root, ['--corpus', ws.corpusDir, '--index', join(file, 'index')]);
    assert.equal(inside.code, 2, inside.stderr);
    assert.match(inside.stderr, /Invalid INDEX_DIR: .*a part of that path is a file, not a folder/);
    const corpus = await runReindex(ws.root, ['--corpus', file, '--index', ws.indexDir]);
    assert.equal(corpus.code, 2, corpus.stderr);
    assert.match(corpus.stderr, /Invalid CORPUS_DIR=.*a-file\.txt.* is not a directory/);
  });
});
