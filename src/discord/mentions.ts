// "@Bot question" in a channel: a reply to that message with the same answer as /ask. Replying to one of
// the bot's answers continues that conversation (the earlier question is passed to the service as history).
import { ComponentType } from 'discord.js';
import type { Message } from 'discord.js';
import type { ConversationTurn } from '../service/types.ts';
import { checkQuestion, NO_MENTIONS, takeRate, type BotContext } from './context.ts';
import { parseCustomId } from './customIds.ts';
import { renderAnswer } from './format.ts';
import { languageOfMention } from './language.ts';
import { mentionUsage } from './messages.ts';
import { errorForLog } from './logSafe.ts';
import { refuseBusyMessage, isBusy } from './busy.ts';

/** How many earlier turns a follow-up carries: enough for "and when was it signed?", bounded for retrieval. */
const MAX_HISTORY_TURNS = 4;
/** Discord shows "typing…" for about 10 seconds per request. */
const TYPING_REFRESH_MS = 8000;

/** The question in a message that mentions the bot: the text without the bot's mention tokens. */
export function questionFromMention(content: string, botId: string): string {
  return content
    .replace(new RegExp(`<@!?${botId}>`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[,:;–—-]+\s*/, '');
}

/** The answer id a bot message carries in its button custom_ids, if any. */
export function answerIdOf(message: Message): string | undefined {
  for (const row of message.components) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const component of row.components) {
      if (component.type !== ComponentType.Button || !component.customId) continue;
      const action = parseCustomId(component.customId);
      if (action && action.kind !== 'sources') return action.answerId;
    }
  }
  return undefined;
}

/**
 * The conversation so far when `message` replies to one of the bot's answers: from the answer store, or
 * (when the answer has left it, e.g. after a restart) from the question and answer shown in the message.
 */
async function historyFor(message: Message, ctx: BotContext): Promise<ConversationTurn[]> {
  if (!message.reference?.messageId) return [];
  const referenced = await message.fetchReference().catch((error: unknown) => {
    ctx.logger.debug({ err: errorForLog(error), message: message.id }, 'could not fetch the replied-to message');
    return undefined;
  });
  if (!referenced || referenced.author.id !== ctx.client.user?.id) return [];
  const answerId = answerIdOf(referenced);
  const stored = answerId ? ctx.answers.get(answerId) : undefined;
  if (stored) {
    return [...stored.history, { question: stored.question, answer: stored.answer.answer }].slice(-MAX_HISTORY_TURNS);
  }
  const embed = referenced.embeds[0];
  return embed?.title ? [{ question: embed.title, answer: embed.description ?? undefined }] : [];
}

export async function handleMention(message: Message<true>, ctx: BotContext, signal: AbortSignal): Promise<void> {
  const botId = ctx.client.user!.id;
  const channel = message.channel;
  const raw = questionFromMention(message.content, botId);
  if (!raw) {
    await message.reply({
      content: mentionUsage(`<@${botId}>`, languageOfMention(message, undefined)),
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  const question = checkQuestion(raw, ctx.config.MAX_QUESTION_LENGTH);
  if (ctx.service.busy) return refuseBusyMessage(message, ctx);
  takeRate(ctx, message.author.id);

  await channel.sendTyping();
  const typing = setInterval(() => {
    channel
      .sendTyping()
      .catch((error: unknown) => ctx.logger.debug({ err: errorForLog(error) }, 'typing indicator failed'));
  }, TYPING_REFRESH_MS);
  try {
    const history = await historyFor(message, ctx);
    const answer = await ctx.service.ask(question, { signal, history }).catch((error: unknown) => {
      if (isBusy(error)) return undefined;
      throw error;
    });
    if (!answer) return refuseBusyMessage(message, ctx);
    const stored = ctx.answers.add({ question, answer, history });
    // Mentions have no locale: the fixed texts follow the question's language, like the answer.
    const [first, ...rest] = renderAnswer(answer, { answerId: stored.id, lang: languageOfMention(message, question) });
    // failIfNotExists: false — if the question was deleted meanwhile, the answer still reaches the channel.
    await message.reply({ ...first!, allowedMentions: NO_MENTIONS, failIfNotExists: false });
    for (const part of rest) await channel.send({ ...part, allowedMentions: NO_MENTIONS });
    ctx.logger.info(
      {
        message: message.id,
        answerId: stored.id,
        found: answer.found,
        followUp: history.length > 0,
        messages: rest.length + 1,
      },
      'answered a mention',
    );
  } finally {
    clearInterval(typing);
  }
}
