import type { Answer } from '../answer/types.ts';
import type { ReindexSummary } from '../index/types.ts';
import type { ConversationTurn, DocumentRef, EmbedderInfo } from '../types.ts';

// The data the front ends read, re-exported so that they import the service API and nothing behind it.
export type { Answer, Citation } from '../answer/types.ts';
export type { ReindexProgress, ReindexSummary } from '../index/types.ts';
export type { ConversationTurn, DocumentRef, EmbedderInfo } from '../types.ts';
export type { RankedDocument, RetrievalDiagnostics } from '../retrieve/retrieve.ts';

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
  /** True while ask() would refuse at once with UserError('service.busy'), so a front end can refuse before acknowledging. */
  readonly busy?: boolean;
  stats(): Promise<IndexStats>;
  close(): Promise<void>;
}
