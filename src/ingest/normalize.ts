// Character-level normalization shared by every input format, applied before any line rule runs.
import { MEANINGLESS_INVISIBLES } from '../text/invisible.ts';

/** Invisible characters that scrapers leave behind. ZWJ/ZWNJ are kept: they change Indic rendering. */
const INVISIBLE = MEANINGLESS_INVISIBLES;
/** Every horizontal space (NBSP, thin, ideographic...) becomes a plain space. */
const HORIZONTAL_SPACE = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
/** Scrape artifacts: a stray `]` or `|` left at the start of a line by link markup ("]Featured News"). */
const LEADING_MARKUP = /^[\]|]+\s*/;

/** NFC, one kind of line break, invisible characters removed. */
export function normalizeCharacters(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(INVISIBLE, '');
}

/** One line with runs of spaces collapsed and scrape artifacts stripped. */
export function normalizeLine(line: string): string {
  return line.replace(HORIZONTAL_SPACE, ' ').replace(/ {2,}/g, ' ').trim().replace(LEADING_MARKUP, '');
}

/** The non-empty, normalized lines of a text. */
export function toLines(raw: string): string[] {
  return normalizeCharacters(raw)
    .split('\n')
    .map(normalizeLine)
    .filter((line) => line.length > 0);
}

/** Lower-cased, space-collapsed form for comparing two lines (e.g. a body line with the title). */
export function comparableLine(line: string): string {
  return normalizeLine(line)
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();
}

/** Words of a line, split on whitespace (works for every script the corpus uses). */
export function wordCount(line: string): number {
  return line.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
