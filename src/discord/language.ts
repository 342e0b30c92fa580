// Which language the Discord user reads the bot's fixed texts in.
import type { Interaction, Locale, Message } from 'discord.js';
import { toLanguage, type Language } from '../i18n/index.ts';
import { questionLanguage } from '../service/language.ts';

/**
 * Slash commands and buttons: the user's Discord locale (`en-US`, `hi`, `ru`…). Discord has no Bengali locale, so a
 * Bengali question is the only sign that the user reads Bengali: then Bengali.
 */
export function interactionLanguage(locale: Locale | string | undefined, questionLanguage?: Language): Language {
  if (questionLanguage === 'bn') return 'bn';
  return toLanguage(locale);
}

/** An interaction's language; for /ask the question decides when it is Bengali. */
export function languageOfInteraction(interaction: Interaction): Language {
  const question = interaction.isChatInputCommand()
    ? (interaction.options.getString('question') ?? undefined)
    : undefined;
  return interactionLanguage(interaction.locale, question ? questionLanguage(question) : undefined);
}

/** Mentions answer in the question's language; an empty mention in the server's preferred language. */
export function languageOfMention(message: Message, question: string | undefined): Language {
  return question ? questionLanguage(question) : toLanguage(message.guild?.preferredLocale);
}
