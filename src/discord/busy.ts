// "Busy, try again in a moment": when the service has no room for another question (every answer worker
// occupied and the wait queue full), the asker is told at once and privately instead of getting a late answer.
import { MessageFlags } from 'discord.js';
import type { ChatInputCommandInteraction, Message } from 'discord.js';
import { isUserError } from '../errors.ts';
import { t } from '../i18n/index.ts';
import { NO_MENTIONS, type BotContext } from './context.ts';

export function isBusy(error: unknown): boolean {
  return isUserError(error, 'service.busy');
}

/** Refuses a /ask in the asker's Discord language; private, as every refusal. Works before or after deferring. */
export async function refuseBusyInteraction(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const content = t(interaction.locale, 'reliability:busy');
  ctx.logger.info({ interaction: interaction.id, user: interaction.user.id }, '/ask refused: the service is busy');
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }
  // Deferred already (the last slot went between the check and the question): the public "thinking…" reply
  // is removed and the refusal goes to the asker alone.
  await interaction.deleteReply();
  await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

/** Refuses a mention in the server's language. */
export async function refuseBusyMessage(message: Message<true>, ctx: BotContext): Promise<void> {
  ctx.logger.info({ message: message.id, user: message.author.id }, 'mention refused: the service is busy');
  await message.reply({
    content: t(message.guild.preferredLocale, 'reliability:busy'),
    allowedMentions: NO_MENTIONS,
    failIfNotExists: false,
  });
}
