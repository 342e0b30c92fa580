// SIGINT/SIGTERM during a reindex remove its temp build and lock before the process ends; what a kill -9
// leaves (temp builds, lock temp files) is removed by the next reindex, but only where the owner is gone.
import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildsDir, embeddingCacheDir, readCurrentBuildId } from '../../src/index/layout.ts';
import { reindex } from '../../src/index/reindex.ts';
import { openIndex } from '../../src/index/store.ts';
import { countingEmbedder, editArticle, makeWorkspace, type Workspace } from '../fixtures/index/helpers.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('../fixtures/index/reindex-child.ts', import.meta.url));
const CHILD_TIMEOUT_MS = 30_000;

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the child reindex; once it is frozen at `stopAt`, sends `signal` and lets it go on. */
function interruptReindexAt(ws: Workspace, stopAt: string, signal: NodeJS.Signals): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: REPO,
      env: { ...process.env, CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir, STOP_AT: stopAt, STOP_MODE: 'stdin' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child did not end within ${CHILD_TIMEOUT_MS} ms; stdout: ${stdout}; stderr: ${stderr}`));
    }, CHILD_TIMEOUT_MS);
    child.stdout.on('data', (data: Buffer) => {
      stdout += data.toString();
      if (!sent && stdout.includes('STOPPED')) {
        sent = true;
        child.kill(signal);
        child.stdin.end('go');
      }
    });
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('exit', (code, exitSignal) => {
      clearTimeout(timer);
      resolve({ code, signal: exitSignal, stdout, stderr });
    });
  });
}

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

async function lockDebris(indexDir: string): Promise<string[]> {
  return (await readdir(indexDir)).filter((name) => name.startsWith('reindex.lock') || name.endsWith('.tmp'));
}

describe('an interrupted reindex cleans up after itself', () => {
  let ws: Workspace;
  const embedder = countingEmbedder();
  beforeEach(async () => {
    ws = await makeWorkspace();
  });
  afterEach(async () => {
    await ws.cleanup();
  });

  for (const [stopAt, signal] of [
    ['embed', 'SIGINT'],
    ['write:chunks and lexical index', 'SIGINT'],
    ['write:manifest', 'SIGTERM'],
  ] as const) {
    test(`${signal} at ${stopAt}: ends by the signal, leaves no temp build and no lock; the previous index answers`, async () => {
      const first = await reindex(ws.config, { embedder });
      await editArticle(ws, 'msu-sechenov.md', `Представители университетов обсудили планы (${stopAt}).`);

      const ended = await interruptReindexAt(ws, stopAt, signal);

      assert.equal(
        ended.signal,
        signal,
        `the process should end by ${signal}; stdout: ${ended.stdout}; stderr: ${ended.stderr}`,
      );
      assert.doesNotMatch(ended.stdout, /FINISHED/);
      assert.deepEqual(await readdir(buildsDir(ws.indexDir)), [first.buildId]);
      assert.deepEqual(await lockDebris(ws.indexDir), []);
      assert.equal(await readCurrentBuildId(ws.indexDir), first.buildId);
      assert.equal((await openIndex(ws.config, embedder)).manifest.documents.length, 3);
    });
  }

  test('the next reindex removes temp builds and temp files of dead processes, not those of live ones', async () => {
    const first = await reindex(ws.config, { embedder });
    const dead = deadPid();
    const live = process.ppid;
    const owner = (pid: number) => JSON.stringify({ pid, hostname: hostname(), startedAt: '2020-01-01T00:00:00.000Z' });
    await mkdir(join(buildsDir(ws.indexDir), '.tmp-20200101T000000.000Z-deadbeef'), { recursive: true });
    await writeFile(join(buildsDir(ws.indexDir), '.tmp-20200101T000000.000Z-deadbeef', 'hnswlib.index'), 'half');
    await writeFile(join(ws.indexDir, `reindex.lock.${dead}.0a1b2c3d`), owner(dead));
    await writeFile(join(ws.indexDir, `reindex.lock.stale.${dead}.0a1b2c3d`), owner(dead));
    await writeFile(join(ws.indexDir, `.current.json.${dead}.0a1b2c3d.tmp`), '{"buildId":');
    await writeFile(join(embeddingCacheDir(ws.indexDir), `.cache.json.${dead}.0a1b2c3d.tmp`), '{');
    await writeFile(join(ws.indexDir, `reindex.lock.${live}.0a1b2c3d`), owner(live));
    const otherHost = JSON.stringify({
      pid: dead,
      hostname: `not-${hostname()}`,
      startedAt: '2020-01-01T00:00:00.000Z',
    });
    await writeFile(join(ws.indexDir, `reindex.lock.${dead}.ffffffff`), otherHost);

    const next = await reindex(ws.config, { embedder });

    // Nothing changed in the corpus: the live build stays, and the leftovers are gone.
    assert.equal(next.buildId, first.buildId);
    assert.deepEqual(await readdir(buildsDir(ws.indexDir)), [first.buildId]);
    assert.deepEqual(
      (await lockDebris(ws.indexDir)).sort(),
      [`reindex.lock.${dead}.ffffffff`, `reindex.lock.${live}.0a1b2c3d`].sort(),
    );
    assert.deepEqual(
      (await readdir(embeddingCacheDir(ws.indexDir))).filter((n) => n.endsWith('.tmp')),
      [],
    );
  });
});

describe('guardReindexInterrupt (a reindex run by another thread of this process)', () => {
  const GUARD_CHILD = fileURLToPath(new URL('../fixtures/index/guard-child.ts', import.meta.url));
  let ws: Workspace;
  beforeEach(async () => {
    ws = await makeWorkspace();
  });
  afterEach(async () => {
    await ws.cleanup();
  });

  function runGuarded(env: Record<string, string>): Promise<NodeJS.Signals | null> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', GUARD_CHILD], {
        cwd: REPO,
        env: { ...process.env, INDEX_DIR: ws.indexDir, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`guard child did not end within ${CHILD_TIMEOUT_MS} ms; stderr: ${stderr}`));
      }, CHILD_TIMEOUT_MS);
      child.stdout.on('data', (data: Buffer) => {
        if (data.toString().includes('READY')) child.kill('SIGINT');
      });
      child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
      child.on('exit', (_code, signal) => {
        clearTimeout(timer);
        resolve(signal);
      });
    });
  }

  test('on SIGINT, the lock of this process and the temp builds are removed; the process ends by the signal', async () => {
    assert.equal(await runGuarded({}), 'SIGINT');
    assert.deepEqual(await readdir(buildsDir(ws.indexDir)), []);
    assert.deepEqual(await lockDebris(ws.indexDir), []);
  });

  test('a lock held by another process is left alone, and so are the builds it protects', async () => {
    assert.equal(await runGuarded({ LOCK_PID: String(process.pid) }), 'SIGINT');
    assert.equal((await readdir(buildsDir(ws.indexDir))).length, 1);
    assert.deepEqual(await lockDebris(ws.indexDir), ['reindex.lock']);
  });
});
