// Nothing a reindex leaves half-done may outlive it. Two mechanisms:
//  - while a reindex runs, what it would leave behind (its temp build, its lock) is registered here and
//    removed synchronously when the process is interrupted (SIGINT, SIGTERM) or exits;
//  - a kill -9 cannot be caught, so the next reindex removes the leftovers of runs whose process is gone.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { buildsDir, embeddingCacheDir, isTempBuildName, lockPath } from './layout.ts';

type SyncCleanup = () => void;

const pending = new Set<SyncCleanup>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Runs `cleanup` (synchronous) if the process is interrupted or exits before the returned function is
 * called. In a command-line process the signal then still ends it, as it would have without us; a host
 * with its own handler (the bot's graceful shutdown) keeps control, and the cleanup runs when it exits.
 */
export function cleanupOnInterrupt(cleanup: SyncCleanup): () => void {
  pending.add(cleanup);
  if (pending.size === 1) install();
  return () => {
    if (!pending.delete(cleanup)) return;
    if (pending.size === 0) uninstall();
  };
}

function runPending(): void {
  for (const cleanup of [...pending]) {
    try {
      cleanup();
    } catch {
      // Best effort: what is left is removed by the next reindex.
    }
  }
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  const othersListen = process.listeners(signal).some((listener) => listener !== onSignal);
  if (othersListen) return; // the host decides when to stop; 'exit' runs the cleanup then
  runPending();
  uninstall();
  process.kill(process.pid, signal); // no listener left: Node's default, ending the process by this signal
}

function install(): void {
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', runPending);
}

function uninstall(): void {
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', runPending);
}

/** Removes every temp build dir (only while holding the reindex lock: then none is being written). */
export function removeTempBuildsSync(indexDir: string): void {
  let names: string[];
  try {
    names = readdirSync(buildsDir(indexDir));
  } catch {
    return;
  }
  for (const name of names)
    if (isTempBuildName(name)) rmSync(join(buildsDir(indexDir), name), { recursive: true, force: true });
}

/** `reindex.lock.<pid>.<hex>`, `reindex.lock.stale.<pid>.<hex>`, `.<file>.<pid>.<hex>.tmp`: temp files named by their writer. */
const TEMP_FILE = /^(?:reindex\.lock\.(?:stale\.)?(\d+)\.[0-9a-f]+|\..+\.(\d+)\.[0-9a-f]{8}\.tmp)$/;

/**
 * Removes what killed runs left (call while holding the reindex lock): temp build dirs, and temp files of
 * the lock and of atomic writes whose writing process is gone. Files of a live process, or written on
 * another host (a shared folder: we cannot see its processes), are left alone. Returns the removed names.
 */
export async function removeLeftovers(indexDir: string, isAlive: (pid: number) => boolean): Promise<string[]> {
  const removed: string[] = [];
  const builds = await readdir(buildsDir(indexDir)).catch(() => [] as string[]);
  for (const name of builds) {
    if (!isTempBuildName(name)) continue;
    await rm(join(buildsDir(indexDir), name), { recursive: true, force: true });
    removed.push(name);
  }
  for (const dir of [indexDir, embeddingCacheDir(indexDir)]) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const match = TEMP_FILE.exec(name);
      if (!match) continue;
      const pid = Number(match[1] ?? match[2]);
      if (isAlive(pid) || (await writtenElsewhere(join(dir, name)))) continue;
      await rm(join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** A lock temp file records its owner's host; one from another host is not ours to judge. */
async function writtenElsewhere(file: string): Promise<boolean> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as { hostname?: unknown };
    return typeof owner.hostname === 'string' && owner.hostname !== hostname();
  } catch {
    return false;
  }
}

/** Removes `path` if it still holds `text` (a lock that was ours and was not taken over). */
export function removeIfUnchangedSync(path: string, text: string): void {
  try {
    if (readFileSync(path, 'utf8') === text) rmSync(path, { force: true });
  } catch {
    // gone already
  }
}

/**
 * For the thread that starts a reindex in another thread of this process (signals reach only the main
 * thread, and end the whole process): on an interrupt, if this process holds INDEX_DIR's reindex lock,
 * removes the temp builds and the lock, as the reindex itself would. Returns the function that ends the guard.
 */
export function guardReindexInterrupt(indexDir: string): () => void {
  return cleanupOnInterrupt(() => {
    const path = lockPath(indexDir);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return; // no lock: nothing of ours to remove
    }
    const owner = parseOwnerPid(text);
    if (owner?.pid !== process.pid || owner.hostname !== hostname()) return;
    removeTempBuildsSync(indexDir);
    removeIfUnchangedSync(path, text);
  });
}

function parseOwnerPid(text: string): { pid: unknown; hostname: unknown } | undefined {
  try {
    return JSON.parse(text) as { pid: unknown; hostname: unknown };
  } catch {
    return undefined;
  }
}
