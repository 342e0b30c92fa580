// A consonant skeleton of a Latin spelling, so one name written in different scripts (and transliterated
// with different conventions) gets the same key: Glybochko/Глыбочко → glbck, Kharagpur/খড়্গপুর → hrgpr,
// Guangzhou/Гуанчжоу → gnj. Vowels, aspiration and doubled letters carry little across transcriptions;
// the first letter is kept as a vowel marker so "Ian" and "Nan" differ.

// Source: the rewrites are this project's, after the consonant-skeleton idea of Soundex/Metaphone, adapted
// to Indic and Russian transcriptions; hashed into ANALYZER_VERSION (PHONETIC_TABLE).
// Ordered rewrites on lower-case ASCII. "C" (upper case, never in the input) stands for the "ch" sound.
const REWRITES: [RegExp, string][] = [
  [/shch/g, 's'],
  // English sch- before a vowel or l/r is "sk" (school, scheme, scholar); elsewhere it is German "sh".
  [/^sch(?=[aeiouylr])/, 'sk'],
  [/sch/g, 's'],
  [/t?ch/g, 'C'],
  [/dzh|dj|zh|jh/g, 'j'],
  [/sh/g, 's'],
  // Word-initial kh is heard as h (Kharagpur/Harbin/Хабаровск); inside a word as k (Mookerjee/মুখার্জি).
  [/^kh/, 'h'],
  [/kh/g, 'k'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/bh/g, 'b'],
  [/gh/g, 'g'],
  [/ck/g, 'k'],
  [/ng/g, 'n'],
  [/x/g, 'ks'],
  [/q/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/[vw]/g, 'b'],
  [/z/g, 'j'],
  // h only counts at the start of a word: elsewhere it marks aspiration or a vowel length.
  [/(?!^)h/g, ''],
];

/** The rewrites, for the analyzer version hash. */
export const PHONETIC_TABLE: readonly string[] = REWRITES.map(
  ([pattern, replacement]) => `${pattern.source}/${pattern.flags}=${replacement}`,
);

/** The phonetic key of a lower-case ASCII word; '' when it has no letters. */
export function phoneticKey(latin: string): string {
  if (!/[a-z]/.test(latin)) return '';
  let text = latin.replace(/[^a-z]/g, '');
  for (const [pattern, replacement] of REWRITES) text = text.replace(pattern, replacement);
  const first = /^[aeiouy]/.test(text) ? 'a' : '';
  const consonants = text.replace(/[aeiouy]/g, '');
  return (first + consonants).replace(/(.)\1+/g, '$1').toLowerCase();
}

/**
 * A Latin spelling with the same consonant rewrites as the key but its vowels kept, and a y-glide between
 * vowels dropped (jhejiyan / zhejiang → jejian; Chennai → Cenai, China → Cina): for comparing two spellings
 * of one short-keyed name letter by letter, across transcription conventions.
 */
export function phoneticSpelling(latin: string): string {
  let text = latin.replace(/[^a-z]/g, '');
  for (const [pattern, replacement] of REWRITES) text = text.replace(pattern, replacement);
  return text.replace(/(?<=[aeiou])y(?=[aeiou])/g, '').replace(/(.)\1+/g, '$1');
}
