// Chooses how to answer: the extractive answer by default; an LLM-generated one when LLM_PROVIDER=openai.
// The LLM path never fails the question: on any failure the extractive answer is returned with a note.
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import { t } from '../i18n/index.ts';
import { silentLogger, type Logger } from '../log.ts';
import type { Retrieval } from '../retrieve/types.ts';
import type { ConversationTurn } from '../types.ts';
import { detectLanguage } from '../ingest/language.ts';
import type { Answer } from './types.ts';
import { analyse, extractiveAnswer } from './extractive.ts';
import { buildGroundedPrompt } from './prompt.ts';
import { checkGeneratedAnswer, partialDisplayText } from './citations.ts';

export interface ComposeOptions {
  config: Config;
  history?: ConversationTurn[];
  /** Receives the answer so far while an LLM streams it (citations already checked and renumbered). */
  onPartial?: (textSoFar: string) => void;
  signal?: AbortSignal;
  logger?: Logger;
}

export async function composeAnswer(question: string, retrieval: Retrieval, options: ComposeOptions): Promise<Answer> {
  const { config } = options;
  // Without passages there is nothing to ground a generated answer in: "not found" needs no model.
  if (config.LLM_PROVIDER === 'none' || !retrieval.found || retrieval.passages.length === 0) {
    return extractiveAnswer(question, retrieval);
  }
  const logger = options.logger ?? silentLogger;
  // The same analysis as the extractive answer: the model is told what kind of answer is asked for.
  const analysis = analyse(question);
  const passages = retrieval.passages;
  const started = Date.now();
  let llm: typeof import('./llm.ts') | undefined;
  try {
    // Loaded only when an LLM is configured: @langchain/openai would add ~200 ms to every extractive start-up.
    llm = await import('./llm.ts');
    const prompt = buildGroundedPrompt({
      question,
      passages,
      language: detectLanguage(question),
      answerType: analysis.type,
      ...(options.history ? { history: options.history } : {}),
      historyChars: config.LLM_HISTORY_CHARS,
    });
    const onText = options.onPartial ? partialForwarder(options.onPartial, passages.length, logger) : undefined;
    const text = await llm.generateText(llm.createChatModel(config), prompt, {
      timeoutMs: config.LLM_TIMEOUT_MS,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(onText ? { onText } : {}),
      ...(config.LLM_BASE_URL ? { baseURL: config.LLM_BASE_URL } : {}),
    });
    const answer = checkGeneratedAnswer(question, text, passages);
    logger.debug(
      { model: config.LLM_MODEL, ms: Date.now() - started, found: answer.found, citations: answer.citations.length },
      'LLM answer',
    );
    return answer;
  } catch (error) {
    const failure = llm && error instanceof llm.LlmFailure ? error : undefined;
    // The user sees a short note with an error id; the failure itself (which may quote the LLM server, e.g.
    // "Incorrect API key provided: sk-pr****") goes only to the log, under that id.
    const errorId = randomBytes(4).toString('hex');
    logger.warn(
      {
        errorId,
        kind: failure?.kind ?? 'internal',
        status: failure?.status,
        detail: failure?.message,
        model: config.LLM_MODEL,
        ms: Date.now() - started,
        err: failure?.cause ?? error,
      },
      'LLM answer failed; using the extractive answer',
    );
    const extractive = extractiveAnswer(question, retrieval);
    const note = t(
      extractive.language,
      failure?.kind === 'timeout' ? 'reliability:llmTimeout' : 'reliability:llmFallback',
      { errorId },
    );
    return { ...extractive, note };
  }
}

/** Forwards only changes of the displayable text, and keeps a failing front-end callback from ending the answer. */
function partialForwarder(
  onPartial: (text: string) => void,
  passageCount: number,
  logger: Logger,
): (raw: string) => void {
  let last = '';
  return (raw) => {
    const display = partialDisplayText(raw, passageCount);
    if (display === '' || display === last) return;
    last = display;
    try {
      onPartial(display);
    } catch (error) {
      logger.warn({ err: error }, 'onPartial callback failed');
    }
  };
}
