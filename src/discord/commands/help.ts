// /help: what the bot does, with example questions.
import { MessageFlags } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import { NO_MENTIONS, type BotContext } from '../context.ts';
import { languageOfInteraction } from '../language.ts';
import { helpEmbed } from '../messages.ts';
import { errorForLog } from '../logSafe.ts';

export async function handleHelp(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  // The article count is a nicety: help still answers when the index cannot say.
  const stats = await ctx.service.stats().catch((error: unknown) => {
    ctx.logger.warn({ err: errorForLog(error) }, 'stats unavailable for /help');
    return undefined;
  });
  await interaction.editReply({
    embeds: [helpEmbed(stats, languageOfInteraction(interaction))],
    allowedMentions: NO_MENTIONS,
  });
}
