// Every fixed text a user reads, in the four languages of the corpus, through i18next.
// Strings live in locales/<namespace>.ts, one file per concern (answer, discord, cli, …), each holding
// the four languages side by side so a missing translation is visible in review. Keys are checked at
// compile time against the English table.
import i18next, { type i18n as I18n } from 'i18next';
import { answer } from './locales/answer.ts';
import { common } from './locales/common.ts';
import { indexing } from './locales/indexing.ts';
import { reliability } from './locales/reliability.ts';
import { discord } from './locales/discord.ts';

/** The languages the product speaks. */
export const LANGUAGES = ['en', 'hi', 'bn', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One namespace: the same keys in every language (English is the reference). */
export type Namespace<K extends string = string> = Record<Language, Record<K, string>>;

const NAMESPACES = { common, answer, indexing, reliability, discord } as const;
type Namespaces = typeof NAMESPACES;
/** `namespace:key`, e.g. `answer:notFound`. */
export type MessageKey = {
  [N in keyof Namespaces]: `${N & string}:${keyof Namespaces[N]['en'] & string}`;
}[keyof Namespaces];

let instance: I18n | undefined;

function i18n(): I18n {
  if (instance) return instance;
  const resources: Record<string, Record<string, Record<string, string>>> = {};
  for (const language of LANGUAGES) {
    resources[language] = {};
    for (const [name, table] of Object.entries(NAMESPACES)) resources[language]![name] = table[language];
  }
  const created = i18next.createInstance();
  // Synchronous init: the resources are in memory, and callers must not await a translation.
  void created.init({
    resources,
    lng: 'en',
    fallbackLng: 'en',
    ns: Object.keys(NAMESPACES),
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<I18n['init']>[0]);
  instance = created;
  return created;
}

/** `code` (ISO 639-1, a BCP 47 tag such as Discord's `en-US`, or anything else) as a product language; English when unknown. */
export function toLanguage(code: string | undefined | null): Language {
  const base = (code ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}

/** The text of `key` in `language` (English when the language has no such text), with `{{name}}` filled in. */
export function t(language: string | undefined, key: MessageKey, values: Record<string, string | number> = {}): string {
  return i18n().t(key, { ...values, lng: toLanguage(language) });
}
