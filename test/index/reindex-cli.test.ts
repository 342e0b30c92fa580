// scripts/reindex.ts as a user runs it: summary, exit codes, failures named.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openIndex } from '../../src/index/store.ts';
import { HASH_DIMENSIONS, countingEmbedder, makeWorkspace, type Workspace } from '../fixtures/index/helpers.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = join(REPO, 'scripts', 'reindex.ts');
const TSX = import.meta.resolve('tsx');

function runReindex(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Run from the workspace, not the repo, so a developer's .env cannot change what is tested.
    const child = spawn(process.execPath, ['--import', TSX, SCRIPT, ...args], {
      cwd,
      env: { ...process.env, EMBEDDINGS: 'hash', HASH_DIMENSIONS: String(HASH_DIMENSIONS), CHUNK_SIZE: '200', CHUNK_OVERLAP: '40', LOG_LEVEL: 'warn' },
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
    assert.match(failed.stderr, new RegExp(`broken\\.md \\(${ws.corpusDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/broken\\.md\\): \\S`));
    assert.match(failed.stdout, /unchanged 3, failed 1/);
    assert.match(failed.stdout, /chunks embedded: 0/);
    assert.doesNotMatch(failed.stderr, /\n\s+at /, 'no stack trace');
    const snapshot = await openIndex(ws.config, countingEmbedder());
    assert.equal(snapshot.manifest.documents.length, 3);
  });
});
