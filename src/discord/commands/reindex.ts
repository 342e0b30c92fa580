// /reindex: Manage Server (checked here as well as by the command's default permissions) or the admin role.
import { GuildMember, MessageFlags } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import { UserError } from '../../errors.ts';
import { NO_MENTIONS, type BotContext } from '../context.ts';
import { renderReindexSummary } from '../format.ts';
import { languageOfInteraction } from '../language.ts';
import { canManageIndex } from '../permissions.ts';

function roleIds(interaction: ChatInputCommandInteraction): string[] {
  const member = interaction.member;
  if (!member) return [];
  // A cached GuildMember knows its roles through the role cache; a raw API member lists the ids.
  return member instanceof GuildMember ? [...member.roles.cache.keys()] : member.roles;
}

export async function handleReindex(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const allowed = canManageIndex(
    { permissions: interaction.memberPermissions?.bitfield ?? null, roleIds: roleIds(interaction) },
    ctx.config.DISCORD_ADMIN_ROLE_ID,
  );
  if (!allowed) {
    ctx.logger.info({ interaction: interaction.id, user: interaction.user.id }, '/reindex refused: missing permission');
    throw new UserError('permission.denied', 'Reindexing needs Manage Server or the admin role.');
  }
  if (ctx.service.reindexing) throw new UserError('reindex.alreadyRunning', 'A reindex is already running.');

  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  ctx.logger.info({ interaction: interaction.id, user: interaction.user.id }, '/reindex started');
  const summary = await ctx.service.reindex();
  ctx.logger.info(
    {
      added: summary.added.length,
      changed: summary.changed.length,
      removed: summary.removed.length,
      failed: summary.failed.length,
      seconds: summary.seconds,
    },
    '/reindex finished',
  );
  await interaction.editReply({
    ...renderReindexSummary(summary, languageOfInteraction(interaction)),
    allowedMentions: NO_MENTIONS,
  });
}
