import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUserError } from '../../src/errors.ts';
import { lockPath } from '../../src/index/layout.ts';
import { acquireReindexLock } from '../../src/index/lock.ts';

/** The pid of a process that has certainly exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('reindex lock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'collab-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('a second holder is refused with reindex.alreadyRunning until the first releases', async () => {
    const first = await acquireReindexLock(dir);
    await assert.rejects(acquireReindexLock(dir), (error: unknown) => {
      assert.ok(isUserError(error, 'reindex.alreadyRunning'));
      assert.match(error.message, new RegExp(`process ${process.pid}`));
      assert.match(error.message, /reindex\.lock/);
      return true;
    });
    await first.release();
    const second = await acquireReindexLock(dir);
    await second.release();
  });

  test('a lock left by a process that died is taken over', async () => {
    const stale = { pid: deadPid(), hostname: hostname(), startedAt: '2020-01-01T00:00:00.000Z' };
    await writeFile(lockPath(dir), JSON.stringify(stale));
    const held = await acquireReindexLock(dir);
    const owner = JSON.parse(await readFile(lockPath(dir), 'utf8')) as { pid: number };
    assert.equal(owner.pid, process.pid);
    await held.release();
  });

  test('a lock of a live process is respected; an unreadable lock file is stale once it is not brand new', async () => {
    await writeFile(
      lockPath(dir),
      JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: new Date().toISOString() }),
    );
    await assert.rejects(acquireReindexLock(dir), (error: unknown) => isUserError(error, 'reindex.alreadyRunning'));
    await writeFile(lockPath(dir), '');
    await assert.rejects(acquireReindexLock(dir), (error: unknown) => isUserError(error, 'reindex.alreadyRunning'));
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(lockPath(dir), aMinuteAgo, aMinuteAgo);
    const held = await acquireReindexLock(dir);
    await held.release();
  });

  test('release leaves alone a lock that is no longer ours', async () => {
    const held = await acquireReindexLock(dir);
    const other = JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: 'later' });
    await writeFile(lockPath(dir), other);
    await held.release();
    assert.equal(await readFile(lockPath(dir), 'utf8'), other);
  });
});
