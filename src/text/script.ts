/** The writing systems the matchers treat differently. */
export type Script = 'latin' | 'cyrillic' | 'devanagari' | 'bengali' | 'other';

/** Script of a word, by its first letter (words are split on script changes by the tokenizer's callers). */
export function scriptOf(word: string): Script {
  for (const ch of word) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f)) return 'latin';
    if (code >= 0x400 && code <= 0x52f) return 'cyrillic';
    if ((code >= 0x900 && code <= 0x97f) || (code >= 0xa8e0 && code <= 0xa8ff)) return 'devanagari';
    if (code >= 0x980 && code <= 0x9ff) return 'bengali';
    if (/\p{L}/u.test(ch)) return 'other';
  }
  return 'other';
}
