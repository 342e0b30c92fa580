// The worker-thread side of reindexInThread (src/index/reindex-thread.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { pino } from 'pino';
import { isUserError } from '../errors.ts';
import { ConfigError } from '../config.ts';
import { createEmbeddings } from './embeddings/select.ts';
import { sameEmbedder } from './manifest.ts';
import { reindex } from './reindex.ts';
import { lowerThreadPriority } from '../priority.ts';
import type { ThreadMessage, ThreadRequest } from './reindex-thread.ts';

const request = workerData as ThreadRequest;
const post = (message: ThreadMessage) => parentPort!.postMessage(message);
// Log lines go to the caller's logger (its level and destination), one pino JSON line per message.
const logger = pino({ level: 'debug' }, { write: (line: string) => post({ type: 'log', line }) });

// Only this thread: the bot that asked for the reindex keeps its priority.
lowerThreadPriority(request.config.REINDEX_NICE, 'REINDEX_NICE', logger);

try {
  // The same kind of embedder as the caller's (after its auto fallback), so the build matches its queries.
  const embedder = await createEmbeddings({ ...request.config, EMBEDDINGS: request.embedder.kind });
  if (!sameEmbedder(embedder.info, request.embedder)) {
    throw new Error(`the reindex thread got embedder ${embedder.info.id}, the service uses ${request.embedder.id}`);
  }
  const summary = await reindex(request.config, {
    embedder,
    full: request.full,
    allowShrink: request.allowShrink === true,
    logger,
    onProgress: (event) => post({ type: 'progress', event }),
  });
  post({ type: 'done', summary });
} catch (error) {
  const e = error as Error;
  post({
    type: 'failed',
    error: {
      name: e.name,
      message: e.message,
      ...(isUserError(error) ? { id: error.id, context: structuredCloneable(error.context) } : {}),
      // A bad setting found while reindexing (e.g. INDEX_DIR is a file) stays a ConfigError: commands exit 2 on it.
      ...(error instanceof ConfigError ? { variable: error.variable } : {}),
    },
  });
}

function structuredCloneable(value: Record<string, unknown>): Record<string, unknown> {
  try {
    return structuredClone(value);
  } catch {
    return {};
  }
}
