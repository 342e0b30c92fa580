// Stemmers: a question's word form meets the article's (hospitals/hospital, российской/российская,
// संस्थानों/संस्थान, কল্যাণীর/কল্যাণী). English and Russian use the Snowball stemmers (the well-kept
// reference algorithms, package snowball-stemmers); Hindi and Bengali, which Snowball lacks, use light
// suffix strippers: deliberately conservative, since a missed conflation costs less than a false one.
// Input is folded (lower case, NFKC). The suffix tables are hashed into ANALYZER_VERSION (analyze.ts).
import snowball from 'snowball-stemmers';
import type { Script } from './script.ts';

const english = snowball.newStemmer('english');
const russian = snowball.newStemmer('russian');

/**
 * Hindi inflectional endings (plural/oblique nouns, adjectives, common verb forms). Source: A. Ramanathan &
 * D. Rao, "A Lightweight Stemmer for Hindi" (2003), suffix list; nukta already removed by folding.
 */
const HINDI_ENDINGS = [
  'ाएंगी',
  'ाएंगे',
  'ाऊंगी',
  'ाऊंगा',
  'ाइयाँ',
  'ाइयों',
  'ाइयां',
  'ियाँ',
  'ियों',
  'ियां',
  'ाओं',
  'ाएं',
  'ाएँ',
  'ुओं',
  'ुएं',
  'ाने',
  'ाना',
  'ाती',
  'ाते',
  'ाता',
  'ेंगे',
  'ेंगी',
  'ियो',
  'ों',
  'ें',
  'ीं',
  'ुआ',
  'ुई',
  'ुए',
  'ाई',
  'ाए',
  'िए',
  'ी',
  'े',
  'ा',
  'ि',
  'ु',
  'ू',
  'ो',
  'ं',
];

/**
 * Bengali case markers, postpositional clitics and plural/classifier endings: genitive -র/-এর/-ের, objective
 * -কে, locative -তে/-য়/-এ, plural -রা/-দের/-গুলো/-গুলি, classifiers -টি/-টা. Source: the inflection tables
 * of S. Dasgupta & V. Ng, "Unsupervised Morphological Parsing of Bengali" (2006) and standard grammars,
 * restricted to endings that attach to nouns and names.
 */
const BENGALI_ENDINGS = [
  'গুলোকে',
  'গুলিকে',
  'গুলোতে',
  'গুলিতে',
  'গুলোর',
  'গুলির',
  'গুলো',
  'গুলি',
  'দেরকে',
  'েদের',
  'দের',
  'টিতে',
  'টির',
  'টার',
  'টিকে',
  'েরা',
  // -য়ের is the genitive after a vowel or ং (ঝেজিয়াংয়ের); with -য় below, বিষয়ের and বিষয় share a stem.
  'য়ের',
  'ের',
  'এর',
  'কে',
  'তে',
  'রা',
  'টি',
  'টা',
  'য়',
  'ে',
];
/**
 * A bare genitive -র after a vowel sign (কল্যাণীর, কলকাতার). Not after -ু/-ূ: names in -পুর (খড়্গপুর)
 * end in that sequence as a stem.
 */
const BENGALI_GENITIVE_AFTER_VOWEL = /[\u09BE\u09BF\u09C0\u09C7\u09C8\u09CB\u09CC]র$/u;

/**
 * Russian relational adjectives made from a name keep the name before -ск- (Чжэцзянский университет =
 * Zhejiang University, харагпурский, московского → москов ~ Moscow): after Snowball, a stem ending in -ск
 * with at least four letters before it. Source: the -ск- adjective suffix of standard Russian grammars.
 */
const RUSSIAN_RELATIONAL_ADJECTIVE = /(?<=\p{L}{4})ск$/u;

/** The suffix tables, for the analyzer version hash. */
export const STEM_TABLES = {
  snowball: ['english', 'russian'],
  russianRelationalAdjective: RUSSIAN_RELATIONAL_ADJECTIVE.source,
  hindi: HINDI_ENDINGS,
  bengali: BENGALI_ENDINGS,
  bengaliGenitive: BENGALI_GENITIVE_AFTER_VOWEL.source,
};

const byLength = (list: readonly string[]) => list.map((e) => e.normalize('NFKC')).sort((a, b) => b.length - a.length);
const HINDI = byLength(HINDI_ENDINGS);
const BENGALI = byLength(BENGALI_ENDINGS);

function stripLongest(word: string, endings: readonly string[], minStem: number): string {
  for (const ending of endings) {
    if (word.endsWith(ending) && [...word.slice(0, -ending.length)].length >= minStem)
      return word.slice(0, -ending.length);
  }
  return word;
}

function stemBengali(word: string): string {
  const stripped = stripLongest(word, BENGALI, 2);
  if (stripped !== word) return stripped;
  return BENGALI_GENITIVE_AFTER_VOWEL.test(word) && [...word].length >= 4 ? word.slice(0, -1) : word;
}

/** Stem of a folded word in the given script; words of other scripts and numbers are returned as they are. */
export function stem(word: string, script: Script): string {
  if (/\d/.test(word)) return word;
  switch (script) {
    case 'latin':
      return word.length <= 3 ? word : english.stem(word);
    case 'cyrillic':
      return russian.stem(word.replace(/ё/g, 'е'));
    case 'devanagari':
      return stripLongest(word, HINDI, 2);
    case 'bengali':
      return stemBengali(word);
    case 'other':
      return word;
  }
}

/**
 * The name a stemmed word is derived from, when it is a Russian relational adjective (чжэцзянск → чжэцзян);
 * else undefined. Used for phonetic keys only: the adjective meets the name in any script.
 */
export function nameBase(stemmed: string, script: Script): string | undefined {
  if (script !== 'cyrillic' || !RUSSIAN_RELATIONAL_ADJECTIVE.test(stemmed)) return undefined;
  return stemmed.replace(RUSSIAN_RELATIONAL_ADJECTIVE, '');
}
