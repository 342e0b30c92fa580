// Unicode-level normalization shared by every matcher. Applied identically to articles and questions.
import { asciiDigits } from './digits.ts';

import { ALL_INVISIBLES } from './invisible.ts';

// Zero-width space/joiners, word joiner, BOM and the soft hyphen: invisible, and typed inconsistently
// (Bengali র‍্য is written with and without ZWJ), so they must never split or distinguish words.
const INVISIBLE = ALL_INVISIBLES;

// Nukta (Devanagari U+093C, Bengali U+09BC). NFKC decomposes क़/ड़/য় into consonant + nukta (they are
// composition exclusions), and many writers omit the nukta altogether, so matching ignores it.
const NUKTA = /[\u093C\u09BC]/g;

// Digits are read through the one digit table (src/text/digits.ts).
export { asciiDigits } from './digits.ts';

/** NFKC, invisible characters removed, native digits as ASCII. Keeps case and nukta (transliteration needs them). */
export function normalizeUnicode(text: string): string {
  return asciiDigits(text.normalize('NFKC').replace(INVISIBLE, ''));
}

/** Removes the nukta sign (after NFKC it is always a separate mark). */
export function dropNukta(text: string): string {
  return text.replace(NUKTA, '');
}
