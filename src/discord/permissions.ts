// Who may run /reindex. The command's default member permissions already hide it from most members, but
// server admins can override that in Integrations settings, so the bot checks again at run time.
import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';

export interface MemberAccess {
  /** The member's permissions in the channel, as Discord computed them (null outside a guild). */
  permissions: bigint | string | null;
  roleIds: readonly string[];
}

/** Manage Server (or Administrator, which implies it), or the configured admin role. */
export function canManageIndex(member: MemberAccess, adminRoleId: string | undefined): boolean {
  if (adminRoleId && member.roleIds.includes(adminRoleId)) return true;
  if (member.permissions === null) return false;
  return new PermissionsBitField(BigInt(member.permissions)).has(PermissionFlagsBits.ManageGuild, true);
}

/**
 * The channel allowlist: empty or absent allows every channel. A thread counts as its parent channel, so
 * allowing a channel allows the threads people start from answers in it.
 */
export function isChannelAllowed(
  allowlist: readonly string[] | undefined,
  channelId: string | null,
  parentId: string | null = null,
): boolean {
  if (!allowlist || allowlist.length === 0) return true;
  return (channelId !== null && allowlist.includes(channelId)) || (parentId !== null && allowlist.includes(parentId));
}
