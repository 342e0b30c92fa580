// A reindex killed (SIGKILL) at various points leaves the previous index loadable with the same answers,
// and the next reindex takes over its stale lock and removes its half-written build.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildsDir, lockPath, readCurrentBuildId } from '../../src/index/layout.ts';
import { reindex } from '../../src/index/reindex.ts';
import { openIndex } from '../../src/index/store.ts';
import type { IndexSnapshot } from '../../src/index/types.ts';
import { countingEmbedder, makeWorkspace, type Workspace } from '../fixtures/index/helpers.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('../fixtures/index/reindex-child.ts', import.meta.url));
const CHILD_TIMEOUT_MS = 30_000;

async function answers(snapshot: IndexSnapshot): Promise<unknown> {
  const out = [];
  for (const q of ['HKUST Shenzhen hospital', 'एम्स कल्याणी', 'МГУ соглашение']) {
    out.push((await snapshot.searchDense(q, 3)).map((h) => [h.chunk.id, h.score]));
    out.push(snapshot.searchLexical(q, 3).map((h) => [h.chunk.id, h.score]));
  }
  return out;
}

/** Starts the child reindex, waits until it is frozen at `stopAt`, kills it with SIGKILL. */
function killReindexAt(ws: Workspace, stopAt: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: REPO,
      env: { ...process.env, CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, STOP_AT: stopAt },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child did not reach ${stopAt} within ${CHILD_TIMEOUT_MS} ms; stderr: ${stderr}`));
    }, CHILD_TIMEOUT_MS);
    child.stdout.on('data', (data: Buffer) => {
      stdout += data.toString();
      if (!killed && stdout.includes('STOPPED')) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (killed && signal === 'SIGKILL') resolve();
      else reject(new Error(`child exited (code ${code}, signal ${signal}) before reaching ${stopAt}; stdout: ${stdout}; stderr: ${stderr}`));
    });
  });
}

describe('a reindex killed mid-way', () => {
  let ws: Workspace;
  const embedder = countingEmbedder();
  before(async () => {
    ws = await makeWorkspace();
  });
  after(async () => {
    await ws.cleanup();
  });

  for (const stopAt of ['embed', 'write:manifest', 'write:switch to new build']) {
    test(`killed at ${stopAt}: the previous index still loads and answers the same`, async () => {
      const first = await reindex(ws.config, { embedder });
      const expected = await answers(await openIndex(ws.config, embedder));
      const path = join(ws.corpusDir, 'msu-sechenov.md');
      await writeFile(path, `${await readFile(path, 'utf8')}\nДобавлен абзац ${stopAt}.\n`);

      await killReindexAt(ws, stopAt);

      assert.equal(await readCurrentBuildId(ws.indexDir), first.buildId);
      const snapshot = await openIndex(ws.config, embedder);
      assert.equal(snapshot.buildId, first.buildId);
      assert.deepEqual(await answers(snapshot), expected);
      // The killed process left its lock behind; the next reindex sees its owner is gone and proceeds.
      const left = JSON.parse(await readFile(lockPath(ws.indexDir), 'utf8')) as { pid: number };
      assert.notEqual(left.pid, process.pid);

      const next = await reindex(ws.config, { embedder });
      assert.deepEqual(next.changed, ['msu-sechenov']);
      const builds = await readdir(buildsDir(ws.indexDir));
      assert.ok(builds.every((name) => !name.startsWith('.tmp-')), `leftover temp build in ${builds.join(', ')}`);
      assert.equal((await openIndex(ws.config, embedder)).buildId, next.buildId);
    });
  }
});
