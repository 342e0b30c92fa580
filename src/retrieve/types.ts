import type { Config } from '../config.ts';
import type { StoredChunk } from '../index/types.ts';

/** A retrieved passage with the relevance that ranked it. */
export interface Passage {
  chunk: StoredChunk;
  /** Relevance in [0, 1], comparable across questions (used by the not-found rule). */
  relevance: number;
}

export interface Retrieval {
  question: string;
  /** Best first; empty when `found` is false. */
  passages: Passage[];
  found: boolean;
  /**
   * When `found` is false and some article came close: the best-scoring article's best chunk, so the answer
   * can name the closest collaboration.
   */
  nearest?: StoredChunk;
}

export interface RetrieveOptions {
  k: number;
  /** Earlier turns of a conversation, used to resolve follow-up questions. */
  history?: { question: string; answer?: string }[];
  /** Retrieval weights and thresholds (RRF_K, DENSE_WEIGHT, LEXICAL_WEIGHT, NOT_FOUND_THRESHOLD …); defaults when absent. */
  config?: Config;
}
