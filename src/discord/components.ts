// Button presses: show the passages of an answer, record a vote, turn a /sources page.
import { MessageFlags } from 'discord.js';
import type { ButtonInteraction } from 'discord.js';
import { NO_MENTIONS, type BotContext } from './context.ts';
import { parseCustomId } from './customIds.ts';
import { renderPassages, renderSourcesPage } from './format.ts';
import { t } from '../i18n/index.ts';
import { interactionLanguage } from './language.ts';
import { answerExpired } from './messages.ts';
import { voteReply } from './feedback.ts';

/** Returns false when the button is not one of this bot's (e.g. from an older version). */
export async function handleButton(interaction: ButtonInteraction, ctx: BotContext): Promise<boolean> {
  const action = parseCustomId(interaction.customId);
  if (!action) return false;
  const lang = (answerLanguage?: Parameters<typeof interactionLanguage>[1]) =>
    interactionLanguage(interaction.locale, answerLanguage);
  const replyPrivately = (content: string) =>
    interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  // Answers are kept for a while only: a button on an older one says so instead of failing.
  const storedAnswer = async (answerId: string) => {
    const stored = ctx.answers.get(answerId);
    if (!stored) await replyPrivately(answerExpired(lang()));
    return stored;
  };
  switch (action.kind) {
    case 'passages': {
      const stored = await storedAnswer(action.answerId);
      if (!stored) return true;
      // Ephemeral: whoever presses sees the passages, without filling the channel.
      const [first, ...rest] = renderPassages(stored.answer);
      const none = t(lang(stored.answer.language), 'discord:passages.none');
      await replyPrivately(first ?? none);
      for (const content of rest) {
        await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      }
      return true;
    }
    case 'vote': {
      const stored = await storedAnswer(action.answerId);
      if (!stored) return true;
      const { outcome } = await ctx.feedback.record({
        vote: action.vote,
        answerId: stored.id,
        question: stored.question,
        answer: stored.answer.answer,
        found: stored.answer.found,
        citations: stored.answer.citations,
        userId: interaction.user.id,
      });
      const reply = voteReply(lang(stored.answer.language), outcome, action.vote);
      await replyPrivately(reply);
      return true;
    }
    case 'sources': {
      // Acknowledge first: the list is read from the service, which may be busy with a reindex.
      await interaction.deferUpdate();
      const sources = await ctx.service.sources();
      await interaction.editReply({
        ...renderSourcesPage(sources, action.page, { lang: lang() }),
        allowedMentions: NO_MENTIONS,
      });
      return true;
    }
  }
}
