// The analyzer every lexical matcher uses, at index and at query time alike: words → search terms.
// A word yields up to three kinds of term:
//   - its folded stem, plus the Latin acronym it is or spells (केएसएसएससीआई → ksssci, MoUs → mou);
//   - "~key": the phonetic key of its Latin transliteration, so names meet across scripts;
//   - "#concept": a cross-lingual concept from the domain lexicon (китайских → #china).
// Runs of single letter names or letters ("के एस एस एस सी आई", "C.M.") also yield the joined acronym.
import { createHash } from 'node:crypto';
import { ACRONYM_TABLES, acronymOf, letterOf } from './acronym.ts';
import { CONCEPT_TABLE, conceptsOf } from './concepts.ts';
import { dropNukta, normalizeUnicode } from './normalize.ts';
import { PHONETIC_TABLE, phoneticKey } from './phonetic.ts';
import { scriptOf, type Script } from './script.ts';
import { STEM_TABLES, nameBase, stem } from './stem.ts';
import { STOPWORD_TABLES, isStopword } from './stopwords.ts';
import { TRANSLITERATION_TABLES, toLatin } from './transliterate.ts';

/** Bump when a rule in this file changes the terms produced (table changes are caught by the hash below). */
const ANALYZER_RULES_VERSION = 6;

export const KEY_PREFIX = '~';
export const CONCEPT_PREFIX = '#';
/**
 * Keys this short collide too often to be evidence ("sn" = sun/son/sin) unless the word itself is long:
 * Singh/সিংহ/सिंह and batch/ব্যাচ only have two consonant sounds.
 */
const MIN_KEY_LENGTH = 3;
const MIN_SHORT_KEY_WORD = 4;

/**
 * Identifies the analyzer: the rules version plus a hash of every table it depends on. Persisted lexical
 * indexes record it and are rebuilt when it differs, so editing a table never leaves an index whose terms no
 * longer match the queries'.
 */
export const ANALYZER_VERSION: string = `${ANALYZER_RULES_VERSION}-${createHash('sha256')
  .update(
    JSON.stringify({
      STEM_TABLES,
      STOPWORD_TABLES,
      CONCEPT_TABLE,
      PHONETIC_TABLE,
      ACRONYM_TABLES,
      TRANSLITERATION_TABLES,
      MIN_KEY_LENGTH,
      MIN_SHORT_KEY_WORD,
    }),
  )
  .digest('hex')
  .slice(0, 12)}`;

export interface Word {
  /** As written (after NFKC), case kept. */
  raw: string;
  /** Folded: lower case, nukta removed, ASCII digits. */
  folded: string;
  script: Script;
  stopword: boolean;
  /** Upper-case Latin (or Cyrillic) acronym the word is, spells or forms with its neighbours. */
  acronym?: string;
  /** Stems and acronyms. */
  terms: string[];
  /** Phonetic keys, with KEY_PREFIX. */
  keys: string[];
  /** Concept ids, with CONCEPT_PREFIX. */
  concepts: string[];
  /** Expresses only generic concepts (institution types, "agreement"): never the named subject of a question. */
  generic: boolean;
  /** The Latin letter, when the word is one letter or one letter's name (spelled-out acronyms). */
  letter?: string;
  /** Set on the extra word that joins a run of spelled-out letters (के एस एस → KSS); it follows the run. */
  joined?: true;
}

export interface FieldTerms {
  text: string[];
  phon: string[];
  concept: string[];
}

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
// Separators that may sit inside a spelled-out acronym: spaces, dots, hyphens.
const LETTER_GAP = /^[\s.-]*$/;
// English possessive: not part of the name (HKUST’s, IIT's).
const POSSESSIVE = /(?<=\p{L})['’]s\b/gu;

interface WordAnalysis {
  folded: string;
  script: Script;
  stopword: boolean;
  acronym?: string;
  /** The Latin letter when the word is a single letter or a single letter's name. */
  letter?: string;
  terms: string[];
  keys: string[];
  concepts: string[];
  generic: boolean;
}

export interface Analyzer {
  /** The words of a text with their terms, in order. */
  words(text: string): Word[];
  /** Every term of a text, in order with repeats: stems and acronyms, phonetic keys, concepts. */
  terms(text: string): string[];
  /** Terms per index field. */
  fieldTerms(text: string): FieldTerms;
  /** All the terms of a query (every kind), for searching all fields at once. */
  queryTerms(text: string): string[];
}

/**
 * Creates an analyzer. It memoizes per distinct word (transliteration is the costly step), so keep one per
 * index; `maxCacheSize` bounds the memory a long-running bot spends on distinct query words.
 */
export function createAnalyzer(options: { maxCacheSize?: number } = {}): Analyzer {
  const maxCacheSize = options.maxCacheSize ?? 200_000;
  const cache = new Map<string, WordAnalysis>();

  const analyzeWord = (raw: string): WordAnalysis => {
    let result = cache.get(raw);
    if (!result) {
      result = analyzeOne(raw);
      if (cache.size >= maxCacheSize) cache.clear();
      cache.set(raw, result);
    }
    return result;
  };

  const words = (text: string): Word[] => {
    const normalized = normalizeUnicode(text).replace(POSSESSIVE, '');
    const out: Word[] = [];
    // The letters read so far in a row of single letter names, with where each ended.
    let run: { letter: string; end: number; stopword: boolean }[] = [];
    const flushRun = () => {
      // A postposition that is also a letter name (के = K) often stands next to a spelled acronym
      // ("के एस एस एस सी आई के निदेशक"): the run is also read without such letters at its ends.
      let first = 0;
      let last = run.length;
      while (first < last && run[first]!.stopword) first++;
      while (last > first && run[last - 1]!.stopword) last--;
      const variants = [run.slice(first, last), run.slice(first), run.slice(0, last), run];
      // Shortest first, so the complete reading comes last (alias detection reads the last word).
      const readings = [
        ...new Set(variants.filter((r) => r.length >= 2).map((r) => r.map((x) => x.letter).join(''))),
      ].sort((a, b) => a.length - b.length);
      for (const acronym of readings) {
        out.push({
          raw: acronym,
          folded: acronym.toLowerCase(),
          script: 'latin',
          stopword: false,
          acronym,
          terms: [acronym.toLowerCase()],
          keys: [],
          concepts: [],
          generic: false,
          joined: true,
        });
      }
      run = [];
    };
    for (const match of normalized.matchAll(TOKEN)) {
      const raw = match[0];
      const start = match.index;
      const analysis = analyzeWord(raw);
      const previous = run[run.length - 1];
      if (previous && !LETTER_GAP.test(normalized.slice(previous.end, start))) flushRun();
      out.push({ raw, ...analysis });
      if (analysis.letter) run.push({ letter: analysis.letter, end: start + raw.length, stopword: analysis.stopword });
      else flushRun();
    }
    flushRun();
    return out;
  };

  const fieldTerms = (text: string): FieldTerms => {
    const result: FieldTerms = { text: [], phon: [], concept: [] };
    for (const word of words(text)) {
      result.text.push(...word.terms);
      result.phon.push(...word.keys);
      result.concept.push(...word.concepts);
    }
    return result;
  };

  const terms = (text: string): string[] => words(text).flatMap((w) => [...w.terms, ...w.keys, ...w.concepts]);

  const queryTerms = (text: string): string[] => [...new Set(terms(text))];

  return { words, terms, fieldTerms, queryTerms };
}

function analyzeOne(raw: string): WordAnalysis {
  const script = scriptOf(raw);
  const lower = raw.toLowerCase();
  const folded = dropNukta(lower);
  const letterCount = [...raw].filter((ch) => /\p{L}/u.test(ch)).length;
  const letter = singleLetter(raw, folded, script, letterCount);
  const base = { folded, script, ...(letter ? { letter } : {}) };

  if (isStopword(folded)) return { ...base, stopword: true, terms: [], keys: [], concepts: [], generic: true };
  if (letterCount === 0) return { ...base, stopword: false, terms: [folded], keys: [], concepts: [], generic: false };

  const stemmedLower = stem(lower, script);
  // An inflected function word (কতজনকে = কতজন + -কে) is a function word too.
  if (isStopword(dropNukta(stemmedLower)))
    return { ...base, stopword: true, terms: [], keys: [], concepts: [], generic: true };
  // Concepts by the word as written or by its stem (মাদ্রাজের → মাদ্রাজ).
  const conceptMatches = [...conceptsOf(folded), ...conceptsOf(dropNukta(stemmedLower))].filter(
    (c, i, all) => all.findIndex((o) => o.id === c.id) === i,
  );
  const concepts = conceptMatches.map((c) => CONCEPT_PREFIX + c.id);
  const generic = conceptMatches.length > 0 && conceptMatches.every((c) => c.generic);

  const acronym = acronymIn(raw, folded, script);
  if (acronym) {
    const terms = [acronym.toLowerCase()];
    // The same letters typed in lower case ("rmlims") are stemmed like a word: index that form too.
    const asWord = stem(acronym.toLowerCase(), script === 'cyrillic' ? 'cyrillic' : 'latin');
    if (asWord !== terms[0]) terms.push(asWord);
    // The native spelling stays searchable too (केएसएसएससीआई matches itself).
    if (script === 'devanagari' || script === 'bengali') terms.push(folded);
    return { ...base, stopword: false, acronym, terms, keys: acronymKeys(acronym, script), concepts, generic };
  }
  if (letterCount === 1) return { ...base, stopword: false, terms: [], keys: [], concepts, generic: true };

  const terms = [dropNukta(stemmedLower)];
  const keys = new Set<string>();
  const adjectiveOf = nameBase(stemmedLower, script);
  for (const form of new Set([stemmedLower, lower, ...(adjectiveOf ? [adjectiveOf] : [])])) {
    const latin = toLatin(form, script);
    const key = phoneticKey(latin);
    if (key.length >= MIN_KEY_LENGTH || (key.length === 2 && latin.length >= MIN_SHORT_KEY_WORD))
      keys.add(KEY_PREFIX + key);
  }
  return { ...base, stopword: false, terms, keys: [...keys], concepts, generic };
}

/** A Latin/Cyrillic word written as an acronym (IIT, MoU, MoUs, РКАМУ), or a Devanagari/Bengali spelled one. */
function acronymIn(raw: string, folded: string, script: Script): string | undefined {
  if (script === 'devanagari' || script === 'bengali') return acronymOf(folded);
  if (script !== 'latin' && script !== 'cyrillic') return undefined;
  // Plural of an acronym: MoUs, IITs.
  const singular = /^\p{Lu}[\p{L}\d]*\p{Lu}s$/u.test(raw) ? raw.slice(0, -1) : raw;
  const letters = [...singular].filter((ch) => /\p{L}/u.test(ch));
  const upper = letters.filter((ch) => /\p{Lu}/u.test(ch)).length;
  return upper >= 2 && upper * 2 >= letters.length ? singular.toUpperCase() : undefined;
}

/**
 * Acronyms read as words (AIIMS = "aims", written एम्स / এইমস in Hindi and Bengali) get a phonetic key too.
 * Only those with enough vowels to be pronounced; IIT or NSQF are spelled out, and decoded as letters.
 */
function acronymKeys(acronym: string, script: Script): string[] {
  if (script !== 'latin' || acronym.length < 4) return [];
  const vowels = [...acronym].filter((ch) => 'AEIOU'.includes(ch)).length;
  if (vowels * 3 < acronym.length) return [];
  const key = phoneticKey(acronym.toLowerCase());
  return key.length >= 2 ? [KEY_PREFIX + key] : [];
}

function singleLetter(raw: string, folded: string, script: Script, letterCount: number): string | undefined {
  if (script === 'latin' && letterCount === 1 && raw.length === 1) return raw.toUpperCase();
  if (script === 'devanagari' || script === 'bengali') return letterOf(folded);
  return undefined;
}
