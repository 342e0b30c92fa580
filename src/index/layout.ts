// The on-disk layout of INDEX_DIR and the pointer that says which build is live.
//
//   INDEX_DIR/
//     current.json               {"buildId": "..."}: replaced atomically as the LAST step of a reindex
//     builds/<buildId>/          immutable once named: vectors.hnsw (hnswlib graph), index.sqlite (chunks,
//                                lexical postings, per-article records), manifest.json
//     builds/.tmp-<buildId>/     a build being written; never read, removed by the next reindex
//     embedding-cache/<id>.sqlite vectors by sha256 of the embedded text, one file per embedder
//     reindex.lock               held by the running reindex
//
// A build directory only gets its final name once every file in it is written and synced, and the
// pointer only names complete builds, so a reindex killed at any moment leaves the previous index loadable.
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { folderSettingError } from '../config.ts';
import { UserError } from '../errors.ts';
import { writeFileAtomic } from './atomic.ts';

const POINTER_FILE = 'current.json';
const BUILDS_DIR = 'builds';
const TEMP_PREFIX = '.tmp-';
const BUILD_ID = /^[0-9]{8}T[0-9]{6}(?:\.[0-9]{3})?Z-[0-9a-f]{8}$/;

export const BUILD_FILES = {
  database: 'index.sqlite',
  vectors: 'vectors.hnsw',
  manifest: 'manifest.json',
} as const;

export function buildsDir(indexDir: string): string {
  return join(indexDir, BUILDS_DIR);
}

export function buildDir(indexDir: string, buildId: string): string {
  return join(indexDir, BUILDS_DIR, buildId);
}

/** A temp build dir's name (`.tmp-<buildId>`): what an interrupted reindex leaves in builds/. */
export function isTempBuildName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}

export function tempBuildDir(indexDir: string, buildId: string): string {
  return join(indexDir, BUILDS_DIR, `${TEMP_PREFIX}${buildId}`);
}

export function embeddingCacheDir(indexDir: string): string {
  return join(indexDir, 'embedding-cache');
}

export function lockPath(indexDir: string): string {
  return join(indexDir, 'reindex.lock');
}

export function pointerPath(indexDir: string): string {
  return join(indexDir, POINTER_FILE);
}

/** Sortable by creation time, unique across processes: `20250101T120000.000Z-1a2b3c4d`. */
export function newBuildId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '');
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

/**
 * The id of the live build, or undefined when no index was ever built. Cheap (one small read), so a
 * long-running process can poll it to notice a new build.
 */
export async function readCurrentBuildId(indexDir: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(pointerPath(indexDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw await folderSettingError('INDEX_DIR', indexDir, error, { flag: '--index', createdIfMissing: true });
  }
  let buildId: unknown;
  try {
    buildId = (JSON.parse(text) as { buildId?: unknown }).buildId;
  } catch {
    buildId = undefined;
  }
  if (typeof buildId !== 'string' || !BUILD_ID.test(buildId)) {
    throw new UserError(
      'index.corrupt',
      `The index pointer ${pointerPath(indexDir)} does not name a build (it contains ${JSON.stringify(text.slice(0, 120))}). ` +
        'Run `npm run reindex -- --full` to rebuild the index.',
      { file: pointerPath(indexDir) },
    );
  }
  return buildId;
}

/** Makes `buildId` the live build. Atomic: readers see the old or the new pointer, never a torn one. */
export async function writeCurrentBuildId(indexDir: string, buildId: string): Promise<void> {
  await mkdir(indexDir, { recursive: true });
  await writeFileAtomic(
    pointerPath(indexDir),
    `${JSON.stringify({ buildId, switchedAt: new Date().toISOString() })}\n`,
  );
}

/**
 * Deletes every build except `keep`, plus leftovers of interrupted reindexes (temp build dirs).
 * Only call while holding the reindex lock, so no other reindex's temp dir is removed under it.
 */
export async function removeBuildsExcept(indexDir: string, keep: ReadonlySet<string>): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(buildsDir(indexDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of entries) {
    if (keep.has(name)) continue;
    if (!name.startsWith(TEMP_PREFIX) && !BUILD_ID.test(name)) continue; // not ours: leave it alone
    await rm(join(buildsDir(indexDir), name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
