import type { Embeddings } from '@langchain/core/embeddings';
import type { PartyGraph } from '../ingest/records/party-graph.ts';
import type { CollabRecord } from '../ingest/records/types.ts';
import type { DocumentRef, EmbedderInfo } from '../types.ts';

export type { DocumentRef, EmbedderInfo } from '../types.ts';

export interface EmbedderHandle {
  embeddings: Embeddings;
  info: EmbedderInfo;
  /** Set when EMBEDDINGS=auto fell back to the hash embedder: the one-line notice, and why the model was unusable. */
  fallback?: { notice: string; reason: string };
}

/** A chunk as stored in the index: its text plus everything a citation needs. */
export interface StoredChunk extends DocumentRef {
  id: string;
  docId: string;
  index: number;
  institutions: string[];
  text: string;
  start: number;
  end: number;
}

/** What a reindex compares to decide whether a file changed without parsing it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** sha256 (hex) of the file's bytes. */
  hash: string;
}

export interface ManifestDocument extends DocumentRef {
  id: string;
  institutions: string[];
  contentHash: string;
  chunkIds: string[];
  /** The indexed file's stamp (absent in builds from before incremental change detection). */
  file?: FileStamp;
}

/** The chunking settings a build was made with: other settings re-chunk every article. */
export interface ChunkingSettings {
  size: number;
  overlap: number;
}

export interface Manifest {
  formatVersion: number;
  embedder: EmbedderInfo;
  builtAt: string;
  documents: ManifestDocument[];
  chunkCount: number;
  chunking?: ChunkingSettings;
}

export interface ScoredChunk {
  chunk: StoredChunk;
  /** Higher is better. Dense: cosine similarity in [-1, 1]. Lexical: BM25 score. */
  score: number;
  /** Lexical hits only: the query's analyzed terms (src/text/analyze.ts) that this chunk matched. */
  matchedTerms?: string[];
}

/** A loaded, immutable index. Questions in flight keep the snapshot they started with. */
export interface IndexSnapshot {
  readonly manifest: Manifest;
  readonly chunks: ReadonlyMap<string, StoredChunk>;
  /** Identifies the build on disk; changes on every reindex. */
  readonly buildId: string;
  searchDense(query: string, k: number): Promise<ScoredChunk[]>;
  searchLexical(query: string, k: number): ScoredChunk[];
  /** The build's collaboration records, when it has a registry (src/index/registry-store.ts). */
  registry?(): readonly CollabRecord[] | undefined;
  /** Which names of those records denote one party, as stored with the build (src/ingest/records/party-graph.ts). */
  registryParties?(): PartyGraph | undefined;
}

export interface ReindexSummary {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  /** `kept`: the file had been indexed before and its previous version stays in the index. */
  failed: { path: string; reason: string; kept?: boolean }[];
  documents: number;
  chunks: number;
  /** Chunks whose vectors had to be computed (not found in the embedding cache). */
  embedded: number;
  seconds: number;
  embedder: EmbedderInfo;
  /** The build this reindex published. */
  buildId?: string;
  /**
   * Set when the previous build was not reused: asked for (`--full`, which also ignores cached vectors), forced
   * by an embedder change, or by other chunking settings (cached vectors still used).
   */
  full?: 'requested' | 'embedderChanged' | 'settingsChanged';
  /** Set when nothing changed: the live build was kept as it is and nothing was written. */
  unchangedBuild?: boolean;
  /** Set when the dense graph was rebuilt without its deleted slots. */
  compacted?: boolean;
  /** The embedder of the replaced index, when it differed from `embedder`. */
  previousEmbedder?: EmbedderInfo;
  /**
   * Set when the collaboration records of unchanged articles were extracted again from their files (no
   * embedding): the live build's records are of another extractor version, or it has none or not all.
   */
  recordsRederived?: 'extractorChanged' | 'missing';
}

export interface ReindexProgress {
  /** Called as work advances; `phase` says what is happening. */
  (event: { phase: 'load' | 'embed' | 'write'; done: number; total: number; detail?: string }): void;
}
