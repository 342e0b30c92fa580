// The bot's user-facing texts, in the reader's language (src/i18n/locales/discord.ts). User errors are chosen by
// their stable id, never by parsing error messages.
import type { APIEmbed } from 'discord.js';
import type { UserError } from '../errors.ts';
import { t, type Language } from '../i18n/index.ts';

export function userErrorText(error: UserError, limits: { maxQuestionLength: number }, lang: Language = 'en'): string {
  switch (error.id) {
    case 'question.empty':
      return t(lang, 'discord:error.empty');
    case 'question.tooLong': {
      const max = typeof error.context['max'] === 'number' ? error.context['max'] : limits.maxQuestionLength;
      return t(lang, 'discord:error.tooLong', { max });
    }
    case 'rateLimited': {
      const seconds = typeof error.context['retryAfterSeconds'] === 'number' ? error.context['retryAfterSeconds'] : 60;
      return t(lang, 'discord:error.rateLimited', { seconds });
    }
    case 'reindex.alreadyRunning':
      return t(lang, 'discord:error.reindexRunning');
    case 'reindex.shrink':
      return t(lang, 'indexing:shrinkRefused', {
        removed: Number(error.context['removed']),
        before: Number(error.context['before']),
      });
    case 'permission.denied':
      return t(lang, 'discord:error.permission');
    // database.*: INDEX_BACKEND=postgres; the operator's problem, told in full in the bot's log.
    case 'index.missing':
    case 'index.corrupt':
    case 'index.embedderMismatch':
    case 'database.unreachable':
    case 'database.auth':
    case 'database.noVector':
    case 'database.schemaOutdated':
    case 'database.schemaNewer':
      return t(lang, 'discord:error.index');
    case 'model.unavailable':
      return t(lang, 'discord:error.model');
    case 'service.busy':
      return t(lang, 'reliability:busy');
  }
}

export function apology(errorId: string, lang: Language = 'en'): string {
  return t(lang, 'discord:error.apology', { id: errorId });
}

export const shuttingDown = (lang: Language = 'en') => t(lang, 'discord:error.shuttingDown');
export const channelNotAllowed = (lang: Language = 'en') => t(lang, 'discord:error.channel');
export const answerExpired = (lang: Language = 'en') => t(lang, 'discord:answer.expired');

export function mentionUsage(botMention: string, lang: Language = 'en'): string {
  return t(lang, 'discord:mention.usage', { bot: botMention });
}

/** Example questions stay in their own languages: they show that any of the four may be used. */
const EXAMPLE_QUESTIONS = [
  '• Which institutions signed an MoU on cancer research, and what will they do together?',
  '• आईआईटी ने किस अस्पताल के साथ समझौता किया और क्यों?',
  '• কোন বিশ্ববিদ্যালয় কোন হাসপাতালের সঙ্গে চুক্তি স্বাক্ষর করেছে?',
  '• С какими вузами университет подписал соглашение о сотрудничестве?',
  '• When was the agreement signed, and for how long does it run?',
];

export function helpEmbed(stats: { documents: number; chunks: number } | undefined, lang: Language = 'en'): APIEmbed {
  const index = stats ? ` ${t(lang, 'discord:help.index', stats)}` : '';
  return {
    title: t(lang, 'discord:help.title'),
    color: 0x1c7ed6,
    description: [t(lang, 'discord:help.intro'), t(lang, 'discord:help.citations') + index].join('\n\n'),
    fields: [
      {
        name: t(lang, 'discord:help.commands'),
        value: [
          t(lang, 'discord:help.ask'),
          t(lang, 'discord:help.sourcesCommand'),
          t(lang, 'discord:help.reindexCommand'),
          t(lang, 'discord:help.mention'),
        ].join('\n'),
      },
      { name: t(lang, 'discord:help.examples'), value: EXAMPLE_QUESTIONS.join('\n') },
    ],
  };
}
