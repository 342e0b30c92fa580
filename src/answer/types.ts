import type { DocumentRef } from '../types.ts';
import type { Language } from '../i18n/index.ts';

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
  /** The asker's language (of the question): the language the answer's own words and fixed texts are in. */
  language: Language;
  /** How the answer was made. */
  mode: 'extractive' | 'llm';
  /** A one-line note for the user, e.g. that the LLM failed and the extractive answer is shown. */
  note?: string;
}
