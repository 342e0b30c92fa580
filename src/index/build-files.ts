// Writing and reading one build directory. A build is written under a temp name, synced, then renamed to its
// final name, so a directory named like a build is always complete. An incremental build starts as a copy of
// the previous build's database (a file copy, cheap next to re-creating it) that is then edited in place, and
// its graph read from the previous build.
import { constants } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { BuildReader, BuildWriter, BUILD_DB_FORMAT } from './build-db.ts';
import { fsyncDirectory, fsyncTree } from './atomic.ts';
import { BUILD_FILES, buildDir, buildsDir, tempBuildDir } from './layout.ts';
import { LEXICAL_VERSION } from './lexical.ts';
import { corrupt, parseManifest } from './manifest.ts';
import type { Manifest } from './types.ts';
import { VectorStore } from './vector-store.ts';

export const WRITE_STEPS = ['vector index', 'chunks and lexical index', 'manifest', 'sync'] as const;
export type WriteStep = (typeof WRITE_STEPS)[number];

/** A build being written: its temp directory, the SQLite writer and the graph. */
export interface OpenBuild {
  buildId: string;
  dir: string;
  writer: BuildWriter;
  vectors: VectorStore;
}

/**
 * Starts a build in its temp directory: empty, or from a copy of `from` (a published build) when given.
 * The copy uses copy-on-write cloning where the file system has it.
 */
export async function startBuild(
  indexDir: string,
  buildId: string,
  options: { dimension: number; searchEf: number; from?: string },
): Promise<OpenBuild> {
  const dir = tempBuildDir(indexDir, buildId);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const database = join(dir, BUILD_FILES.database);
  if (options.from === undefined) {
    return {
      buildId,
      dir,
      writer: BuildWriter.open(database, LEXICAL_VERSION),
      vectors: VectorStore.create(options.dimension, options.searchEf),
    };
  }
  const source = buildDir(indexDir, options.from);
  // The database is edited in place, so it is copied. The graph is read into memory from the published
  // build (which is never written again) and saved whole into the new build by finishBuild: no copy.
  await copyFile(join(source, BUILD_FILES.database), database, constants.COPYFILE_FICLONE);
  const writer = BuildWriter.open(database, LEXICAL_VERSION);
  try {
    const vectors = VectorStore.load(
      join(source, BUILD_FILES.vectors),
      options.dimension,
      options.searchEf,
      writer.meta.deletedSlots,
    );
    return { buildId, dir, writer, vectors };
  } catch (error) {
    writer.abort();
    throw error;
  }
}

/**
 * Writes the graph, commits the database, writes the manifest and the caller's other files (`writeFiles`,
 * into the temp directory it is given), syncs, and gives the build its final name.
 */
export async function finishBuild(
  indexDir: string,
  build: OpenBuild,
  manifest: Manifest,
  onStep: (step: WriteStep, index: number) => void = () => {},
  writeFiles: (dir: string) => Promise<unknown> = async () => {},
): Promise<string> {
  // Each step first lets the event loop turn: an interrupt (SIGINT, SIGTERM) that arrived during the
  // synchronous work before it is handled here, with no write into the temp build in flight, so the
  // interrupt cleanup (src/index/cleanup.ts) removes the whole temp build.
  const begin = async (step: WriteStep) => {
    onStep(step, WRITE_STEPS.indexOf(step));
    await nextTurn();
  };
  await begin('vector index');
  build.vectors.save(join(build.dir, BUILD_FILES.vectors));
  await begin('chunks and lexical index');
  build.writer.finish({ deletedSlots: build.vectors.deletedSlots, lexicalVersion: LEXICAL_VERSION });
  await begin('manifest');
  await writeFile(join(build.dir, BUILD_FILES.manifest), JSON.stringify(manifest));
  await writeFiles(build.dir);
  await begin('sync');
  await fsyncTree(build.dir);
  const final = buildDir(indexDir, build.buildId);
  await rename(build.dir, final);
  await fsyncDirectory(buildsDir(indexDir));
  return final;
}

export async function readBuildManifest(indexDir: string, buildId: string): Promise<Manifest> {
  const file = join(buildDir(indexDir, buildId), BUILD_FILES.manifest);
  return parseManifest(await readBuildFile(file), file);
}

/** Opens a published build's database read-only; a missing or damaged file is index.corrupt. */
export function openBuildReader(indexDir: string, buildId: string): BuildReader {
  const file = join(buildDir(indexDir, buildId), BUILD_FILES.database);
  let reader: BuildReader;
  try {
    reader = new BuildReader(file);
  } catch (error) {
    throw corrupt(file, (error as Error).message);
  }
  if (reader.meta.format !== BUILD_DB_FORMAT) {
    reader.close();
    throw corrupt(file, `it has format ${String(reader.meta.format)}, this version reads ${BUILD_DB_FORMAT}`);
  }
  return reader;
}

export function readBuildVectors(
  indexDir: string,
  buildId: string,
  dimension: number,
  searchEf: number,
  deleted: number,
): VectorStore {
  const file = join(buildDir(indexDir, buildId), BUILD_FILES.vectors);
  try {
    return VectorStore.load(file, dimension, searchEf, deleted);
  } catch (error) {
    throw corrupt(file, (error as Error).message);
  }
}

async function readBuildFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw corrupt(file, (error as Error).message);
  }
}
