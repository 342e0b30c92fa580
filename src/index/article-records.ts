// Per-article derived data stored with each build (the `records` table of src/index/build-db.ts): what an
// article yields besides its chunks (e.g. collaboration records). A step derives its record from one
// article; the reindex calls every step for each added or changed article, deletes a changed or removed
// article's records with its chunks, and keeps an unchanged article's records as they are in the build it
// copies, in the same transaction and the same atomic publish as the chunks.
// Steps have no version yet: a step whose output changes needs `--full` to reach unchanged articles (the
// collaboration registry, registry-store.ts, has its own extractor version and re-extracts by itself).
import type { Article } from '../ingest/types.ts';
import type { StoredChunk } from './types.ts';

export interface ArticleRecordInput {
  docId: string;
  chunks: readonly StoredChunk[];
  /** The parsed article; absent for an article kept from the previous build because its file failed to load. */
  article?: Article;
}

export interface ArticleRecordStep {
  /** Row kind in the records table; one record of each kind per article. */
  kind: string;
  /** The record for one article (JSON-serializable), or undefined for none. */
  derive(input: ArticleRecordInput): unknown;
}

/** The steps a reindex runs for each added or changed article. Register a step by adding it here. */
export const ARTICLE_RECORD_STEPS: readonly ArticleRecordStep[] = [];
