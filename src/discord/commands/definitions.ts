// Slash command DEFINITIONS only (what Discord shows and validates), kept apart from their implementations
// so `npm run register` can send them without loading the bot. The dispatcher maps each name to a handler.
import { InteractionContextType, Locale, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { LocalizationMap, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { t, type Language, type MessageKey } from '../../i18n/index.ts';

/** Discord's locales for the product's languages; Discord has no Bengali locale (Bengali users see English). */
const DISCORD_LOCALES: [Locale, Language][] = [
  [Locale.EnglishUS, 'en'],
  [Locale.EnglishGB, 'en'],
  [Locale.Hindi, 'hi'],
  [Locale.Russian, 'ru'],
];

/** A description in English (Discord's default) plus its translations, as the builder takes them. */
function described(key: MessageKey): [string, LocalizationMap] {
  return [t('en', key), Object.fromEntries(DISCORD_LOCALES.map(([locale, lang]) => [locale, t(lang, key)]))];
}
import { collaborationsDefinition } from './collaborations-definition.ts';

export const COMMAND_NAMES = ['ask', 'sources', 'collaborations', 'reindex', 'help'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface DefinitionOptions {
  /** MAX_QUESTION_LENGTH: Discord's client then refuses longer input before it reaches the bot. */
  maxQuestionLength: number;
}

/** The full command list, as PUT to Discord by `npm run register` (the order is the order users see). */
export function commandDefinitions({
  maxQuestionLength,
}: DefinitionOptions): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  // The bot is built for a shared server (channel allowlist, admin role): commands exist in guilds only.
  const guildOnly = [InteractionContextType.Guild];
  const ask = new SlashCommandBuilder()
    .setName('ask')
    .setDescription(described('discord:command.ask')[0])
    .setDescriptionLocalizations(described('discord:command.ask')[1])
    .setContexts(guildOnly)
    .addStringOption((option) =>
      option
        .setName('question')
        .setDescription(described('discord:command.ask.question')[0])
        .setDescriptionLocalizations(described('discord:command.ask.question')[1])
        .setRequired(true)
        .setMinLength(1)
        .setMaxLength(Math.min(maxQuestionLength, 6000)),
    )
    .addBooleanOption((option) =>
      option
        .setName('public')
        .setDescription(described('discord:command.ask.public')[0])
        .setDescriptionLocalizations(described('discord:command.ask.public')[1]),
    );
  const sources = new SlashCommandBuilder()
    .setName('sources')
    .setDescription(described('discord:command.sources')[0])
    .setDescriptionLocalizations(described('discord:command.sources')[1])
    .setContexts(guildOnly);
  const reindex = new SlashCommandBuilder()
    .setName('reindex')
    .setDescription(described('discord:command.reindex')[0])
    .setDescriptionLocalizations(described('discord:command.reindex')[1])
    .setContexts(guildOnly)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
  const help = new SlashCommandBuilder()
    .setName('help')
    .setDescription(described('discord:command.help')[0])
    .setDescriptionLocalizations(described('discord:command.help')[1])
    .setContexts(guildOnly);
  return [ask, sources, collaborationsDefinition(), reindex, help].map((command) => command.toJSON());
}
