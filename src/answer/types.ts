import type { DocumentRef } from '../index/types.ts';

/** One numbered source of an answer; `[n]` in the answer text refers to it. */
export interface Citation extends DocumentRef {
  n: number;
  docId: string;
  /** The cited passage. */
  text: string;
  score: number;
}

export interface Answer {
  question: string;
  /** Answer text with `[n]` markers (no sources list; front ends render `citations`). */
  answer: string;
  found: boolean;
  citations: Citation[];
  /** How the answer was made. */
  mode: 'extractive' | 'llm';
  /** A one-line note for the user, e.g. that the LLM failed and the extractive answer is shown. */
  note?: string;
}
