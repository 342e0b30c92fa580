// Crash-safe file primitives. A reader must only ever see the old or the new content of a file,
// never a torn one, even when the writer is killed mid-way: write a temp file, fsync, rename, fsync dir.
import { rmSync } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { cleanupOnInterrupt } from './cleanup.ts';

/** Replaces `path` with `data` atomically (same directory temp file + fsync + rename). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const done = cleanupOnInterrupt(() => rmSync(temp, { force: true }));
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    done();
  }
  await fsyncDirectory(dirname(path));
}

/** Makes a rename or a new entry in `dir` durable. Some platforms cannot fsync a directory: ignored there. */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!isIgnorableDirSyncError(error)) throw error;
  } finally {
    await handle?.close();
  }
}

/** fsyncs every file directly inside `dir` (files written by libraries that do not sync), then the dir. */
export async function fsyncTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const handle = await open(join(dir, entry.name), 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  await fsyncDirectory(dir);
}

function isIgnorableDirSyncError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL' || code === 'EBADF';
}
