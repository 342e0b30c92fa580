import type { Answer } from '../answer/types.ts';
import type { ReindexSummary } from '../index/types.ts';
import type { ConversationTurn, DocumentRef, EmbedderInfo } from '../types.ts';
import type { CollaborationFilter, RegistryEntry } from '../retrieve/registry.ts';

// The collaboration registry, as front ends see it (src/retrieve/registry.ts).
export type { CollaborationFilter, RegistryEntry as CollaborationRecord } from '../retrieve/registry.ts';
export { RegistryFilterError } from '../retrieve/registry.ts';
export { recordLine } from '../answer/registry-answer.ts';
export { TOPICS, topicById } from '../ingest/records/topics.ts';

export interface CollaborationList {
  /** False when the live build predates the registry (a reindex adds it). */
  available: boolean;
  records: RegistryEntry[];
  /** The canonical parties the filter's party resolved to (empty when it named none, or none was given). */
  parties: string[];
}

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
  /** The registry records that pass the filter; rejects with RegistryFilterError for a bad date or topic. */
  collaborations(filter?: CollaborationFilter): Promise<CollaborationList>;
  /** Canonical party names matching what a user has typed so far (any script), best first. */
  parties(prefix: string, limit?: number): Promise<string[]>;
  close(): Promise<void>;
}
