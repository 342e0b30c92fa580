// Unicode-level normalization shared by every matcher. Applied identically to articles and questions.

import { ALL_INVISIBLES } from './invisible.ts';

// Zero-width space/joiners, word joiner, BOM and the soft hyphen: invisible, and typed inconsistently
// (Bengali র‍্য is written with and without ZWJ), so they must never split or distinguish words.
const INVISIBLE = ALL_INVISIBLES;

// Nukta (Devanagari U+093C, Bengali U+09BC). NFKC decomposes क़/ड़/য় into consonant + nukta (they are
// composition exclusions), and many writers omit the nukta altogether, so matching ignores it.
const NUKTA = /[\u093C\u09BC]/g;

// Zero code points of the decimal digit blocks used in the corpus languages' regions (NFKC already maps
// full-width digits). Each block holds 0-9 consecutively.
const DIGIT_ZEROS = [
  0x0660, // Arabic-Indic
  0x06f0, // Extended Arabic-Indic
  0x0966, // Devanagari
  0x09e6, // Bengali
  0x0a66, // Gurmukhi
  0x0ae6, // Gujarati
  0x0b66, // Oriya
  0x0be6, // Tamil
  0x0c66, // Telugu
  0x0ce6, // Kannada
  0x0d66, // Malayalam
];
const NATIVE_DIGIT = /[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u09E6-\u09EF\u0A66-\u0A6F\u0AE6-\u0AEF\u0B66-\u0B6F\u0BE6-\u0BEF\u0C66-\u0C6F\u0CE6-\u0CEF\u0D66-\u0D6F]/g;

/** Native decimal digits (১৫০, १५०) to ASCII (150). */
export function asciiDigits(text: string): string {
  return text.replace(NATIVE_DIGIT, (d) => {
    const code = d.codePointAt(0)!;
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9)!;
    return String(code - zero);
  });
}

/** NFKC, invisible characters removed, native digits as ASCII. Keeps case and nukta (transliteration needs them). */
export function normalizeUnicode(text: string): string {
  return asciiDigits(text.normalize('NFKC').replace(INVISIBLE, ''));
}

/** Removes the nukta sign (after NFKC it is always a separate mark). */
export function dropNukta(text: string): string {
  return text.replace(NUKTA, '');
}
