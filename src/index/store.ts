// Loading the live build as an immutable snapshot that answers dense and lexical searches.
import type { Config } from '../config.ts';
import { resolvePath } from '../config.ts';
import { UserError, isUserError } from '../errors.ts';
import { readBuildChunks, readBuildLexical, readBuildManifest, readBuildVectors } from './build-files.ts';
import type { LexicalIndex } from './lexical.ts';
import { readCurrentBuildId } from './layout.ts';
import { assertSameEmbedder, corrupt } from './manifest.ts';
import type { EmbedderHandle, IndexSnapshot, Manifest, ScoredChunk, StoredChunk } from './types.ts';
import type { VectorStore } from './vector-store.ts';
import type { CollabRecord } from '../ingest/records/types.ts';
import { readRegistry } from './registry-store.ts';

export { readCurrentBuildId } from './layout.ts';

export class LoadedIndex implements IndexSnapshot {
  readonly chunks: ReadonlyMap<string, StoredChunk>;
  /** The build's collaboration records (registry-store.ts); undefined for a build made before the registry. */
  records: readonly CollabRecord[] | undefined;

  registry(): readonly CollabRecord[] | undefined {
    return this.records;
  }

  constructor(
    readonly buildId: string,
    readonly manifest: Manifest,
    chunkList: readonly StoredChunk[],
    /** The dense index (exposed for diagnostics and tests: `vectors.ef`). */
    readonly vectors: VectorStore,
    private readonly lexical: LexicalIndex,
    private readonly embedder: EmbedderHandle,
  ) {
    this.chunks = new Map(chunkList.map((c) => [c.id, c]));
  }

  /** Nearest chunks by cosine similarity of the question's embedding, best first. */
  async searchDense(query: string, k: number): Promise<ScoredChunk[]> {
    if (k <= 0 || this.vectors.size === 0) return [];
    const vector = await this.embedder.embeddings.embedQuery(query);
    const hits = await this.vectors.search(vector, k);
    return hits.flatMap(({ chunkId, similarity }) => {
      const chunk = this.chunks.get(chunkId);
      return chunk ? [{ chunk, score: similarity }] : [];
    });
  }

  searchLexical(query: string, k: number): ScoredChunk[] {
    if (k <= 0) return [];
    return this.lexical.search(query, k);
  }
}

/**
 * Opens the live index under INDEX_DIR for querying with `embedder`. Throws UserError 'index.missing'
 * (never built), 'index.embedderMismatch' (built by another embedder) or 'index.corrupt'.
 */
export async function openIndex(config: Config, embedder: EmbedderHandle): Promise<LoadedIndex> {
  const indexDir = resolvePath(config.INDEX_DIR);
  const buildId = await currentBuildIdOrThrow(indexDir, config);
  try {
    return await loadBuild(indexDir, buildId, config, embedder);
  } catch (error) {
    // A reindex may have swapped builds (and collected this one) between reading the pointer and the files.
    const now = isUserError(error, 'index.corrupt') ? await readCurrentBuildId(indexDir).catch(() => buildId) : buildId;
    if (now === undefined || now === buildId) throw error;
    return loadBuild(indexDir, now, config, embedder);
  }
}

async function currentBuildIdOrThrow(indexDir: string, config: Config): Promise<string> {
  const buildId = await readCurrentBuildId(indexDir);
  if (buildId === undefined) {
    throw new UserError(
      'index.missing',
      `There is no index at ${config.INDEX_DIR} yet; run \`npm run reindex\` to build it from ${config.CORPUS_DIR}.`,
      { indexDir: config.INDEX_DIR },
    );
  }
  return buildId;
}

async function loadBuild(indexDir: string, buildId: string, config: Config, embedder: EmbedderHandle): Promise<LoadedIndex> {
  const manifest = await readBuildManifest(indexDir, buildId);
  // Checked before loading the graph: a mismatch is refused without reading the large files.
  assertSameEmbedder(manifest, embedder.info, config.INDEX_DIR);
  const chunks = await readBuildChunks(indexDir, buildId);
  const vectors = await readBuildVectors(indexDir, buildId, embedder.embeddings, config.SEARCH_EF);
  if (vectors.size !== chunks.length || manifest.chunkCount !== chunks.length) {
    throw corrupt(
      `${config.INDEX_DIR}/builds/${buildId}`,
      `it holds ${vectors.size} vectors, ${chunks.length} chunks and a manifest of ${manifest.chunkCount} chunks`,
    );
  }
  if (chunks.length > 0 && vectors.dimension !== embedder.info.dimension) {
    throw corrupt(`${config.INDEX_DIR}/builds/${buildId}`, `its vectors have ${String(vectors.dimension)} dimensions, the manifest says ${embedder.info.dimension}`);
  }
  const lexical = await readBuildLexical(indexDir, buildId, chunks);
  const index = new LoadedIndex(buildId, manifest, chunks, vectors, lexical, embedder);
  index.records = await readRegistry(indexDir, buildId);
  return index;
}
