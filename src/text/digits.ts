// The one table of decimal digit sets: which blocks count as digits, how to read them as ASCII, and which
// digits each product language writes. Every matcher, parser and renderer uses these (no other copies).
import type { Language } from '../i18n/index.ts';

/**
 * Zero code points of the decimal digit blocks of the corpus languages' regions, each holding 0-9 in order
 * (NFKC already maps full-width digits, so U+FF10 is listed only for text that was not normalized).
 */
export const DIGIT_ZEROS: readonly number[] = [
  0x0030, // ASCII
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
  0xff10, // full-width
];

/**
 * The digits an answer uses for each asker. Bengali text is written with Bengali digits; the Hindi press
 * and Russian use the international (ASCII) numerals, as the corpus articles do.
 */
export const ANSWER_DIGIT_ZERO: Record<Language, number> = { en: 0x30, hi: 0x30, bn: 0x09e6, ru: 0x30 };

const NON_ASCII_DIGIT = new RegExp(
  `[${DIGIT_ZEROS.filter((z) => z !== 0x30)
    .map((z) => `\\u{${z.toString(16)}}-\\u{${(z + 9).toString(16)}}`)
    .join('')}]`,
  'gu',
);

/** The value 0-9 of one digit character of any listed block, or undefined. */
export function digitValue(char: string): number | undefined {
  const code = char.codePointAt(0)!;
  const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
  return zero === undefined ? undefined : code - zero;
}

/** Native digits (২৪০, २४०) written as ASCII (240); everything else unchanged. */
export function asciiDigits(text: string): string {
  return text.replace(NON_ASCII_DIGIT, (d) => String(digitValue(d)));
}

/** The value of a run of digits of one or several listed blocks; NaN when a character is not a digit. */
export function digitsValue(digits: string): number {
  let value = 0;
  for (const char of digits) {
    const d = digitValue(char);
    if (d === undefined) return Number.NaN;
    value = value * 10 + d;
  }
  return value;
}

/** ASCII digits of `text` written in the digits `language` uses in answers. */
export function localDigits(text: string, language: Language): string {
  const zero = ANSWER_DIGIT_ZERO[language];
  if (zero === 0x30) return asciiDigits(text);
  return asciiDigits(text).replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));
}
