// /ask: acknowledge at once (deferred reply), then answer through the service and edit the reply.
import { MessageFlags } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Answer } from '../../service/types.ts';
import { checkQuestion, NO_MENTIONS, takeRate, type BotContext } from '../context.ts';
import { renderAnswer, renderPartial } from '../format.ts';
import { languageOfInteraction } from '../language.ts';
import { createThrottledEditor } from '../progress.ts';
import { errorForLog } from '../logSafe.ts';
import { isBusy, refuseBusyInteraction } from '../busy.ts';

export async function handleAsk(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  signal: AbortSignal,
): Promise<void> {
  // Cheap checks first, answered ephemerally without deferring: only the asker needs to see a refusal.
  const question = checkQuestion(interaction.options.getString('question', true), ctx.config.MAX_QUESTION_LENGTH);
  // No room for another question: refuse now (before it costs the user's rate budget) rather than answer late.
  if (ctx.service.busy) return refuseBusyInteraction(interaction, ctx);
  takeRate(ctx, interaction.user.id);
  const isPublic = interaction.options.getBoolean('public') ?? ctx.config.ASK_PUBLIC_DEFAULT;
  const ephemeral = isPublic ? undefined : MessageFlags.Ephemeral;

  // Discord wants a response within 3 seconds; retrieval (or a running reindex) may take longer.
  await interaction.deferReply({ flags: ephemeral });

  const lang = languageOfInteraction(interaction);
  const progress = createThrottledEditor(
    (text: string) => interaction.editReply({ ...renderPartial(question, text, lang), allowedMentions: NO_MENTIONS }),
    {
      intervalMs: 1100,
      onError: (error) =>
        ctx.logger.warn({ err: errorForLog(error), interaction: interaction.id }, 'progress edit failed'),
    },
  );
  let answer: Answer;
  try {
    answer = await ctx.service.ask(question, { signal, onPartial: (text) => progress.push(text) });
  } catch (error) {
    if (!isBusy(error)) throw error;
    await progress.stop();
    return refuseBusyInteraction(interaction, ctx);
  } finally {
    await progress.stop();
  }

  const stored = ctx.answers.add({ question, answer, history: [] });
  const [first, ...rest] = renderAnswer(answer, { answerId: stored.id, lang });
  await interaction.editReply({
    content: '',
    ...first!,
    components: first!.components ?? [],
    allowedMentions: NO_MENTIONS,
  });
  for (const part of rest) {
    await interaction.followUp({ ...part, flags: ephemeral, allowedMentions: NO_MENTIONS });
  }
  ctx.logger.info(
    {
      interaction: interaction.id,
      answerId: stored.id,
      found: answer.found,
      citations: answer.citations.length,
      messages: rest.length + 1,
    },
    'answered /ask',
  );
}
