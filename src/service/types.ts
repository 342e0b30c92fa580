import type { Answer } from '../answer/types.ts';
import type { DocumentRef, EmbedderInfo, ReindexSummary } from '../index/types.ts';

export interface ConversationTurn {
  question: string;
  answer?: string;
}

export interface AskOptions {
  /** Earlier turns (oldest first) when the question is a follow-up. */
  history?: ConversationTurn[];
  /** Receives the answer text so far while an LLM streams it. */
  onPartial?: (textSoFar: string) => void;
  signal?: AbortSignal;
}

export interface SourceInfo extends DocumentRef {
  docId: string;
  chunks: number;
}

export interface IndexStats {
  documents: number;
  chunks: number;
  embedder: EmbedderInfo;
  builtAt: string;
}

/** The one API the front ends (CLI, Discord) use. They never touch the index directly. */
export interface CollabService {
  ask(question: string, options?: AskOptions): Promise<Answer>;
  sources(): Promise<SourceInfo[]>;
  /**
   * Incremental by default; rejects with UserError('reindex.alreadyRunning') while one runs, and with
   * UserError('reindex.shrink') when it would remove more than half of the articles unless `allowShrink`.
   */
  reindex(options?: { full?: boolean; allowShrink?: boolean }): Promise<ReindexSummary>;
  readonly reindexing: boolean;
  stats(): Promise<IndexStats>;
  close(): Promise<void>;
}
