// Latin acronyms written with the English names of their letters in Devanagari or Bengali
// (केएसएसएससीआई = KSSSCI, আইআইটি = IIT). A general decoder over a letter-name table: a word is accepted
// only if it decodes completely into at least two letters, so ordinary words almost never qualify.
import { foldText } from './fold.ts';
import { LATIN_LETTER_NAMES } from './letters.ts';

/**
 * Case endings a Bengali or Hindi writer attaches to an acronym (আইআইটি-র, আইআইটির, এনএসকিউএফ-এর are all
 * "IIT's"/"NSQF's"). Tried only when the whole word does not decode.
 */
const INFLECTIONS = ['ের', 'এর', 'র', 'কে', 'তে', 'দের', 'রা', 'ों', 'ओं', 'ने', 'को'].map(foldText);

/** The letter-name and inflection tables, for the analyzer version hash. */
export const ACRONYM_TABLES = { LATIN_LETTER_NAMES, INFLECTIONS };

interface Entry {
  spelling: string;
  letter: string;
}

/** Spellings in folded form (the decoder sees folded words), longest first so greedy tries them first. */
const ENTRIES: Entry[] = Object.entries(LATIN_LETTER_NAMES)
  .flatMap(([letter, names]) => [...names.devanagari, ...names.bengali].map((n) => ({ spelling: foldText(n), letter })))
  .filter((e, i, all) => all.findIndex((o) => o.spelling === e.spelling) === i)
  .sort((a, b) => b.spelling.length - a.spelling.length);

/** Spellings of single letter names, for recognising spaced or dotted forms (के एस एस एस सी आई). */
const SINGLE_LETTER = new Map(ENTRIES.map((e) => [e.spelling, e.letter]));

/**
 * Decodes a whole folded word into the letters it spells, or undefined. Greedy longest match with
 * backtracking, so ambiguous prefixes (এ = A, এইচ = H) resolve to a complete reading when one exists.
 */
export function decodeLetterNames(word: string): string | undefined {
  const memo = new Map<number, string | null>();
  const from = (pos: number): string | null => {
    if (pos === word.length) return '';
    const cached = memo.get(pos);
    if (cached !== undefined) return cached;
    let result: string | null = null;
    for (const entry of ENTRIES) {
      if (!word.startsWith(entry.spelling, pos)) continue;
      const rest = from(pos + entry.spelling.length);
      if (rest !== null) {
        result = entry.letter + rest;
        break;
      }
    }
    memo.set(pos, result);
    return result;
  };
  const letters = from(0);
  return letters !== null && letters.length > 0 ? letters : undefined;
}

/**
 * The Latin acronym a folded Devanagari/Bengali word spells (≥ 2 letters), also when it carries a case
 * ending; undefined for ordinary words.
 */
export function acronymOf(word: string): string | undefined {
  const whole = decodeLetterNames(word);
  if (whole !== undefined) return whole.length >= 2 ? whole : undefined;
  for (const ending of INFLECTIONS) {
    if (word.length > ending.length + 1 && word.endsWith(ending)) {
      const stem = decodeLetterNames(word.slice(0, -ending.length));
      if (stem !== undefined && stem.length >= 2) return stem;
    }
  }
  return undefined;
}

/** The Latin letter a folded word names when it is exactly one letter name (एस → S), else undefined. */
export function letterOf(word: string): string | undefined {
  return SINGLE_LETTER.get(word);
}
