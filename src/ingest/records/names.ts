// Whether two institution names denote the same party, across scripts and aliases. General rules only:
//   - word by word, a word meets its transliteration (खड़गपुर = Kharagpur, by phonetic key), its translation
//     when both express one concept of the domain lexicon (университет = University), an acronym meets the
//     same acronym in another script (आईआईटी = IIT, РКАМУ = RCAMU) or the run of words whose initials it
//     spells (IIT = Indian Institute of Technology), and a short acronym the one word it abbreviates by its
//     consonants (KGP = Kharagpur);
//   - "Long Name (ACR)" and "Long Name (ACR) Rest" are read as their two forms, "Name, Parent" also as "Name";
//   - two names whose distinctive words (not generic, not honorifics) are all found in the other, when the
//     shorter has at least MIN_SHARED_DISTINCTIVE of them, name the same party (translated word order:
//     "राम मनोहर लोहिया आयुर्विज्ञान संस्थान" = "Ram Manohar Lohia Institute of Medical Sciences").
import { createAnalyzer, type Analyzer, type Word } from '../../text/analyze.ts';
import { foldText } from '../../text/fold.ts';
import { phoneticKey } from '../../text/phonetic.ts';
import { toLatin } from '../../text/transliterate.ts';

/**
 * Titles and connecting words that are never part of what identifies an institution, in four languages
 * (general vocabulary; "of"/"for" in Devanagari and Bengali spelling, since English names are transcribed).
 */
const NAME_FILLERS = new Set(
  [
    'the',
    'of',
    'for',
    'and',
    'at',
    'in',
    'dr',
    'prof',
    'sir',
    'shri',
    'smt',
    'डॉ',
    'डा',
    'प्रो',
    'श्री',
    'ऑफ',
    'ऑफ़',
    'फॉर',
    'फ़ॉर',
    'एंड',
    'ऐंड',
    'द',
    'ডঃ',
    'ডা',
    'ডক্টর',
    'অধ্যাপক',
    'অফ',
    'ফর',
    'অ্যান্ড',
    'ইন',
    'দ্য',
    'др',
    'проф',
    'им',
    'имени',
    'и',
  ].map(foldText),
);

/**
 * Ordinal words: never generic in a name ("The First Affiliated Hospital" is not "The Second Affiliated
 * Hospital"), although the lexicon files "first" as generic.
 */
const ORDINALS = new Set(
  [
    'first',
    'second',
    'third',
    'fourth',
    'fifth',
    'prathama',
    'पहला',
    'पहली',
    'प्रथम',
    'द्वितीय',
    'दूसरा',
    'तृतीय',
    'প্রথম',
    'দ্বিতীয়',
    'তৃতীয়',
    'первый',
    'первая',
    'первого',
    'второй',
    'вторая',
    'второго',
    'третий',
    'третья',
  ].map(foldText),
);

/** Lexicon concepts that are the head of an institution's name (…University, …संस्थान, …হাসপাতাল). */
export const HEAD_CONCEPTS: ReadonlySet<string> = new Set([
  'university',
  'institute',
  'hospital',
  'college',
  'school',
  'centre',
  'association',
  'council',
]);

/** The shorter name must have this many distinctive words, all found in the other, to match by them alone. */
export const MIN_SHARED_DISTINCTIVE = 2;
/** Phonetic keys this long or longer may match by prefix (an inflected or adjectival form: Сеченовский = Sechenov). */
const MIN_PREFIX_KEY = 4;
/** An acronym abbreviates a single word by its consonants (KGP = Kharagpur) only from this length. */
const MIN_ABBREVIATION = 3;

export interface NameToken {
  raw: string;
  /** Lower-case Latin spelling. */
  latin: string;
  /** Lower-case Latin letters of the acronym the word is or spells (iit for आईआईटी, rkamu for РКАМУ). */
  acronym?: string;
  keys: string[];
  concepts: string[];
  generic: boolean;
  ordinal: boolean;
  cyrillic: boolean;
}

let shared: Analyzer | undefined;
function analyzer(): Analyzer {
  shared ??= createAnalyzer({ maxCacheSize: 50_000 });
  return shared;
}

/** Names whose tokens are remembered (the registry's lookups read the same party names for every question). */
const MAX_TOKENIZED = 50_000;
const tokenized = new Map<string, NameToken[]>();

/** The words of a name that can identify it, in order (shared between callers: never modify the list). */
export function nameTokens(name: string): NameToken[] {
  let tokens = tokenized.get(name);
  if (!tokens) {
    tokens = tokenize(name);
    if (tokenized.size >= MAX_TOKENIZED) tokenized.clear();
    tokenized.set(name, tokens);
  }
  return tokens;
}

function tokenize(name: string): NameToken[] {
  return (
    analyzer()
      .words(name)
      // A capitalized function word belongs to the name (All India Institute…); fillers never do.
      .filter(
        (w) =>
          !w.joined &&
          !NAME_FILLERS.has(w.folded.replace(/\.$/, '')) &&
          !(w.stopword && !w.acronym && !/^\p{Lu}/u.test(w.raw)),
      )
      .map(toToken)
      .filter((t) => t.latin !== '' || t.acronym !== undefined)
  );
}

function toToken(word: Word): NameToken {
  const latin = toLatin(word.raw, word.script);
  const acronym = word.acronym ? acronymLatin(word.acronym, word.script === 'cyrillic') : undefined;
  const ordinal = ORDINALS.has(word.folded);
  return {
    raw: word.raw,
    latin,
    ...(acronym ? { acronym } : {}),
    keys: [...new Set([spokenKey(latin), ...word.keys.map((k) => k.slice(1))])].filter(Boolean),
    concepts: word.concepts,
    generic: word.generic && !ordinal,
    ordinal,
    cyrillic: word.script === 'cyrillic',
  };
}

/**
 * The phonetic key of a name word, with English "-tion"/"-sion" read as spoken (Foundation = ফাউন্ডেশন), and
 * without a minimum length: inside a multi-word name even "Ram" is evidence.
 */
function spokenKey(latin: string): string {
  return phoneticKey(latin.replace(/[ts]ion/g, 'shon'));
}

function acronymLatin(acronym: string, cyrillic: boolean): string {
  return (cyrillic ? toLatin(acronym, 'cyrillic') : acronym).toLowerCase();
}

/** The forms a written name stands for: itself, "Long (ACR)" as both, "Name, Parent" also as "Name". */
export function nameForms(name: string): string[] {
  const forms = new Set<string>();
  const trimmed = name.replace(/\s+/g, ' ').trim();
  const paren = /^(.*?)\s*\(([^()]+)\)\s*(.*)$/.exec(trimmed);
  if (paren) {
    const [, before = '', inner = '', after = ''] = paren;
    forms.add(`${before} ${after}`.trim());
    const innerTokens = nameTokens(inner);
    const beforeTokens = nameTokens(before);
    // "(IIT Kharagpur)" is a short form of what precedes it, "(আইআইটি) খড়্গপুর" an acronym of it that the
    // rest completes. Anything else in parentheses ("(Moscow)", "(IIT Kharagpur)" after a hospital's name)
    // only qualifies the name.
    if (innerTokens.length > 1 && aligns(innerTokens, beforeTokens)) forms.add(inner.trim());
    else if (innerTokens.length === 1 && innerTokens[0]!.acronym) {
      forms.add(`${inner} ${after}`.trim());
    }
  } else {
    forms.add(trimmed);
  }
  for (const form of [...forms]) {
    const comma = form.split(/\s*,\s*/);
    if (comma.length > 1 && nameTokens(comma[0]!).some((t) => t.generic)) forms.add(comma[0]!);
  }
  return [...forms].filter((f) => nameTokens(f).length > 0);
}

/** A name read once: its folded text and the tokens of each of its forms. */
export interface PreparedName {
  folded: string;
  forms: NameToken[][];
}

const prepared = new Map<string, PreparedName>();
/** Bounds the memory of names read (a bot reads users' party input too). */
const MAX_PREPARED = 20_000;

export function prepareName(name: string): PreparedName {
  let p = prepared.get(name);
  if (!p) {
    p = { folded: foldText(name), forms: nameForms(name).map(nameTokens) };
    if (prepared.size >= MAX_PREPARED) prepared.clear();
    prepared.set(name, p);
  }
  return p;
}

/** True when the two names denote the same institution. */
export function sameParty(a: string, b: string): boolean {
  return samePrepared(prepareName(a), prepareName(b));
}

export function samePrepared(pa: PreparedName, pb: PreparedName): boolean {
  if (pa.folded === pb.folded) return true;
  const formsA = pa.forms;
  const formsB = pb.forms;
  for (const x of formsA) for (const y of formsB) if (aligns(x, y)) return true;
  return formsA.some((x) => formsB.some((y) => sharesDistinctive(x, y)));
}

/** Every token of both names consumed by one-to-one, acronym-to-run or abbreviation matches, in order. */
export function aligns(a: readonly NameToken[], b: readonly NameToken[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    if (i === a.length && j === b.length) return true;
    if (i === a.length || j === b.length) return false;
    const key = i * (b.length + 1) + j;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let ok = tokensMatch(a[i]!, b[j]!) && go(i + 1, j + 1);
    for (let n = 2; !ok && j + n <= b.length; n++) ok = spells(a[i]!, b.slice(j, j + n)) && go(i + 1, j + n);
    for (let n = 2; !ok && i + n <= a.length; n++) ok = spells(b[j]!, a.slice(i, i + n)) && go(i + n, j + 1);
    memo.set(key, ok);
    return ok;
  };
  return go(0, 0);
}

export function tokensMatch(x: NameToken, y: NameToken): boolean {
  if (x.acronym && y.acronym) return sameAcronym(x.acronym, y.acronym);
  if (x.acronym) return abbreviates(x.acronym, y);
  if (y.acronym) return abbreviates(y.acronym, x);
  if (x.latin === y.latin) return true;
  if (x.ordinal || y.ordinal) return x.keys.some((k) => y.keys.includes(k));
  if (x.concepts.some((c) => y.concepts.includes(c))) return true;
  return x.keys.some((k) => y.keys.some((l) => keysMatch(k, l)));
}

function keysMatch(k: string, l: string): boolean {
  if (k === l) return true;
  const [short, long] = k.length <= l.length ? [k, l] : [l, k];
  return short.length >= MIN_PREFIX_KEY && long.startsWith(short);
}

/** c and k, v and w sound alike across transcriptions (RCAMU = РКАМУ → rkamu). */
export function soundLetters(letters: string): string {
  return letters.replace(/c/g, 'k').replace(/w/g, 'v');
}

function sameAcronym(x: string, y: string): boolean {
  return x === y || soundLetters(x) === soundLetters(y);
}

/** The acronym spelled by the initials of `run` (every word a content word). */
function spells(token: NameToken, run: readonly NameToken[]): boolean {
  if (!token.acronym || run.some((t) => t.acronym !== undefined && t.acronym.length > 1)) return false;
  // A Cyrillic acronym spells Cyrillic words (РКАМУ), a Latin one (also written in Devanagari or Bengali)
  // the words of a name in any other script: KGMU is not Казанский государственный медицинский университет.
  if (run.some((t) => t.cyrillic !== token.cyrillic)) return false;
  const initials = run.map((t) => (t.acronym ?? t.latin)[0] ?? '').join('');
  return initials.length === token.acronym.length && soundLetters(initials) === soundLetters(token.acronym);
}

/** KGP abbreviates Kharagpur: same first letter, the rest in order among the word's letters. */
function abbreviates(acronym: string, word: NameToken): boolean {
  if (acronym.length < MIN_ABBREVIATION || word.latin.length <= acronym.length || word.latin[0] !== acronym[0])
    return false;
  let at = 1;
  for (const letter of acronym.slice(1)) {
    at = word.latin.indexOf(letter, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

export function distinctive(tokens: readonly NameToken[]): NameToken[] {
  return tokens.filter((t) => !t.generic || t.ordinal);
}

/**
 * Word order differs between languages; the distinctive words of the shorter name all occur in the other.
 * What is left over must not tell them apart: no place or nationality (Chinese University of Hong Kong is
 * not Hong Kong University of Science and Technology), and not field words on both sides (Institute of
 * Technology X is not Institute of Medical Sciences X), while a word of the lexicon left on one side only is
 * a translation the lexicon does not know (आयुर्विज्ञान = Medical Sciences).
 */
function sharesDistinctive(a: readonly NameToken[], b: readonly NameToken[]): boolean {
  const [small, large] = distinctive(a).length <= distinctive(b).length ? [a, b] : [b, a];
  const words = distinctive(small);
  if (words.length < MIN_SHARED_DISTINCTIVE) return false;
  const others = distinctive(large);
  // Every ordinal on either side must be matched: "First" never joins "Second".
  if (others.some((o) => o.ordinal && !words.some((w) => tokensMatch(w, o)))) return false;
  // The institution types must agree: a centre of the same two countries is not their association.
  const heads = (tokens: readonly NameToken[]) =>
    new Set(tokens.flatMap((t) => t.concepts).filter((c) => HEAD_CONCEPTS.has(c.slice(1))));
  const largeHeads = heads(large);
  if ([...heads(small)].some((h) => !largeHeads.has(h))) return false;
  if (!words.every((w) => others.some((o) => tokensMatch(w, o)))) return false;
  const leftSmall = small.filter((t) => !large.some((o) => tokensMatch(t, o)));
  const leftLarge = large.filter((t) => !small.some((o) => tokensMatch(t, o)));
  if ([...leftSmall, ...leftLarge].some((t) => t.concepts.length > 0 && !t.generic && !t.ordinal)) return false;
  const withConcept = (tokens: readonly NameToken[]) => tokens.some((t) => t.concepts.length > 0);
  return !(withConcept(leftSmall) && withConcept(leftLarge));
}

/**
 * An acronym that a long name in another language abbreviates only in part (केएसएसएससीआई for the Hindi
 * name whose last words are translated): its first letters spell the initials of the name's leading words.
 * Used only inside one article, to join an acronym to the long name written beside it.
 */
export function acronymLeads(acronym: string, name: string): boolean {
  const letters = nameTokens(acronym);
  if (letters.length !== 1 || !letters[0]!.acronym) return false;
  const target = soundLetters(letters[0]!.acronym);
  const words = nameTokens(name).filter((t) => !t.acronym);
  const initials = soundLetters(words.map((t) => t.latin[0] ?? '').join(''));
  let lead = 0;
  while (lead < Math.min(target.length, initials.length) && target[lead] === initials[lead]) lead++;
  return lead >= 3 && target.length - lead <= words.length - lead + 1 && lead < target.length + 1;
}

/** Lower-case Latin phonetic form of a name, for matching a user's partial input against party names. */
export function nameSearchKey(name: string): string {
  return nameTokens(name)
    .map((t) => t.acronym ?? phoneticKey(t.latin))
    .join(' ');
}
