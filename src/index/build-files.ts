// Writing and reading one build directory. A build is written under a temp name, synced, then renamed
// to its final name, so a directory named like a build is always complete.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { buildLexicalIndex, loadLexicalIndex, type LexicalIndex } from './lexical.ts';
import { fsyncDirectory, fsyncTree } from './atomic.ts';
import { BUILD_FILES, buildDir, buildsDir, tempBuildDir } from './layout.ts';
import { corrupt, parseManifest } from './manifest.ts';
import type { Manifest, StoredChunk } from './types.ts';
import { VectorStore } from './vector-store.ts';
import { blameVectorFile } from './vector-files.ts';

export interface BuildContents {
  vectors: VectorStore;
  chunks: StoredChunk[];
  manifest: Manifest;
}

export const WRITE_STEPS = ['vector index', 'chunks', 'lexical index', 'manifest', 'sync'] as const;
export type WriteStep = (typeof WRITE_STEPS)[number];

/** Writes a complete build and gives it its final name. `onStep` is called before each step. */
export async function writeBuild(
  indexDir: string,
  buildId: string,
  contents: BuildContents,
  onStep: (step: WriteStep, index: number) => void = () => {},
): Promise<string> {
  const begin = (step: WriteStep) => onStep(step, WRITE_STEPS.indexOf(step));
  const temp = tempBuildDir(indexDir, buildId);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  begin('vector index');
  await contents.vectors.save(temp);
  begin('chunks');
  await writeJson(join(temp, BUILD_FILES.chunks), contents.chunks);
  begin('lexical index');
  await writeJson(join(temp, BUILD_FILES.lexical), buildLexicalIndex(contents.chunks).toJSON());
  begin('manifest');
  await writeJson(join(temp, BUILD_FILES.manifest), contents.manifest);
  begin('sync');
  await fsyncTree(temp);
  const final = buildDir(indexDir, buildId);
  await rename(temp, final);
  await fsyncDirectory(buildsDir(indexDir));
  return final;
}

export async function readBuildManifest(indexDir: string, buildId: string): Promise<Manifest> {
  const file = join(buildDir(indexDir, buildId), BUILD_FILES.manifest);
  return parseManifest(await readBuildFile(file), file);
}

export async function readBuildChunks(indexDir: string, buildId: string): Promise<StoredChunk[]> {
  const file = join(buildDir(indexDir, buildId), BUILD_FILES.chunks);
  const value = parseJson(await readBuildFile(file), file);
  if (!Array.isArray(value) || !value.every(isStoredChunk)) throw corrupt(file, 'it is not a list of chunks');
  return value;
}

export async function readBuildLexical(indexDir: string, buildId: string, chunks: StoredChunk[]): Promise<LexicalIndex> {
  const file = join(buildDir(indexDir, buildId), BUILD_FILES.lexical);
  const value = parseJson(await readBuildFile(file), file);
  try {
    return loadLexicalIndex(value, chunks);
  } catch (error) {
    throw corrupt(file, (error as Error).message);
  }
}

export async function readBuildVectors(
  indexDir: string,
  buildId: string,
  embeddings: EmbeddingsInterface,
  searchEf: number,
): Promise<VectorStore> {
  const dir = buildDir(indexDir, buildId);
  try {
    return await VectorStore.load(dir, embeddings, searchEf);
  } catch (error) {
    throw await blameVectorFile(dir, error);
  }
}

async function readBuildFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw corrupt(file, (error as Error).message);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw corrupt(file, `it is not valid JSON (${(error as Error).message})`);
  }
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, JSON.stringify(value));
}

function isStoredChunk(value: unknown): value is StoredChunk {
  const c = value as Partial<StoredChunk> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.id === 'string' &&
    typeof c.docId === 'string' &&
    typeof c.text === 'string' &&
    typeof c.title === 'string' &&
    typeof c.path === 'string'
  );
}
