// The service for the Discord bot: the same API as ./service.ts, but questions are answered in a pool of
// worker threads (piscina), each holding its own index snapshot, so the bot's event loop only does I/O and
// acknowledges every interaction at once however many answers are being worked on. The number of questions
// admitted (working + waiting) is bounded: beyond it ask() refuses at once with UserError('service.busy'),
// and `busy` lets a front end refuse before it acknowledges. Sources, stats and reindex stay with the
// in-process service (first-run build, embedder change), which this wraps.
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Config } from '../config.ts';
import { UserError, type UserErrorId } from '../errors.ts';
import { silentLogger } from '../log.ts';
import type { Answer } from '../answer/types.ts';
import { createService, type ServiceDeps } from './service.ts';
import type { AskOptions, CollabService } from './types.ts';
import { RegistryFilterError } from './types.ts';
import type { CollaborationFilter } from '../retrieve/registry.ts';
import type {
  AskResult,
  AskTask,
  MainMessage,
  RegistryResult,
  RegistryTask,
  WarmTask,
  WorkerData,
  WorkerMessage,
} from './worker.ts';

export interface PooledService extends CollabService {
  readonly busy: boolean;
  /** Questions admitted and not yet answered (working or waiting). */
  readonly pending: number;
}

/** A plain-JavaScript entry that registers tsx in the worker thread, then loads ./worker.ts. */
const WORKER_FILE = new URL('./worker-boot.mjs', import.meta.url).href;

export async function createPooledService(config: Config, deps: ServiceDeps = {}): Promise<PooledService> {
  const logger = deps.logger ?? silentLogger;
  // First: builds the index when there is none (or rebuilds it for another embedder), so the workers only load.
  const inner = await createService(config, deps);
  const pool = new Piscina({
    filename: WORKER_FILE,
    // As many as maxThreads: workers start (and load the index) with the pool and are never retired when idle.
    minThreads: config.ASK_WORKERS,
    maxThreads: config.ASK_WORKERS,
    concurrentTasksPerWorker: config.ASK_TASKS_PER_WORKER,
    workerData: { config } satisfies WorkerData,
  });
  pool.on('error', (error: unknown) => logger.error({ err: error }, 'answer worker failed'));
  // One warm-up task per worker (idle workers take one each): the first questions do not wait for workers
  // to load TypeScript and their index, and an index a worker cannot load stops the start here.
  try {
    await Promise.all(Array.from({ length: config.ASK_WORKERS }, () => pool.run({ warm: true } satisfies WarmTask)));
  } catch (error) {
    await pool.destroy();
    await inner.close();
    throw error;
  }
  const capacity = config.ASK_WORKERS * config.ASK_TASKS_PER_WORKER + config.ASK_QUEUE;
  let pending = 0;
  let closed = false;

  async function ask(question: string, options: AskOptions = {}): Promise<Answer> {
    if (closed) throw new Error('the service is closed');
    // Counted here rather than by piscina's queue, whose size depends on workers still starting up.
    if (pending >= capacity) {
      throw new UserError(
        'service.busy',
        `All ${config.ASK_WORKERS} answer workers are occupied and ${config.ASK_QUEUE} questions are waiting.`,
        {
          pending,
          capacity,
        },
      );
    }
    options.signal?.throwIfAborted();
    pending++;
    try {
      return await runInWorker(question, options);
    } finally {
      pending--;
    }
  }

  async function runInWorker(question: string, options: AskOptions): Promise<Answer> {
    const { port1: port, port2: workerPort } = new MessageChannel();
    // Aborting piscina's signal takes a waiting task out of the queue, but terminates the worker of a running
    // one (and with it its loaded index): a running task is asked to stop over its port instead.
    const dequeue = new AbortController();
    let started = false;
    port.on('message', (message: WorkerMessage) => {
      if (message.type === 'started') started = true;
      else if (message.type === 'partial') forwardPartial(message.text);
    });
    const forwardPartial = (text: string) => {
      try {
        options.onPartial?.(text);
      } catch (error) {
        logger.warn({ err: error }, 'onPartial callback failed');
      }
    };
    const onAbort = () => {
      if (started)
        port.postMessage({ type: 'abort', reason: String(options.signal?.reason ?? 'aborted') } satisfies MainMessage);
      else dequeue.abort(options.signal?.reason);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const task: AskTask = {
      question,
      ...(options.history ? { history: options.history } : {}),
      streaming: options.onPartial !== undefined,
      port: workerPort,
    };
    try {
      const result = (await pool.run(task, { transferList: [workerPort], signal: dequeue.signal })) as AskResult;
      if (result.kind === 'userError') throw new UserError(result.id as UserErrorId, result.message, result.context);
      return result.answer;
    } catch (error) {
      // The caller's own reason, as the in-process service gives it, rather than piscina's wrapper.
      if (options.signal?.aborted && !(error instanceof UserError)) throw options.signal.reason;
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      port.close();
    }
  }

  async function runRegistry(request: RegistryTask['registry']): Promise<RegistryResult> {
    if (closed) throw new Error('the service is closed');
    const result = (await pool.run({ registry: request } satisfies RegistryTask)) as RegistryResult;
    if (result.kind === 'registryFilterError') throw new RegistryFilterError(result.key, result.message, result.values);
    return result;
  }

  return {
    ask,
    sources: () => inner.sources(),
    reindex: (options) => inner.reindex(options),
    get reindexing() {
      return inner.reindexing;
    },
    stats: () => inner.stats(),
    // Registry lookups go to the pool as well: building a snapshot's registry view takes long on a large
    // corpus, and the bot's event loop must stay free to acknowledge interactions.
    async collaborations(filter: CollaborationFilter = {}) {
      const result = await runRegistry({ kind: 'collaborations', filter });
      if (result.kind !== 'collaborations') throw new Error('unexpected registry result');
      return result.list;
    },
    async parties(prefix: string, limit?: number) {
      const result = await runRegistry({ kind: 'parties', prefix, ...(limit === undefined ? {} : { limit }) });
      if (result.kind !== 'parties') throw new Error('unexpected registry result');
      return result.names;
    },
    get busy() {
      return pending >= capacity;
    },
    get pending() {
      return pending;
    },
    async close() {
      closed = true;
      await inner.close();
      await pool.destroy();
    },
  };
}
