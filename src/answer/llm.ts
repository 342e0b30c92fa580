// The chat model behind generated answers: LangChain's ChatOpenAI, which speaks the OpenAI chat API that
// OpenAI, Ollama, llama.cpp and vLLM all serve. Every failure becomes an LlmFailure with a kind, so the caller
// can fall back to the extractive answer with a one-line note; the whole call is bounded by LLM_TIMEOUT_MS.
import { ChatOpenAI } from '@langchain/openai';
import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import type { Config } from '../config.ts';
import type { PromptMessage } from './prompt.ts';
import { stripReasoning } from './citations.ts';

export type LlmFailureKind = 'timeout' | 'aborted' | 'http' | 'connection' | 'malformed' | 'empty';

/** Why the LLM gave no usable text. `message` is the one-line note shown to the user. */
export class LlmFailure extends Error {
  override readonly name = 'LlmFailure';
  constructor(
    readonly kind: LlmFailureKind,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

type LlmConfig = Pick<Config, 'LLM_BASE_URL' | 'LLM_MODEL' | 'LLM_API_KEY' | 'LLM_TIMEOUT_MS' | 'LLM_TEMPERATURE'>;

const OPENAI_BASE_URL = 'https://api.openai.com/v1';
/** Local servers (Ollama, llama.cpp) ignore the key, but the client refuses to run without one. */
const PLACEHOLDER_API_KEY = 'no-key-needed';

export function createChatModel(config: LlmConfig): ChatOpenAI {
  return new ChatOpenAI({
    model: config.LLM_MODEL,
    apiKey: config.LLM_API_KEY ?? PLACEHOLDER_API_KEY,
    // Explicit, so OPENAI_BASE_URL in the environment cannot silently redirect requests.
    configuration: { baseURL: config.LLM_BASE_URL ?? OPENAI_BASE_URL },
    temperature: config.LLM_TEMPERATURE,
    timeout: config.LLM_TIMEOUT_MS,
    // A failed call falls back to the extractive answer at once; retrying would only delay it.
    maxRetries: 0,
    // stream_options is rejected by some older OpenAI-compatible servers, and usage is not needed.
    streamUsage: false,
  });
}

export interface GenerateOptions {
  timeoutMs: number;
  /** The caller's cancellation (e.g. the front end shutting down). */
  signal?: AbortSignal;
  /** When given, the reply is streamed and this receives the raw text so far after every chunk. */
  onText?: (textSoFar: string) => void;
  /** For failure notes: where the model lives. */
  baseURL?: string;
}

/**
 * Sends the prompt and returns the model's raw text. Rejects with an LlmFailure on every failure, and never
 * later than `timeoutMs` even if the HTTP client does not honour the abort.
 */
export async function generateText(
  model: ChatOpenAI,
  prompt: readonly PromptMessage[],
  options: GenerateOptions,
): Promise<string> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const messages = prompt.map(toLangChainMessage);

  const request = (async () => {
    if (options.onText) {
      let text = '';
      const stream = await model.stream(messages, { signal });
      for await (const chunk of stream) {
        if (!chunk.text) continue;
        text += chunk.text;
        options.onText(text);
      }
      // LangChain ends a stream quietly when the signal fires between chunks: a cut-off text is a failure.
      signal.throwIfAborted();
      return text;
    }
    const message = await model.invoke(messages, { signal });
    return message.text;
  })();

  try {
    const text = await untilAborted(request, signal);
    if (stripReasoning(text).trim() === '')
      throw new LlmFailure('empty', 'The language model returned an empty answer');
    return text;
  } catch (error) {
    throw toLlmFailure(error, {
      deadline,
      timeoutMs: options.timeoutMs,
      ...(options.signal ? { callerSignal: options.signal } : {}),
      ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    });
  }
}

function toLangChainMessage(message: PromptMessage): BaseMessage {
  switch (message.role) {
    case 'system':
      return new SystemMessage(message.content);
    case 'user':
      return new HumanMessage(message.content);
    case 'assistant':
      return new AIMessage(message.content);
  }
}

/** Resolves with `work`, or rejects as soon as `signal` aborts, whichever comes first. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

interface FailureContext {
  callerSignal?: AbortSignal;
  deadline: AbortSignal;
  timeoutMs: number;
  baseURL?: string;
}

/** Classifies anything the request threw into one of the failure kinds, with a message fit for a user note. */
export function toLlmFailure(error: unknown, context: FailureContext): LlmFailure {
  if (error instanceof LlmFailure) return error;
  const cause = { cause: error };
  if (context.callerSignal?.aborted)
    return new LlmFailure('aborted', 'The language model request was cancelled', undefined, cause);
  const seconds = Math.round(context.timeoutMs / 100) / 10;
  const name = errorName(error);
  if (context.deadline.aborted || name === 'TimeoutError' || name === 'APIConnectionTimeoutError') {
    return new LlmFailure(
      'timeout',
      `The language model did not answer within ${seconds} s (LLM_TIMEOUT_MS)`,
      undefined,
      cause,
    );
  }
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') {
    // openai's messages start with the status again ("500 model crashed").
    const detail = shortMessage(error).replace(new RegExp(`^${status}\\s+`), '');
    return new LlmFailure(
      'http',
      `The language model returned HTTP ${status}${statusHint(status)}: ${detail}`,
      status,
      cause,
    );
  }
  if (name === 'APIConnectionError') {
    const where = context.baseURL ? ` at ${publicOrigin(context.baseURL)}` : '';
    return new LlmFailure(
      'connection',
      `Could not reach the language model${where} (check LLM_BASE_URL and that the server is running)`,
      undefined,
      cause,
    );
  }
  return new LlmFailure(
    'malformed',
    `The language model sent a response that could not be read: ${shortMessage(error)}`,
    undefined,
    cause,
  );
}

function statusHint(status: number): string {
  if (status === 401 || status === 403) return ' (check LLM_API_KEY)';
  if (status === 404) return ' (check LLM_MODEL and LLM_BASE_URL)';
  if (status === 429) return ' (rate limited or out of quota)';
  return '';
}

function errorName(error: unknown): string {
  if (!error || typeof error !== 'object') return '';
  const named = error as { name?: unknown; constructor?: { name?: unknown } };
  // openai's error classes keep the generic name "Error"; their constructor names tell them apart.
  const constructorName = typeof named.constructor?.name === 'string' ? named.constructor.name : '';
  if (constructorName.startsWith('API')) return constructorName;
  return typeof named.name === 'string' ? named.name : constructorName;
}

function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line || 'no details';
}

/** The scheme and host only: a base URL may carry credentials or tokens in its path or query. */
function publicOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'LLM_BASE_URL';
  }
}
