// The bot's user-facing texts in one place. User errors are chosen by their stable id, never by parsing
// error messages.
import type { APIEmbed } from 'discord.js';
import type { UserError } from '../errors.ts';
import { t } from '../i18n/index.ts';

export function userErrorText(error: UserError, limits: { maxQuestionLength: number }): string {
  switch (error.id) {
    case 'question.empty':
      return 'Please ask a question, e.g. `/ask question: Which universities signed an MoU on cancer research?`';
    case 'question.tooLong': {
      const max = typeof error.context['max'] === 'number' ? error.context['max'] : limits.maxQuestionLength;
      return `That question is too long: the limit is ${max} characters. Please shorten it.`;
    }
    case 'rateLimited': {
      const seconds = typeof error.context['retryAfterSeconds'] === 'number' ? error.context['retryAfterSeconds'] : 60;
      return `You're asking faster than I can keep up with — please wait ${seconds} s and try again.`;
    }
    case 'reindex.alreadyRunning':
      return 'A reindex is already running; its summary will be posted when it finishes. No need to start another.';
    case 'reindex.shrink':
      return t('en', 'indexing:shrinkRefused', { removed: Number(error.context['removed']), before: Number(error.context['before']) });
    case 'permission.denied':
      return 'Only members with the Manage Server permission (or the bot admin role) can do that.';
    case 'index.missing':
    case 'index.corrupt':
    case 'index.embedderMismatch':
      return 'The article index is not usable right now; an admin needs to run a reindex. Please try again later.';
    case 'model.unavailable':
      return 'The embedding model is not available right now. Please try again later.';
  }
}

export function apology(errorId: string): string {
  return `Sorry — something went wrong while handling that. Error id \`${errorId}\` (the bot's operator can look it up in the log).`;
}

export const SHUTTING_DOWN = 'The bot is restarting — please ask again in a minute.';
export const CHANNEL_NOT_ALLOWED = 'I only answer in the channels the server admins chose for me.';
export const ANSWER_EXPIRED = 'I no longer have that answer in memory (I keep only recent ones). Please ask again.';
export const FEEDBACK_THANKS = { up: 'Thanks — glad it helped! 👍', down: 'Thanks — noted, this helps improve the answers. 👎' } as const;

export function mentionUsage(botMention: string): string {
  return `Mention me with a question, e.g. ${botMention} which universities signed an MoU on cancer research? — or use \`/ask\`. Reply to one of my answers to ask a follow-up.`;
}

export function helpEmbed(stats: { documents: number; chunks: number } | undefined): APIEmbed {
  const index = stats ? `I currently know ${stats.documents} articles (${stats.chunks} passages).` : '';
  return {
    title: 'What I do',
    color: 0x1c7ed6,
    description: [
      'I answer questions about collaborations between institutions — MoUs and agreements between universities, hospitals and research centres — from a collection of news articles in Hindi, English, Bengali and Russian.',
      'Every answer cites its sources with `[n]` markers; **Show passages** shows the quoted text, and 👍/👎 tell the maintainers how the answer did. ' +
        index,
    ].join('\n\n'),
    fields: [
      {
        name: 'Commands',
        value: [
          '`/ask question:<text> [public:<true|false>]` — ask a question. Answers are visible to the channel unless you set `public:false` (the server may change that default).',
          '`/sources` — the indexed articles.',
          '`/reindex` — pick up added or changed articles (Manage Server only).',
          '`@mention` me with a question, or reply to one of my answers to ask a follow-up.',
        ].join('\n'),
      },
      {
        name: 'Example questions (any of the four languages)',
        value: [
          '• Which institutions signed an MoU on cancer research, and what will they do together?',
          '• आईआईटी ने किस अस्पताल के साथ समझौता किया और क्यों?',
          '• কোন বিশ্ববিদ্যালয় কোন হাসপাতালের সঙ্গে চুক্তি স্বাক্ষর করেছে?',
          '• С какими вузами университет подписал соглашение о сотрудничестве?',
          '• When was the agreement signed, and for how long does it run?',
        ].join('\n'),
      },
    ],
  };
}
