// Runs a reindex in a worker thread so the process that asked for it (the bot) keeps answering: chunking,
// analysis, embedding and graph edits all happen off its event loop. The thread opens its own embedder of the
// same kind as the caller's (an embedder object cannot cross threads) and reports progress and the summary
// by message. Used by the service; `npm run reindex` runs in its own process and calls reindex() directly.
import { Worker } from 'node:worker_threads';
import { ConfigError, type Config } from '../config.ts';
import { UserError, type UserErrorId } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { EmbedderInfo, ReindexProgress, ReindexSummary } from './types.ts';

export interface ThreadRequest {
  config: Config;
  /** The caller's embedder: the thread creates the same kind and refuses to run with another one. */
  embedder: EmbedderInfo;
  full: boolean;
  /** Publish even when the build removes more than half of the articles (src/index/shrink-guard.ts). */
  allowShrink?: boolean;
}

export type ThreadMessage =
  | { type: 'progress'; event: Parameters<ReindexProgress>[0] }
  | { type: 'log'; line: string }
  | { type: 'done'; summary: ReindexSummary }
  | {
      type: 'failed';
      error: { name: string; message: string; id?: UserErrorId; context?: Record<string, unknown>; variable?: string };
    };

const ENTRY = new URL('./reindex-thread-entry.ts', import.meta.url);

/**
 * The sources are TypeScript run through tsx, whose loader a worker thread does not inherit on Node 20: the
 * thread starts from a one-line module that registers tsx (resolved from here, whatever the cwd) and then
 * imports the entry. Compiled to .js, the entry is started directly.
 */
function startThread(workerData: ThreadRequest): Worker {
  if (!ENTRY.pathname.endsWith('.ts')) return new Worker(ENTRY, { workerData });
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(ENTRY.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** Runs reindex(config) in a worker thread; resolves with its summary, rejects with its error (UserErrors kept). */
export function reindexInThread(
  request: ThreadRequest,
  options: { onProgress?: ReindexProgress; logger?: Logger } = {},
): Promise<ReindexSummary> {
  return new Promise((resolve, reject) => {
    const worker = startThread(request);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.on('message', (message: ThreadMessage) => {
      switch (message.type) {
        case 'progress':
          options.onProgress?.(message.event);
          break;
        case 'log':
          if (options.logger) relayLog(options.logger, message.line);
          break;
        case 'done':
          settle(() => resolve(message.summary));
          break;
        case 'failed': {
          const { error } = message;
          const rebuilt = error.id
            ? new UserError(error.id, error.message, error.context ?? {})
            : error.variable !== undefined
              ? new ConfigError(error.variable, error.message)
              : Object.assign(new Error(error.message), { name: error.name });
          settle(() => reject(rebuilt));
          break;
        }
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the reindex thread exited (code ${code}) before reporting a result`))),
    );
  });
}

/** Replays one pino JSON line from the thread on the caller's logger, at its level. */
function relayLog(logger: Logger, line: string): void {
  try {
    const {
      level,
      msg,
      time: _time,
      pid: _pid,
      hostname: _hostname,
      ...fields
    } = JSON.parse(line) as Record<string, unknown>;
    const label = logger.levels.labels[Number(level)] as
      'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | undefined;
    logger[label ?? 'info'](fields, typeof msg === 'string' ? msg : '');
  } catch {
    logger.info(line.trim());
  }
}
