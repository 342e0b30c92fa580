// What every handler gets: configuration, the service, and the bot's small pieces of in-memory state.
import type { Client } from 'discord.js';
import type { Config } from '../config.ts';
import { UserError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { CollabService } from '../service/types.ts';
import type { AnswerStore } from './answerStore.ts';
import type { FeedbackLog } from './feedback.ts';
import type { RateLimiter } from './rateLimit.ts';
import type { TaskTracker } from './tasks.ts';

export interface BotContext {
  client: Client;
  config: Config;
  service: CollabService;
  logger: Logger;
  answers: AnswerStore;
  limiter: RateLimiter;
  feedback: FeedbackLog;
  tasks: TaskTracker;
}

/** No pings, ever: not @everyone/@here, roles, users, nor the author of the message replied to. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const satisfies {
  parse: never[];
  repliedUser: boolean;
};

/** The question as it will be asked, or a UserError saying why it cannot be. */
export function checkQuestion(raw: string, maxLength: number): string {
  const question = raw.trim();
  if (!question) throw new UserError('question.empty', 'The question is empty.');
  if (question.length > maxLength) {
    throw new UserError(
      'question.tooLong',
      `The question has ${question.length} characters; the limit is ${maxLength}.`,
      {
        max: maxLength,
        length: question.length,
      },
    );
  }
  return question;
}

/** Counts a question against the user's rate limit, or throws UserError('rateLimited'). */
export function takeRate(ctx: BotContext, userId: string): void {
  const decision = ctx.limiter.take(userId);
  if (decision.allowed) return;
  throw new UserError('rateLimited', 'Rate limit exceeded.', {
    retryAfterSeconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)),
    firstRefusal: decision.firstRefusal,
  });
}
