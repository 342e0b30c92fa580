// Loading the live build as an immutable snapshot that answers dense and lexical searches. Opening reads the
// manifest and the graph; chunk texts and postings stay in the build's SQLite file and are read when a
// question needs them, so a snapshot costs about the vectors' size in memory and opens in well under a second
// even at 100k chunks. Several threads or processes may open the same build at once (read-only SQLite).
import type { Config } from '../config.ts';
import { resolvePath } from '../config.ts';
import { UserError, isUserError } from '../errors.ts';
import type { BuildReader } from './build-db.ts';
import { openBuildReader, readBuildManifest, readBuildVectors } from './build-files.ts';
import { AliasExpander, LEXICAL_VERSION, buildLexicalIndex, lexicalSearcher, type LexicalIndex } from './lexical.ts';
import { readCurrentBuildId } from './layout.ts';
import { assertSameEmbedder, corrupt } from './manifest.ts';
import type { EmbedderHandle, IndexSnapshot, Manifest, ScoredChunk, StoredChunk } from './types.ts';
import type { VectorStore } from './vector-store.ts';
import type { CollabRecord } from '../ingest/records/types.ts';
import { loadRegistry } from './registry-store.ts';
import type { PartyGraph } from '../ingest/records/party-graph.ts';

export { readCurrentBuildId } from './layout.ts';

/** Chunks recently read, kept parsed: a question reads the same few chunks several times. */
const CHUNK_CACHE_SIZE = 2048;

/**
 * The chunks of a build as a ReadonlyMap. Ids, articles and positions of all chunks are held in memory (a few
 * bytes each); the rest of a chunk (text, title, citation fields) is read from SQLite the first time one of
 * those fields is used. A search hit therefore costs nothing until its text is wanted: retrieval looks at
 * every lexical hit's article but reads the text of a few passages only.
 */
export class ChunkMap implements ReadonlyMap<string, StoredChunk> {
  private readonly recent = new Map<number, StoredChunk>();
  private readonly ordinalById = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly docIds: string[] = [];
  private readonly positions: number[] = [];

  /** `reader`: a build's SQLite file, or any store with the same two reads (src/index/postgres/snapshot.ts). */
  constructor(private readonly reader: Pick<BuildReader, 'directory' | 'chunkByOrdinal'>) {
    for (const row of reader.directory()) {
      this.ordinalById.set(row.id, row.ordinal);
      this.ids[row.ordinal] = row.id;
      this.docIds[row.ordinal] = row.docId;
      this.positions[row.ordinal] = row.index;
    }
  }

  get size(): number {
    return this.ordinalById.size;
  }

  get(id: string): StoredChunk | undefined {
    const ordinal = this.ordinalById.get(id);
    return ordinal === undefined ? undefined : this.byOrdinal(ordinal);
  }

  /** The chunk with this ordinal; its text and citation fields load on first use. */
  byOrdinal(ordinal: number): StoredChunk | undefined {
    const id = this.ids[ordinal];
    if (id === undefined) return undefined;
    const load = () => this.load(ordinal);
    // Own enumerable getters: spreading, JSON and structured clone (worker threads) see plain fields.
    return {
      id,
      docId: this.docIds[ordinal]!,
      index: this.positions[ordinal]!,
      get path() {
        return load().path;
      },
      get title() {
        return load().title;
      },
      get source() {
        return load().source;
      },
      get date() {
        return load().date;
      },
      get url() {
        return load().url;
      },
      get language() {
        return load().language;
      },
      get institutions() {
        return load().institutions;
      },
      get text() {
        return load().text;
      },
      get start() {
        return load().start;
      },
      get end() {
        return load().end;
      },
    };
  }

  has(id: string): boolean {
    return this.ordinalById.has(id);
  }

  *entries(): MapIterator<[string, StoredChunk]> {
    for (const [id, ordinal] of this.ordinalById) yield [id, this.byOrdinal(ordinal)!];
  }

  *keys(): MapIterator<string> {
    yield* this.ordinalById.keys();
  }

  *values(): MapIterator<StoredChunk> {
    for (const [, chunk] of this.entries()) yield chunk;
  }

  [Symbol.iterator](): MapIterator<[string, StoredChunk]> {
    return this.entries();
  }

  forEach(
    callback: (value: StoredChunk, key: string, map: ReadonlyMap<string, StoredChunk>) => void,
    thisArg?: unknown,
  ): void {
    for (const [id, chunk] of this.entries()) callback.call(thisArg, chunk, id, this);
  }

  private load(ordinal: number): StoredChunk {
    let chunk = this.recent.get(ordinal);
    if (chunk) {
      this.recent.delete(ordinal);
    } else {
      chunk = this.reader.chunkByOrdinal(ordinal);
      if (!chunk) throw new Error(`chunk ${ordinal} vanished from its build (${this.ids[ordinal] ?? '?'})`);
    }
    this.recent.set(ordinal, chunk);
    if (this.recent.size > CHUNK_CACHE_SIZE) this.recent.delete(this.recent.keys().next().value!);
    return chunk;
  }
}

export class LoadedIndex implements IndexSnapshot {
  readonly chunks: ChunkMap;
  private readonly lexical: LexicalIndex;
  /** The build's collaboration records (registry-store.ts); undefined for a build made before the registry. */
  collaborationRecords: readonly CollabRecord[] | undefined;

  /** Their party graph, when the build stored one. */
  collaborationParties: PartyGraph | undefined;

  registry(): readonly CollabRecord[] | undefined {
    return this.collaborationRecords;
  }

  registryParties(): PartyGraph | undefined {
    return this.collaborationParties;
  }

  constructor(
    readonly buildId: string,
    readonly manifest: Manifest,
    private readonly reader: BuildReader,
    /** The dense index (exposed for diagnostics and tests: `vectors.ef`). */
    readonly vectors: VectorStore,
    private readonly embedder: EmbedderHandle,
  ) {
    this.chunks = new ChunkMap(reader);
    this.lexical =
      reader.meta.lexicalVersion === LEXICAL_VERSION
        ? lexicalSearcher(reader, new AliasExpander(reader.aliasEntries()), (ordinal) => this.chunks.byOrdinal(ordinal))
        : // Built by another analyzer: its terms would not match the queries'. Re-analyzed in memory until the
          // next reindex stores the new terms.
          buildLexicalIndex([...reader.chunkRows()].map((r) => r.chunk));
  }

  /** Nearest chunks by cosine similarity of the question's embedding, best first. */
  async searchDense(query: string, k: number): Promise<ScoredChunk[]> {
    if (k <= 0 || this.vectors.size === 0) return [];
    const vector = await this.embedder.embeddings.embedQuery(query);
    return this.searchVector(vector, k);
  }

  /** Nearest chunks to an already computed query vector. */
  searchVector(vector: readonly number[], k: number): ScoredChunk[] {
    return this.vectors.search(vector, k).flatMap(({ ordinal, similarity }) => {
      const chunk = this.chunks.byOrdinal(ordinal);
      return chunk ? [{ chunk, score: similarity }] : [];
    });
  }

  searchLexical(query: string, k: number): ScoredChunk[] {
    if (k <= 0) return [];
    return this.lexical.search(query, k);
  }

  /** Per-article derived records of `kind` stored with this build. */
  records(kind: string): { docId: string; data: unknown }[] {
    return this.reader.records(kind);
  }

  /** Releases the database connection (the graph goes with the object). */
  close(): void {
    this.reader.close();
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

async function loadBuild(
  indexDir: string,
  buildId: string,
  config: Config,
  embedder: EmbedderHandle,
): Promise<LoadedIndex> {
  const manifest = await readBuildManifest(indexDir, buildId);
  // Checked before loading the graph: a mismatch is refused without reading the large files.
  assertSameEmbedder(manifest, embedder.info, config.INDEX_DIR);
  const reader = openBuildReader(indexDir, buildId);
  try {
    const vectors = readBuildVectors(
      indexDir,
      buildId,
      embedder.info.dimension,
      config.SEARCH_EF,
      reader.meta.deletedSlots,
    );
    const chunks = reader.documentCount;
    if (vectors.size !== chunks || manifest.chunkCount !== chunks) {
      throw corrupt(
        `${config.INDEX_DIR}/builds/${buildId}`,
        `it holds ${vectors.size} vectors, ${chunks} chunks and a manifest of ${manifest.chunkCount} chunks`,
      );
    }
    const index = new LoadedIndex(buildId, manifest, reader, vectors, embedder);
    const registry = await loadRegistry(indexDir, buildId);
    index.collaborationRecords = registry?.records;
    index.collaborationParties = registry?.parties;
    return index;
  } catch (error) {
    reader.close();
    throw error;
  }
}
