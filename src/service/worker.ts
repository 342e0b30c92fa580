// One answer worker of the pool in ./pooled.ts: a worker thread holding its own in-process service (its own
// loaded index snapshot, hot-reloaded when a new build is published, exactly as in ./service.ts), answering
// one question per task. Partial text and cancellation cross the thread boundary on the task's MessagePort.
import type { MessagePort } from 'node:worker_threads';
import { workerData } from 'piscina';
import type { Config } from '../config.ts';
import { isUserError } from '../errors.ts';
import { createLogger } from '../log.ts';
import { lowerThreadPriority } from '../priority.ts';
import type { Answer } from '../answer/types.ts';
import { createService } from './service.ts';
import { RegistryFilterError, type CollabService, type CollaborationList, type ConversationTurn } from './types.ts';
import type { CollaborationFilter } from '../retrieve/registry.ts';

export interface WorkerData {
  config: Config;
}

/**
 * Sent once per worker at start: resolves when the worker has loaded its index and built what the first
 * questions would otherwise build (the registry view of the snapshot, which takes long on a large corpus).
 */
export interface WarmTask {
  warm: true;
}

/** A registry lookup (/collaborations and its autocomplete), answered in the pool too: never on the bot's loop. */
export interface RegistryTask {
  warm?: undefined;
  registry:
    { kind: 'collaborations'; filter: CollaborationFilter } | { kind: 'parties'; prefix: string; limit?: number };
}

/** A RegistryFilterError does not survive structured cloning as a class either. */
export type RegistryResult =
  | { kind: 'collaborations'; list: CollaborationList }
  | { kind: 'parties'; names: string[] }
  | { kind: 'registryFilterError'; key: RegistryFilterError['key']; message: string; values: Record<string, string> };

export interface AskTask {
  warm?: undefined;
  question: string;
  history?: ConversationTurn[];
  /** Whether the caller wants partial text (only then is it sent over the port). */
  streaming: boolean;
  port: MessagePort;
}

/** Worker → main messages on the task port. */
export type WorkerMessage = { type: 'started' } | { type: 'partial'; text: string };
/** Main → worker messages on the task port. */
export type MainMessage = { type: 'abort'; reason: string };

/** A UserError does not survive structured cloning as a class, so it travels as data and is rebuilt. */
export type AskResult =
  | { kind: 'answer'; answer: Answer }
  | { kind: 'userError'; id: string; message: string; context: Record<string, unknown> };

const { config } = workerData as WorkerData;
const logger = createLogger(config.LOG_LEVEL, 'ask-worker');

// The event loop that acknowledges interactions gets the CPU first; answers take what is left.
lowerThreadPriority(config.ASK_WORKER_NICE, 'ASK_WORKER_NICE', logger);

// Loading starts with the module, and piscina marks the worker ready only once the module has loaded: the
// first question a worker gets does not wait for the index. A failure is reported by the questions themselves.
// The main thread built the index before starting the pool; a worker never builds one.
const service: Promise<CollabService> = createService(config, { logger, buildMissing: false });
await service.catch(() => undefined);

export default async function handle(
  task: AskTask | WarmTask | RegistryTask,
): Promise<AskResult | RegistryResult | { kind: 'warm' }> {
  if (task.warm) {
    const loaded = await service;
    await loaded.stats();
    // Builds this snapshot's registry view now, before the bot logs in, not on the first list question.
    await loaded.collaborations({});
    return { kind: 'warm' };
  }
  if ('registry' in task) return registry(task);
  return ask(task);
}

async function registry({ registry: request }: RegistryTask): Promise<RegistryResult> {
  const loaded = await service;
  try {
    if (request.kind === 'parties')
      return { kind: 'parties', names: await loaded.parties(request.prefix, request.limit) };
    return { kind: 'collaborations', list: await loaded.collaborations(request.filter) };
  } catch (error) {
    if (error instanceof RegistryFilterError)
      return { kind: 'registryFilterError', key: error.key, message: error.message, values: error.values };
    throw error;
  }
}

async function ask(task: AskTask): Promise<AskResult> {
  const { port } = task;
  const controller = new AbortController();
  port.on('message', (message: MainMessage) => {
    if (message.type === 'abort') controller.abort(new Error(message.reason));
  });
  post(port, { type: 'started' });
  try {
    const answer = await (
      await service
    ).ask(task.question, {
      signal: controller.signal,
      ...(task.history ? { history: task.history } : {}),
      ...(task.streaming ? { onPartial: (text: string) => post(port, { type: 'partial', text }) } : {}),
    });
    return { kind: 'answer', answer };
  } catch (error) {
    if (isUserError(error)) return { kind: 'userError', id: error.id, message: error.message, context: error.context };
    throw error;
  } finally {
    port.close();
  }
}

function post(port: MessagePort, message: WorkerMessage): void {
  port.postMessage(message);
}
