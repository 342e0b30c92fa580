// An exclusive lock on INDEX_DIR so two reindex processes never build and swap at the same time.
// The lock file is created complete (written to a temp name, then hard-linked, which fails if it
// exists), so another process never reads a half-written owner. A lock whose owner process is gone
// (killed reindex) is stale and taken over. While held, an interrupt (SIGINT, SIGTERM) removes the
// holder's temp build and the lock before the process ends; on taking the lock, the leftovers of killed
// runs are removed (src/index/cleanup.ts).
import { rmSync } from 'node:fs';
import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { folderSettingError } from '../config.ts';
import { UserError } from '../errors.ts';
import { cleanupOnInterrupt, removeIfUnchangedSync, removeLeftovers, removeTempBuildsSync } from './cleanup.ts';
import { lockPath } from './layout.ts';

export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

export interface HeldLock {
  readonly path: string;
  /** Names of the leftovers of killed runs removed on taking the lock. */
  readonly removedLeftovers: readonly string[];
  release(): Promise<void>;
}

/**
 * Takes the reindex lock or throws UserError('reindex.alreadyRunning') naming the running process. Then
 * removes the leftovers of killed runs, and until release() an interrupt removes this run's temp build and
 * the lock.
 */
export async function acquireReindexLock(indexDir: string): Promise<HeldLock> {
  try {
    await mkdir(indexDir, { recursive: true });
  } catch (error) {
    throw await folderSettingError('INDEX_DIR', indexDir, error, {
      flag: '--index',
      write: true,
      createdIfMissing: true,
    });
  }
  const path = lockPath(indexDir);
  const owner: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  const ownerText = `${JSON.stringify(owner)}\n`;
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  let held = false;
  const stopCleanup = cleanupOnInterrupt(() => {
    rmSync(temp, { force: true });
    if (!held) return;
    removeTempBuildsSync(indexDir); // ours: nobody else writes builds while we hold the lock
    removeIfUnchangedSync(path, ownerText);
  });
  try {
    await writeFile(temp, ownerText);
  } catch (error) {
    stopCleanup();
    throw error;
  }
  try {
    // Two attempts: the second follows the removal of a stale lock.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        await createExclusive(temp, path, ownerText);
        held = true;
        const removedLeftovers = await removeLeftovers(indexDir, isProcessAlive).catch(() => []);
        return {
          path,
          removedLeftovers,
          release: async () => {
            await releaseLock(path, ownerText);
            stopCleanup();
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const current = await readLockFile(path);
      if (current === undefined) continue; // released meanwhile
      if (!isStale(current.owner, current.ageMs)) throw alreadyRunning(path, current.owner);
      await removeStaleLock(path, current.text);
    }
    const current = await readLockFile(path);
    throw alreadyRunning(path, current?.owner);
  } catch (error) {
    stopCleanup();
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

export interface WaitOptions {
  timeoutMs: number;
  /** How often the lock file is looked at. */
  pollMs?: number;
}

/** Between two looks at a lock held by another process: short, since a look is one small file read. */
const DEFAULT_POLL_MS = 250;

/**
 * Waits until nobody holds the reindex lock (released, or its owner is gone). Throws
 * UserError('reindex.alreadyRunning') after `timeoutMs`, saying who still holds it and what to do.
 */
export async function waitForReindexLock(indexDir: string, options: WaitOptions): Promise<void> {
  const path = lockPath(indexDir);
  const started = Date.now();
  for (;;) {
    const current = await readLockFile(path);
    if (current === undefined || isStale(current.owner, current.ageMs)) return;
    if (Date.now() - started >= options.timeoutMs) {
      const seconds = Math.round(options.timeoutMs / 1000);
      throw new UserError(
        'reindex.alreadyRunning',
        `Gave up after waiting ${seconds} s (INDEX_WAIT_SECONDS) for the index build of ${describeOwner(current.owner)}, which is still running. ` +
          `Run the command again when it has finished, or raise INDEX_WAIT_SECONDS; if no reindex is running, delete ${path}.`,
        { lockPath: path, owner: current.owner },
      );
    }
    await sleep(Math.min(options.pollMs ?? DEFAULT_POLL_MS, Math.max(1, options.timeoutMs - (Date.now() - started))));
  }
}

/** Creates `path` with `text` or fails with EEXIST. */
async function createExclusive(temp: string, path: string, text: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Filesystems without hard links: O_EXCL create. Another process may then briefly see it empty, which
    // is why an unreadable lock only counts as stale once it is old (see isStale).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    await writeFile(path, text, { flag: 'wx' });
  }
}

async function releaseLock(path: string, ownerText: string): Promise<void> {
  // Only remove the lock if it is still ours (it could have been judged stale and taken over).
  const current = await readLockFile(path);
  if (current?.text === ownerText) await rm(path, { force: true });
}

async function readLockFile(
  path: string,
): Promise<{ text: string; owner: LockOwner | undefined; ageMs: number } | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { text, owner: parseOwner(text), ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.hostname === 'string' && typeof value.startedAt === 'string') {
      return value as LockOwner;
    }
  } catch {
    // fall through: unreadable owner
  }
  return undefined;
}

/** An unreadable lock older than this is debris (a crash between create and write), not a live owner. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

/**
 * A lock is stale when its owner ran on this machine and is no longer alive, or when it is unreadable and
 * not brand new. Locks from another host (shared network dir) are never judged: we cannot see that
 * host's processes.
 */
function isStale(owner: LockOwner | undefined, ageMs: number): boolean {
  if (!owner) return ageMs > UNREADABLE_LOCK_GRACE_MS;
  if (owner.hostname !== hostname()) return false;
  return !isProcessAlive(owner.pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves the stale lock aside, then checks that what was moved is the stale file judged, not a fresh
 * lock another process created in between; a fresh lock is put back.
 */
async function removeStaleLock(path: string, staleText: string): Promise<void> {
  const aside = `${path}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    const moved = await readFile(aside, 'utf8');
    if (moved !== staleText) {
      await link(aside, path).catch(() => undefined);
    }
  } finally {
    await rm(aside, { force: true });
  }
}

function describeOwner(owner: LockOwner | undefined): string {
  return owner ? `process ${owner.pid} on ${owner.hostname}, started ${owner.startedAt}` : 'another process';
}

function alreadyRunning(path: string, owner: LockOwner | undefined): UserError {
  const who = describeOwner(owner);
  return new UserError(
    'reindex.alreadyRunning',
    `A reindex is already running (${who}). Wait for it to finish; if no reindex is running, delete ${path}.`,
    { lockPath: path, owner },
  );
}
