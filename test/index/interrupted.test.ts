// A reindex killed (SIGKILL) at various points leaves the previous index loadable with the same answers,
// and the next reindex takes over its stale lock and removes its half-written build.
import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildsDir, lockPath, readCurrentBuildId } from '../../src/index/layout.ts';
import { reindex } from '../../src/index/reindex.ts';
import { openIndex } from '../../src/index/store.ts';
import type { IndexSnapshot } from '../../src/index/types.ts';
import { countingEmbedder, editArticle, makeWorkspace, type Workspace } from '../fixtures/index/helpers.ts';

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
      else
        reject(
          new Error(
            `child exited (code ${code}, signal ${signal}) before reaching ${stopAt}; stdout: ${stdout}; stderr: ${stderr}`,
          ),
        );
    });
  });
}

describe('a reindex killed mid-way', () => {
  let ws: Workspace;
  const embedder = countingEmbedder();
  beforeEach(async () => {
    ws = await makeWorkspace();
  });
  afterEach(async () => {
    await ws.cleanup();
  });

  for (const stopAt of ['embed', 'write:manifest', 'write:switch to new build']) {
    test(`killed at ${stopAt}: the previous index still loads and answers the same`, async () => {
      const first = await reindex(ws.config, { embedder });
      const expected = await answers(await openIndex(ws.config, embedder));
      await editArticle(
        ws,
        'msu-sechenov.md',
        `Представители обоих университетов рассказали о планах (этап ${stopAt}) на ближайшие годы работы.`,
      );

      await killReindexAt(ws, stopAt);

      assert.equal(await readCurrentBuildId(ws.indexDir), first.buildId);
      const snapshot = await openIndex(ws.config, embedder);
      assert.equal(snapshot.buildId, first.buildId);
      assert.deepEqual(await answers(snapshot), expected);
      // The killed process left its lock behind; the next reindex sees its owner is gone and proceeds.
      const left = JSON.parse(await readFile(lockPath(ws.indexDir), 'utf8')) as { pid: number };
      assert.notEqual(left.pid, process.pid);

      const leftovers = (await readdir(buildsDir(ws.indexDir))).filter((name) => name !== first.buildId);
      if (stopAt === 'write:manifest')
        assert.ok(
          leftovers.some((name) => name.startsWith('.tmp-')),
          'the killed build should be half-written',
        );
      if (stopAt === 'write:switch to new build') assert.equal(leftovers.length, 1, 'a complete but unpublished build');

      const next = await reindex(ws.config, { embedder });
      assert.deepEqual(next.changed, ['msu-sechenov']);
      // Only the live build and the one before it remain: the killed run's files are gone.
      assert.deepEqual((await readdir(buildsDir(ws.indexDir))).sort(), [first.buildId, next.buildId].sort());
      assert.equal((await openIndex(ws.config, embedder)).buildId, next.buildId);
    });
  }
});
