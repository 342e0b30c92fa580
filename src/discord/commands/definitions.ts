// Slash command DEFINITIONS only (what Discord shows and validates), kept apart from their implementations
// so `npm run register` can send them without loading the bot. The dispatcher maps each name to a handler.
import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { collaborationsDefinition } from './collaborations-definition.ts';

export const COMMAND_NAMES = ['ask', 'sources', 'collaborations', 'reindex', 'help'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface DefinitionOptions {
  /** MAX_QUESTION_LENGTH: Discord's client then refuses longer input before it reaches the bot. */
  maxQuestionLength: number;
}

/** The full command list, as PUT to Discord by `npm run register` (the order is the order users see). */
export function commandDefinitions({ maxQuestionLength }: DefinitionOptions): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  // The bot is built for a shared server (channel allowlist, admin role): commands exist in guilds only.
  const guildOnly = [InteractionContextType.Guild];
  const ask = new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask about collaborations and MoUs between institutions; the answer cites its sources.')
    .setContexts(guildOnly)
    .addStringOption((option) =>
      option
        .setName('question')
        .setDescription('Your question, in Hindi, English, Bengali or Russian')
        .setRequired(true)
        .setMinLength(1)
        .setMaxLength(Math.min(maxQuestionLength, 6000)),
    )
    .addBooleanOption((option) =>
      option.setName('public').setDescription('Show the answer to the whole channel (default set by the server)'),
    );
  const sources = new SlashCommandBuilder()
    .setName('sources')
    .setDescription('List the indexed articles: title, source, date, language.')
    .setContexts(guildOnly);
  const reindex = new SlashCommandBuilder()
    .setName('reindex')
    .setDescription('Index added or changed articles (Manage Server only).')
    .setContexts(guildOnly)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
  const help = new SlashCommandBuilder()
    .setName('help')
    .setDescription('What this bot does, with example questions.')
    .setContexts(guildOnly);
  return [ask, sources, collaborationsDefinition(), reindex, help].map((command) => command.toJSON());
}
