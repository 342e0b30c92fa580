// The manifest of a build: which embedder built it, and per document the content hash and chunk ids.
// It is what a reindex compares against, and what refuses a query with a different embedder.
import { UserError } from '../errors.ts';
import { describeEmbedder } from '../types.ts';
import type { ChunkingSettings, EmbedderInfo, Manifest, ManifestDocument } from './types.ts';

/** 2: builds hold vectors.hnsw + index.sqlite (before: HNSWLib files and chunks/lexical JSON). */
export const MANIFEST_FORMAT_VERSION = 2;

export function createManifest(
  embedder: EmbedderInfo,
  documents: ManifestDocument[],
  builtAt = new Date(),
  chunking?: ChunkingSettings,
): Manifest {
  const sorted = [...documents].sort((a, b) => a.path.localeCompare(b.path));
  return {
    formatVersion: MANIFEST_FORMAT_VERSION,
    embedder: { kind: embedder.kind, id: embedder.id, dimension: embedder.dimension },
    builtAt: builtAt.toISOString(),
    documents: sorted,
    chunkCount: sorted.reduce((n, d) => n + d.chunkIds.length, 0),
    ...(chunking ? { chunking } : {}),
  };
}

/** Parses a manifest.json, or throws UserError('index.corrupt') naming the file and the fix. */
export function parseManifest(text: string, file: string): Manifest {
  let value: Partial<Manifest>;
  try {
    value = JSON.parse(text) as Partial<Manifest>;
  } catch (error) {
    throw corrupt(file, `it is not valid JSON (${(error as Error).message})`);
  }
  if (typeof value.formatVersion === 'number' && value.formatVersion < MANIFEST_FORMAT_VERSION) {
    // An index from an older version of the program is treated like no index: the first run rebuilds it.
    throw new UserError(
      'index.missing',
      `The index build ${file} was written by an older version of collab-bot (format ${value.formatVersion}); run \`npm run reindex\` to rebuild it in the current format.`,
      { file, outdated: true },
    );
  }
  if (value.formatVersion !== MANIFEST_FORMAT_VERSION) {
    throw corrupt(
      file,
      `it has format version ${String(value.formatVersion)}, this version reads ${MANIFEST_FORMAT_VERSION}`,
    );
  }
  const embedder = value.embedder;
  if (!embedder || typeof embedder.id !== 'string' || typeof embedder.dimension !== 'number') {
    throw corrupt(file, 'it does not record the embedder');
  }
  if (!Array.isArray(value.documents) || typeof value.builtAt !== 'string') {
    throw corrupt(file, 'it has no document list or build time');
  }
  return value as Manifest;
}

export function sameEmbedder(a: EmbedderInfo, b: EmbedderInfo): boolean {
  return a.id === b.id && a.dimension === b.dimension;
}

/** Refuses to query an index with vectors from another embedder: the similarities would be meaningless. */
export function assertSameEmbedder(manifest: Manifest, current: EmbedderInfo, indexDir: string): void {
  if (sameEmbedder(manifest.embedder, current)) return;
  throw new UserError(
    'index.embedderMismatch',
    `The index at ${indexDir} was built with ${describeEmbedder(manifest.embedder)} but the current embedder is ` +
      `${describeEmbedder(current)}; run \`npm run reindex -- --full\` to rebuild it with the current embedder ` +
      `(or set EMBEDDINGS back to the one that built it).`,
    { indexEmbedder: manifest.embedder, currentEmbedder: current, indexDir },
  );
}

export function corrupt(file: string, why: string): UserError {
  return new UserError(
    'index.corrupt',
    `The index file ${file} cannot be used: ${why}. Run \`npm run reindex -- --full\` to rebuild the index.`,
    { file },
  );
}
