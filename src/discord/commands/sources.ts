// /sources: the indexed articles, one page at a time (the page buttons are handled in ../components.ts).
import { MessageFlags } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import { NO_MENTIONS, type BotContext } from '../context.ts';
import { renderSourcesPage } from '../format.ts';
import { languageOfInteraction } from '../language.ts';

export async function handleSources(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  // Ephemeral: a long listing is for the person who asked, not for the channel.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const sources = await ctx.service.sources();
  await interaction.editReply({
    ...renderSourcesPage(sources, 0, { lang: languageOfInteraction(interaction) }),
    allowedMentions: NO_MENTIONS,
  });
}
