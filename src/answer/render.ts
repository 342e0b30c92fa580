// Writes typed spans, parties and article notes for the asker: dates spelled out in the asker's language,
// the asker's digits, names in the asker's script (or Latin), the original kept in brackets when the
// spelling had to change, and the localized fixed texts.
import { LANGUAGES, t, type Language } from '../i18n/index.ts';
import { monthName, weekdayName } from '../text/calendar.ts';
import { localDigits } from '../text/digits.ts';
import { scriptOf, type Script } from '../text/script.ts';
import type { Span } from '../text/spans/index.ts';
import type { DateValue } from '../text/spans/types.ts';
import type { StoredChunk } from '../index/types.ts';
import { indicToIndic, romanize } from './romanize.ts';
import { phoneticKey } from '../text/phonetic.ts';
import { toLatin } from '../text/transliterate.ts';
import { createAnalyzer } from '../text/analyze.ts';
import { UNKNOWN_SOURCE } from '../types.ts';

const SCRIPT_OF: Record<Language, Script> = { en: 'latin', hi: 'devanagari', bn: 'bengali', ru: 'cyrillic' };
const NUMBER_LOCALE: Record<Language, string> = { en: 'en-US', hi: 'en-IN', bn: 'bn-IN-u-nu-beng', ru: 'ru-RU' };

/** Whether every letter of `text` is in the asker's script, or (for non-English askers) Latin. */
export function readableBy(language: Language, text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  return letters.every((l) => {
    const script = scriptOf(l);
    return script === SCRIPT_OF[language] || (language !== 'en' && script === 'latin');
  });
}

export function renderSpan(span: Span, language: Language, institutions: readonly string[] = []): string {
  if (span.date) return renderDate(span.date, language) ?? forReader(span.text, language);
  if (span.number) return renderNumber(span, language);
  if (!readableBy(language, span.text)) {
    // The article's front matter often gives the same party in Latin letters: that spelling beats ours.
    const sibling = siblingName(
      span.text,
      institutions.filter((name) => readableBy(language, name)),
    );
    if (sibling) return `${sibling} (${span.text.trim()})`;
  }
  return forReader(span.text, language);
}

/** Similarity of phonetic skeletons above which two spellings are taken for one name. */
const SAME_NAME = 0.75;

/** The entry of `names` that spells the same name as `text` in another script, by phonetic skeleton. */
export function siblingName(text: string, names: readonly string[]): string | undefined {
  const key = skeleton(text);
  let best: { name: string; score: number } | undefined;
  for (const name of names) {
    const bare = name.replace(/\s*\([^)]*\)\s*$/, '');
    const score = dice(key, skeleton(bare));
    if (score >= SAME_NAME && (!best || score > best.score)) best = { name: bare, score };
  }
  return best?.name;
}

function skeleton(text: string): string {
  return text
    .split(/[\s\-–]+/)
    .map((word) => phoneticKey(toLatin(word, scriptOf(word))))
    .join('');
}

function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const grams = (s: string) => Array.from({ length: s.length - 1 }, (_, i) => s.slice(i, i + 2));
  const left = grams(a);
  const right = grams(b);
  const pool = [...right];
  let shared = 0;
  for (const g of left) {
    const at = pool.indexOf(g);
    if (at >= 0) {
      shared += 1;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

export function renderDate(date: DateValue, language: Language): string | undefined {
  if (date.month === undefined) return date.weekday !== undefined ? weekdayName(date.weekday, language) : undefined;
  const parts: string[] = [];
  if (date.day !== undefined) parts.push(String(date.day));
  parts.push(monthName(date.month, language, date.day !== undefined));
  if (date.year !== undefined) parts.push(String(date.year));
  const written = localDigits(parts.join(' '), language);
  return date.weekday !== undefined ? `${weekdayName(date.weekday, language)}, ${written}` : written;
}

function renderNumber(span: Span, language: Language): string {
  const n = span.number!;
  // A number word reads best as written for readers of its language ("three hospitals").
  const sameScript = scriptOf(span.text) === SCRIPT_OF[language];
  const value =
    n.word && sameScript ? n.word : new Intl.NumberFormat(NUMBER_LOCALE[language]).format(n.value).replace(/\s/g, ' ');
  const qualified =
    n.qualifier === 'more'
      ? t(language, 'answer:moreThan', { n: value })
      : n.qualifier === 'less'
        ? t(language, 'answer:lessThan', { n: value })
        : n.qualifier === 'about'
          ? t(language, 'answer:about', { n: value })
          : value;
  return localDigits(qualified, language);
}

/**
 * A name as the asker can read it: unchanged when it is readable; Bengali ⇄ Devanagari letter by letter for
 * Hindi and Bengali askers; otherwise in Latin letters, with the original in brackets.
 */
export function forReader(text: string, language: Language): string {
  const clean = text.trim();
  if (readableBy(language, clean)) return clean;
  const script = scriptOf(clean.replace(/^[^\p{L}]+/u, ''));
  if ((language === 'hi' || language === 'bn') && (script === 'bengali' || script === 'devanagari')) {
    return `${indicToIndic(clean, SCRIPT_OF[language] as 'devanagari' | 'bengali')} (${clean})`;
  }
  return `${romanize(clean)} (${clean})`;
}

/** "IIT Pune – AIIMS Nagpur": the article's first two parties, in forms the asker can read. */
export function partiesOf(chunk: Pick<StoredChunk, 'institutions' | 'title'>, language: Language, max = 2): string {
  const shortForms = chunk.institutions.map((name) => /\(([^)]+)\)\s*$/.exec(name)?.[1] ?? name);
  const key = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .replace(/^the /, '')
      .trim();
  // The front matter often names a party twice, in Latin and in the article's script: one entity, listed once.
  const fullName = new Map(chunk.institutions.map((name, i) => [shortForms[i]!, name]));
  const sameEntity = (a: string, b: string) =>
    key(a).includes(key(b)) ||
    key(b).includes(key(a)) ||
    spellSame(a, b) ||
    spellSame(fullName.get(a) ?? a, fullName.get(b) ?? b);
  const entities: string[][] = [];
  for (const name of shortForms) {
    const entity = entities.find((spellings) => spellings.some((other) => sameEntity(other, name)));
    if (entity) entity.push(name);
    else entities.push([name]);
  }
  if (entities.length === 0) return forReader(chunk.title, language);
  // Each entity in the asker's own script when the article gives it so, else in a spelling the asker reads.
  const ownScript = (name: string) => (name.match(/\p{L}/gu) ?? []).every((l) => scriptOf(l) === SCRIPT_OF[language]);
  const spelling = (spellings: string[]) => spellings.find(ownScript) ?? spellings.find((n) => readableBy(language, n));
  const readable = entities.filter((spellings) => spelling(spellings) !== undefined);
  const pool = readable.length >= Math.min(2, entities.length) ? readable : entities;
  return pool
    .slice(0, max)
    .map((spellings) => spelling(spellings) ?? forReader(spellings[0]!, language))
    .join(' – ');
}

/** Share of the shorter name's words spelled in the longer one: one may be translated ("आयुर्विज्ञान"). */
const SAME_ENTITY_SHARE = 0.6;

const nameAnalyzer = createAnalyzer({ maxCacheSize: 2_000 });

/** Per distinctive word of a name, the spellings it matches in any script: terms, phonetic keys, its skeleton. */
function nameWords(name: string): Set<string>[] {
  return nameAnalyzer
    .words(name)
    .filter((w) => !w.stopword && !w.generic)
    .map((w) => new Set([...w.terms, ...w.keys, `=${phoneticKey(toLatin(w.raw, scriptOf(w.raw)))}`]));
}

/**
 * Whether two names spell one institution in two scripts ("IIT Kharagpur" / "(আইআইটি) খড়্গপুর",
 * "RCAMU" / "РКАМУ"): nearly every distinctive word of the shorter has a spelling in the longer, which it mostly covers.
 */
export function spellSame(a: string, b: string): boolean {
  const [left, right] = [nameWords(a), nameWords(b)];
  const [small, big] = left.length <= right.length ? [left, right] : [right, left];
  if (small.length === 0) return false;
  const inSmall = new Set(small.flatMap((w) => [...w]));
  const inBig = new Set(big.flatMap((w) => [...w]));
  // "AIIMS Kalyani" is not "University of Kalyani": the shorter must also cover most of the longer.
  const covered = big.filter((w) => [...w].some((k) => inSmall.has(k))).length;
  const matched = small.filter((w) => [...w].some((k) => inBig.has(k))).length;
  return matched >= SAME_ENTITY_SHARE * small.length && covered > big.length / 2;
}

/** "From a Bengali article (Dainik Example, 2025-02-01):" in the asker's language. */
export function articleNote(chunk: Pick<StoredChunk, 'language' | 'source' | 'date'>, language: Language): string {
  const languageName = (LANGUAGES as readonly string[]).includes(chunk.language)
    ? t(language, `common:language.${chunk.language as Language}`)
    : otherLanguageName(chunk.language, language);
  // A page whose publication could not be read says nothing of it rather than "unknown".
  const details = [chunk.source === UNKNOWN_SOURCE ? undefined : chunk.source, chunk.date].filter(Boolean).join(', ');
  return details
    ? t(language, 'answer:fromArticle', { language: languageName, details })
    : t(language, 'answer:fromArticleBare', { language: languageName });
}

/** A language outside the four, named by ICU in the asker's language (its code when ICU does not know it). */
function otherLanguageName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "The corpus has IIT Pune – AIIMS Nagpur, 2024-03-01." in the asker's language. */
export function nearMissLine(chunk: Pick<StoredChunk, 'institutions' | 'title' | 'date'>, language: Language): string {
  const parties = partiesOf(chunk, language);
  return chunk.date
    ? t(language, 'answer:nearMiss', { parties, date: chunk.date })
    : t(language, 'answer:nearMissUndated', { parties });
}
