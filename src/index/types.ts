import type { Embeddings } from '@langchain/core/embeddings';

/** Which embedder built an index: an index is only ever queried with the same one. */
export interface EmbedderInfo {
  /** `hash` or `local` */
  kind: 'hash' | 'local';
  /** e.g. `hash-v1-768-f4c83aa47` (version, dimension, fingerprint of the text folding) or `local:Xenova/multilingual-e5-small:q8` */
  id: string;
  dimension: number;
}

export interface EmbedderHandle {
  embeddings: Embeddings;
  info: EmbedderInfo;
}

/** Which article something comes from: what a citation or a source listing shows. */
export interface DocumentRef {
  /** Path relative to the corpus directory. */
  path: string;
  title: string;
  source: string;
  date?: string;
  url?: string;
  language: string;
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
}

export interface ReindexProgress {
  /** Called as work advances; `phase` says what is happening. */
  (event: { phase: 'load' | 'embed' | 'write'; done: number; total: number; detail?: string }): void;
}
