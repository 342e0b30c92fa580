// Where the live index is read from (INDEX_BACKEND): the build files under INDEX_DIR (`local`) or PostgreSQL
// with pgvector (`postgres`, src/index/postgres). The service only asks a backend for the current build's id
// (checked before every question, so a build published by any process is picked up) and for a snapshot of it.
import type { Config } from '../config.ts';
import { openIndex, readCurrentBuildId } from './store.ts';
import type { EmbedderHandle, IndexSnapshot } from './types.ts';

export interface IndexBackend {
  /** The live build's id, cheaply (one small file read, or one indexed row); undefined when there is none. */
  currentBuildId(): Promise<string | undefined>;
  /** A snapshot of the live build; throws UserError 'index.missing' when there is none. */
  open(embedder: EmbedderHandle): Promise<IndexSnapshot>;
  /** Releases connections (a no-op for local files). */
  close(): Promise<void>;
}

export function localBackend(config: Config): IndexBackend {
  return {
    currentBuildId: () => readCurrentBuildId(config.INDEX_DIR),
    open: (embedder) => openIndex(config, embedder),
    close: async () => {},
  };
}

/** The backend INDEX_BACKEND names. The postgres code (and `pg`) is loaded only when it is used. */
export async function indexBackend(config: Config): Promise<IndexBackend> {
  if (config.INDEX_BACKEND !== 'postgres') return localBackend(config);
  const { PostgresBackend } = await import('./postgres/backend.ts');
  return new PostgresBackend(config);
}
