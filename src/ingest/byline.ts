// Metadata of a scraped page read from the chrome the cleaner removed: the publication from a byline or
// desk credit ("Press Trust of India | July 1, 2023 | ...", "আনন্দবাজার ডট কম ডেস্ক") and the stated date.
import { DESK_WORDS } from './chrome.ts';
import type { RemovedLine } from './clean.ts';
import { parseStatedDate } from './dates.ts';
import { dominantScript } from '../text/script.ts';

/** The desk word ending a credit line (the same words that make chrome.ts call it a credit). */
const DESK_SUFFIX = new RegExp(`\\s+(${[...DESK_WORDS].join('|')})$`, 'iu');
const BY_PREFIX = /^(by|posted by|written by|reported by|story by|with inputs from|inputs from|автор|текст)[:\s]+/i;

function looksLikeName(text: string): boolean {
  return text.length >= 2 && text.length <= 80 && /\p{L}/u.test(text) && !/\d/.test(text);
}

/** The publication or agency a byline or credit line names, if any. */
function creditOf(removed: RemovedLine): string | undefined {
  const line = removed.line.replace(/^[([—–-]+|[)\]]+$/g, '').trim();
  // An author ("By Jane Doe") is not the publication: only agency fields and credits count.
  if (removed.reason === 'byline') {
    return line
      .split('|')
      .map((field) => field.trim())
      .find((field) => looksLikeName(field) && !BY_PREFIX.test(field) && line.includes('|'));
  }
  if (removed.reason === 'credit') {
    const name = line.replace(DESK_SUFFIX, '').replace(BY_PREFIX, '').trim();
    return looksLikeName(name) ? name : undefined;
  }
  return undefined;
}

/** Words a masthead line may have: a publication's name is short ("सेहत टाइम्स", "Daily Star"). */
const MASTHEAD_WORDS = { min: 2, max: 4 } as const;

/**
 * A plain-text page's masthead: the line right under the headline, before the first paragraph, that is a
 * short name in the headline's script (no digits, no sentence or field punctuation). A single word is not
 * taken: under a headline that is more often a control ("Share", "Menu") than a publication.
 */
function mastheadOf(removed: RemovedLine[]): string | undefined {
  const title = removed.findIndex((line) => line.reason === 'title');
  const next = title === -1 ? undefined : removed[title + 1];
  if (!next || next.reason !== 'beforeArticle') return undefined;
  const text = next.line.trim();
  const words = text.split(/\s+/u).length;
  if (words < MASTHEAD_WORDS.min || words > MASTHEAD_WORDS.max || !looksLikeName(text)) return undefined;
  if (/[|:;,!?.।]/u.test(text) || dominantScript(text) !== dominantScript(removed[title]!.line)) return undefined;
  return text;
}

/** The first publication named by a removed byline or credit line, else the masthead under the headline. */
export function sourceFromRemovedLines(removed: RemovedLine[]): string | undefined {
  for (const line of removed) {
    const credit = creditOf(line);
    if (credit) return credit;
  }
  return mastheadOf(removed);
}

/** The first full date (with a year) stated on a removed byline or date line, as YYYY-MM-DD. */
export function dateFromRemovedLines(removed: RemovedLine[]): string | undefined {
  for (const { line, reason } of removed) {
    if (reason !== 'byline' && reason !== 'date') continue;
    const date = parseStatedDate(line);
    if (date) return date;
  }
  return undefined;
}
