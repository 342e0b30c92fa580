// Absolute evidence that an article answers a question, to complement rank fusion (whose scores are
// relative: the best of a bad lot still ranks first). Computed only for candidate articles, from their own
// words (every chunk, title, institutions, "Long Name (ACR)" aliases), so the cost of a question does not
// grow with the corpus. Each content word of the question is matched in an article with a strength:
//   1    the word's stem or acronym, a named concept (Lucknow = लखनऊ), a long phonetic key, or a short key
//        whose transliterations agree letter by letter (কল্যাণী ~ Kalyani);
//   0.5  only a generic concept (agreement ≈ চুক্তি) or a short key with different vowels (Chennai ~ China).
// Then, per article: coverage = idf-weighted share of the question's words (by strength); entity coverage =
// share of the question's named parties matched at full strength; name coverage = the same share found in
// the article's title/institutions/aliases (field-aware ranking).
import type { IndexSnapshot, ManifestDocument, StoredChunk } from '../index/types.ts';
import { CONCEPT_PREFIX, KEY_PREFIX, type Analyzer, type Word } from '../text/analyze.ts';
import { findAliases } from '../text/aliases.ts';
import { isGenericConcept, isNameHead } from '../text/concepts.ts';
import type { Script } from '../text/script.ts';
import { phoneticSpelling } from '../text/phonetic.ts';
import { nameBase } from '../text/stem.ts';
import { toLatin } from '../text/transliterate.ts';

export interface QueryWord {
  /** The word as written in the question. */
  text: string;
  /** A named party: an acronym, a known place, a capitalized name the corpus knows, a year. */
  party: boolean;
  /** A name-like word the corpus does not know in any form (Patna, टाटा): evidence against every article. */
  unknownName: boolean;
  /** Inverse document frequency × salience. */
  weight: number;
  /** Articles among the word's own lexical hits (capped at the candidate count). */
  df: number;
}

/** What one candidate article offers a question. */
export interface ArticleEvidence {
  coverage: number;
  entityCoverage: number;
  nameCoverage: number;
  /** Parties the article lacks at full strength (for --explain). */
  missing: string[];
  /** Coverage of each of its chunks (chunk id → share), for passage choice. */
  chunkCoverage: ReadonlyMap<string, number>;
  /**
   * Share of the question's neighbouring word pairs that stand close together in the article too ("medical
   * college", मेडिकल कॉलेज = medical college through the concepts): phrases and proximity, which word
   * coverage cannot see. Weighted by the pair's word weights.
   */
  phraseCoverage: number;
}

export interface Evidence {
  words: QueryWord[];
  /** Share of the question's weight carried by unknown names, in [0, 1]. */
  unknownShare: number;
  /** Share of the question's weight carried by words no article has in any form (its subject may be absent). */
  absentShare: number;
  hasParties: boolean;
  article(docId: string): ArticleEvidence;
}

/**
 * How much a match in each form counts. A generic concept met in an article of another script is how a
 * translation shows (hospitals = হাসপাতাল): it counts as `translation`, while in the same script it only
 * means a related word (agreement ≈ accord) and counts `weak`.
 */
export const MATCH_STRENGTH = { full: 1, translation: 1, weak: 0.5 } as const;
const SCRIPT_OF_LANGUAGE: Record<string, Script> = { en: 'latin', ru: 'cyrillic', hi: 'devanagari', bn: 'bengali' };
/**
 * Letters of a chat short form (kgp, BBSR): three at least (two collide across names), five at most. Chosen,
 * not fitted (2026-12-02), after issue #8's examples.
 */
const SHORT_FORM_LETTERS = { min: 3, max: 5 } as const;
/** A phonetic key with this many consonant sounds rarely matches by accident (Глыбочко ~ Glybochko). */
const LONG_KEY = 4;
/**
 * Shorter keys count fully only when the transliterations are this similar (1 - edit distance / length), or
 * nearly spell the same once the transcription conventions are undone (phoneticSpelling: jhejiyan = zhejiang).
 */
const TRANSLITERATION_SIMILARITY = 0.75;
/** The same for phonetic spellings, where the conventions are undone (stricter: they are closer by design). */
const SPELLING_SIMILARITY = 0.8;
/** Named parties weigh more than other words in coverage: they say what the question is about. */
const PARTY_WEIGHT = 1.5;
/** Content words apart (at most) at which two words of a question's pair still form its phrase in an article. */
const PHRASE_WINDOW = 2;
/** At most this many words count (very long questions). */
const MAX_WORDS = 16;
/** Letters a caseless word needs before its absence from the corpus suggests a name (not शेष, दिन). */
const MIN_UNKNOWN_NAME_LETTERS = 3;
const YEAR = /^(19|20)\d\d$/;
/** Characters (letters and vowel signs) an unknown word needs before a name head to count as a name. */
const MIN_NAME_HEAD_WORD = 4;
/**
 * Stands for an acronym read as a word (AIIMS = एम्स = এইমস) among an article's spellings of a key: its key
 * is the pronunciation, so a short key match with it is the same name (the letters cannot agree).
 */
const PRONOUNCED_ACRONYM = '\u0000acronym';
/**
 * A word found in more than this share of the articles is too common to name a party by itself, unless it is
 * written in a script without capitals and has a long phonetic key (খড়্গপুরের, as "Kharagpur" is a party by
 * its capital however many articles name it).
 */
const MAX_PARTY_DOC_SHARE = 0.15;

export interface ContentWord {
  word: Word;
  /** First word of the question: capitalized by grammar, not necessarily a name. */
  sentenceStart: boolean;
  /** Its neighbours in the question (stopwords included), for telling names from ordinary words. */
  before?: Word;
  after?: Word;
}

/** Content words of a question: no stopwords, no lone letters, one entry per distinct term. */
export function contentWords(question: string, analyzer: Analyzer): ContentWord[] {
  const words = analyzer.words(question);
  const seen = new Set<string>();
  const out: ContentWord[] = [];
  const firstIndex = words.findIndex((w) => !w.joined);
  words.forEach((word, index) => {
    if (word.stopword || word.terms.length + word.concepts.length === 0) return;
    if (word.letter !== undefined && !word.joined) return;
    const key = word.terms[0] ?? word.concepts[0]!;
    if (seen.has(key)) return;
    seen.add(key);
    const plain = (w: Word | undefined) => (w?.joined ? undefined : w);
    const before = plain(words[index - 1]);
    const after = plain(words.slice(index + 1).find((w) => !w.joined));
    out.push({ word, sentenceStart: index === firstIndex, ...(before ? { before } : {}), ...(after ? { after } : {}) });
  });
  return out.slice(0, MAX_WORDS);
}

/**
 * Whether a word looks like a name: an acronym, a place or nationality from the concept lexicon (in any
 * script), or a capitalized non-generic word in a script with case.
 */
export function isNamed(word: Word): boolean {
  if (word.generic) return false;
  if (word.acronym || word.concepts.some((c) => !isGenericConcept(c.slice(CONCEPT_PREFIX.length)))) return true;
  return (word.script === 'latin' || word.script === 'cyrillic') && /^\p{Lu}/u.test(word.raw);
}

/** One article's words, analyzed once per snapshot. */
interface ArticleProfile {
  terms: Set<string>;
  /** Terms of the title, institutions and aliases. */
  nameTerms: Set<string>;
  /** Terms of the institutions and aliases only: the names of the article's parties. */
  partyTerms: Set<string>;
  /** Latin transliterations of the article's words, by phonetic key. */
  latinByKey: Map<string, Set<string>>;
  chunks: { id: string; terms: Set<string> }[];
  /** Positions of each term in its stream of content words (title, then each chunk), for phrases. */
  positions: Map<string, number[]>;
  /** Years in the text and the article's date. */
  years: Set<string>;
  /** The script of the article's language. */
  script?: Script;
}

interface SnapshotProfiles {
  documents: Map<string, ManifestDocument>;
  profiles: Map<string, ArticleProfile>;
}

const cache = new WeakMap<IndexSnapshot, SnapshotProfiles>();
/**
 * Article profiles kept per snapshot (least recently used dropped first): a profile is a pure function of the
 * article, and without a bound a long-running service would end up holding one for every article (about
 * 80 KB each; performance and memory only, not fitted).
 */
const PROFILED_ARTICLES = 1000;

function profilesOf(snapshot: IndexSnapshot): SnapshotProfiles {
  let entry = cache.get(snapshot);
  if (!entry) {
    entry = { documents: new Map(snapshot.manifest.documents.map((d) => [d.id, d])), profiles: new Map() };
    cache.set(snapshot, entry);
  }
  return entry;
}

/** The chunks of one article, in order (from the manifest: no walk over the corpus). */
export function documentChunks(snapshot: IndexSnapshot, docId: string): StoredChunk[] {
  const doc = profilesOf(snapshot).documents.get(docId);
  if (!doc) return [];
  return doc.chunkIds.flatMap((id) => {
    const chunk = snapshot.chunks.get(id);
    return chunk ? [chunk] : [];
  });
}

function profile(snapshot: IndexSnapshot, docId: string, analyzer: Analyzer): ArticleProfile {
  const entry = profilesOf(snapshot);
  let result = entry.profiles.get(docId);
  if (result) {
    // Most recently used last: the least recently used profile is the first one dropped.
    entry.profiles.delete(docId);
    entry.profiles.set(docId, result);
    return result;
  }
  const chunks = documentChunks(snapshot, docId);
  const doc = entry.documents.get(docId);
  const terms = new Set<string>();
  const nameTerms = new Set<string>();
  const partyTerms = new Set<string>();
  const latinByKey = new Map<string, Set<string>>();
  const years = new Set<string>(doc?.date ? [doc.date.slice(0, 4)] : []);
  const addWords = (words: Word[], into: Set<string>[]) => {
    for (const w of words) {
      for (const set of into) {
        for (const t of w.terms) set.add(t);
        for (const t of w.keys) set.add(t);
        for (const t of w.concepts) set.add(t);
      }
      if (YEAR.test(w.folded)) years.add(w.folded);
      if (w.keys.length > 0) {
        const latin = w.acronym ? PRONOUNCED_ACRONYM : toLatin(w.folded, w.script);
        for (const key of w.keys) {
          const forms = latinByKey.get(key) ?? new Set<string>();
          forms.add(latin);
          latinByKey.set(key, forms);
        }
      }
    }
  };
  const positions = new Map<string, number[]>();
  let position = 0;
  const addPositions = (words: Word[]) => {
    for (const w of words) {
      if (w.stopword || w.joined) continue;
      for (const t of phraseTerms(w)) {
        const list = positions.get(t);
        if (list) list.push(position);
        else positions.set(t, [position]);
      }
      position++;
    }
    // No phrase spans two parts (the title and a chunk, or two chunks).
    position += PHRASE_WINDOW + 1;
  };
  const chunkProfiles = chunks.map((chunk) => {
    const own = new Set<string>();
    const words = analyzer.words(chunk.text);
    addWords(words, [own, terms]);
    addPositions(words);
    return { id: chunk.id, terms: own };
  });
  const first = chunks[0];
  if (first) {
    const names = [...first.institutions];
    for (const chunk of chunks)
      for (const alias of findAliases(chunk.text, analyzer)) names.push(alias.expansion, alias.acronym);
    addWords(analyzer.words(names.join(' ; ')), [partyTerms, nameTerms, terms]);
    const titleWords = analyzer.words(first.title);
    addWords(titleWords, [nameTerms, terms]);
    addPositions(titleWords);
    // The title's names (acronyms, capitalized words) name the parties too; its other words do not.
    addWords(
      titleWords.filter((w) => isNamed(w)),
      [partyTerms],
    );
  }
  const script = doc ? SCRIPT_OF_LANGUAGE[doc.language] : undefined;
  result = {
    terms,
    nameTerms,
    partyTerms,
    latinByKey,
    chunks: chunkProfiles,
    positions,
    years,
    ...(script ? { script } : {}),
  };
  entry.profiles.set(docId, result);
  if (entry.profiles.size > PROFILED_ARTICLES) entry.profiles.delete(entry.profiles.keys().next().value!);
  return result;
}

/** The terms a phrase is matched by: stems, acronyms, concepts and long phonetic keys (short ones collide). */
function phraseTerms(word: Word): string[] {
  return [...word.terms, ...word.concepts, ...word.keys.filter((k) => k.length - KEY_PREFIX.length >= LONG_KEY)];
}

/**
 * Two neighbouring names of a question that an article may write as one word (Syama Prasad / শ্যামাপ্রসাদ,
 * Ramkrishna / Ram Krishna): the indexes of both words and the word they make joined.
 */
function nameCompounds(
  words: readonly { word: Word; after?: Word }[],
  analyzer: Analyzer,
): { first: number; second: number; joined: Word }[] {
  const out: { first: number; second: number; joined: Word }[] = [];
  words.forEach(({ word, after }, first) => {
    const second = words.findIndex((w) => w.word === after);
    if (second < 0 || !after || !isNamed(word) || !isNamed(after) || word.acronym || after.acronym) return;
    if (word.script !== after.script) return;
    const [joined, ...rest] = analyzer.words(word.raw + after.raw.toLowerCase());
    if (joined && rest.length === 0) out.push({ first, second, joined });
  });
  return out;
}

/** A word's phrase terms in one article: a short form also stands for the article's words it abbreviates. */
function phraseTermsIn(word: Word, p: ArticleProfile): string[] {
  const own = phraseTerms(word);
  return isShortForm(word) ? [...own, ...abbreviatedKeys(word, p.terms, p.latinByKey)] : own;
}

/** Whether some term of `a` and some term of `b` stand within PHRASE_WINDOW content words of each other. */
function closeTogether(a: Word, b: Word, p: ArticleProfile): boolean {
  const { positions } = p;
  const near = new Set<number>();
  for (const t of phraseTermsIn(b, p)) for (const q of positions.get(t) ?? []) near.add(q);
  if (near.size === 0) return false;
  for (const t of phraseTermsIn(a, p))
    for (const q of positions.get(t) ?? [])
      for (let d = 1; d <= PHRASE_WINDOW; d++) if (near.has(q + d) || near.has(q - d)) return true;
  return false;
}

/** Neighbouring content words of a question (stopwords between them do not part them), with their weight. */
function questionPairs(
  question: string,
  analyzer: Analyzer,
  weightOf: ReadonlyMap<string, number>,
): { a: Word; b: Word; weight: number }[] {
  const words = analyzer
    .words(question)
    .filter((w) => !w.stopword && !w.joined && weightOf.has(w.terms[0] ?? w.concepts[0] ?? ''));
  const pairs: { a: Word; b: Word; weight: number }[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i]!, words[i + 1]!];
    const weight = (weightOf.get(a.terms[0] ?? a.concepts[0]!)! + weightOf.get(b.terms[0] ?? b.concepts[0]!)!) / 2;
    pairs.push({ a, b, weight });
  }
  return pairs;
}

/**
 * Evidence for `question` over the candidate articles. `wordHits(word)` gives the articles among the
 * lexical hits of one word (at most the candidate count), for its rarity.
 */
export function gatherEvidence(
  snapshot: IndexSnapshot,
  question: string,
  analyzer: Analyzer,
  wordHits: (word: Word) => ReadonlySet<string>,
  candidates: () => Iterable<string>,
  options: { yesNo?: boolean } = {},
): Evidence {
  const documents = Math.max(1, snapshot.manifest.documents.length);
  const idf = (df: number) => Math.log(1 + (documents - Math.max(df, 1) + 0.5) / (Math.max(df, 1) + 0.5));
  // First every word's own hits (they also add candidate articles), then which words name a party.
  const hitsOf = contentWords(question, analyzer).map((c) => ({
    ...c,
    year: YEAR.test(c.word.folded),
    hits: YEAR.test(c.word.folded) ? new Set<string>() : wordHits(c.word),
  }));
  const candidateProfiles = [...new Set(candidates())].map((id) => profile(snapshot, id, analyzer));
  const documentsWith = (word: Word, df: number) => {
    const rare = df <= Math.max(1, documents * MAX_PARTY_DOC_SHARE) || (caseless(word) && distinctive(word));
    return (
      !word.generic &&
      rare &&
      candidateProfiles.some((p) => strengthIn(word, p.partyTerms, p.latinByKey) >= MATCH_STRENGTH.full)
    );
  };
  // Words that name a party of some candidate article, by what they are written as (for their neighbours).
  // A writer who capitalizes names (IIT Kharagpur) does not write one in lower case: then a lower-case word
  // ("advanced") is not a party's name even when some article's title has it.
  const writesCapitals = hitsOf.some((h) => !h.sentenceStart && cased(h.word) && /\p{Lu}/u.test(h.word.raw));
  const mayName = (w: Word) => !(writesCapitals && cased(w) && !/\p{Lu}/u.test(w.raw));
  const partyNames = new Set(
    hitsOf.filter((h) => mayName(h.word) && documentsWith(h.word, h.hits.size)).map((h) => h.word.raw),
  );
  const nameContext = (w: Word) => partyNames.has(w.raw) || nameNeighbour(w);
  const analyzed = hitsOf.map(({ word, sentenceStart, year, hits, before, after }) => {
    const df = hits.size;
    const named = isNamed(word);
    // A party: a name the corpus knows — capitalized or an acronym (a capitalized first word only if it is
    // an acronym: "Describe…"), a known place, a year, or a rare word that some candidate article has among
    // the names of its parties (title, institutions, aliases): কল্যাণী, "kgp", lower-case chat.
    const inNames = partyNames.has(word.raw);
    // A capitalized word inside the sentence that the corpus lacks altogether (Bhubaneswar, Гарвард) names
    // a party no article has: it is required too, so such a question is "not found".
    // So does a known place the corpus lacks (মাদ্রাজ), and, in scripts without capitals, an unknown word that
    // stands next to an acronym or a party's name (एम्स पटना).
    const unknownCapitalized =
      df === 0 && named && !sentenceStart && (word.script === 'latin' || word.script === 'cyrillic');
    const absentPlace = df === 0 && named && word.concepts.length > 0;
    const unknownInName =
      df === 0 &&
      !word.generic &&
      caseless(word) &&
      longEnough(word) &&
      [before, after].some((w) => w !== undefined && nameContext(w));
    // A word no article has, before an institution type or a field (fudan university, টাটা মেডিক্যাল,
    // космической медицине): the name of what is asked about, which the corpus lacks.
    const unknownBeforeHead =
      df === 0 &&
      !word.generic &&
      [...word.raw].length >= MIN_NAME_HEAD_WORD &&
      after !== undefined &&
      after.concepts.some((c) => isNameHead(c.slice(CONCEPT_PREFIX.length)));
    const party =
      year ||
      absentPlace ||
      unknownInName ||
      unknownBeforeHead ||
      (named && (df > 0 || unknownCapitalized) && (!sentenceStart || word.acronym !== undefined)) ||
      inNames;
    // In a yes/no question a place or a year may be what is asked about ("Was it signed in Moscow?"): the
    // article may answer "no, in …", so only the parties themselves are required.
    const place =
      year || (!word.acronym && word.concepts.some((c) => !isGenericConcept(c.slice(CONCEPT_PREFIX.length))));
    const required = party && !(options.yesNo === true && place);
    const unknownName = !year && df === 0 && !word.generic && looksLikeName(word, named, sentenceStart);
    const query: QueryWord = {
      text: word.raw,
      party,
      unknownName,
      weight: idf(df) * (party || unknownName ? PARTY_WEIGHT : 1),
      df,
    };
    return { word, query, year, required };
  });
  const words = analyzed.map((a) => a.query);
  const total = words.reduce((sum, w) => sum + w.weight, 0);
  const unknown = words.filter((w) => w.unknownName).reduce((sum, w) => sum + w.weight, 0);
  const absent = analyzed.filter((a) => !a.year && a.query.df === 0).reduce((sum, a) => sum + a.query.weight, 0);
  const parties = analyzed.filter((a) => a.query.party);
  const required = analyzed.filter((a) => a.required);
  const weightOf = new Map(analyzed.map((a) => [a.word.terms[0] ?? a.word.concepts[0]!, a.query.weight]));
  const pairs = questionPairs(question, analyzer, weightOf);
  const pairTotal = pairs.reduce((sum, pair) => sum + pair.weight, 0);
  const compounds = nameCompounds(hitsOf, analyzer);
  const memo = new Map<string, ArticleEvidence>();

  const article = (docId: string): ArticleEvidence => {
    const cached = memo.get(docId);
    if (cached) return cached;
    const p = profile(snapshot, docId, analyzer);
    const strengths = analyzed.map((a) =>
      a.year ? (p.years.has(a.word.folded) ? 1 : 0) : strengthIn(a.word, p.terms, p.latinByKey, p.script),
    );
    for (const { first, second, joined } of compounds) {
      if (strengths[first]! >= MATCH_STRENGTH.full && strengths[second]! >= MATCH_STRENGTH.full) continue;
      if (strengthIn(joined, p.terms, p.latinByKey, p.script) < MATCH_STRENGTH.full) continue;
      strengths[first] = MATCH_STRENGTH.full;
      strengths[second] = MATCH_STRENGTH.full;
    }
    const share = (strength: (i: number) => number) =>
      total > 0 ? analyzed.reduce((sum, a, i) => sum + a.query.weight * strength(i), 0) / total : 0;
    const lacks = (i: number) => strengths[i]! < MATCH_STRENGTH.full;
    const missing = analyzed.filter((a, i) => a.required && lacks(i)).map((a) => a.query.text);
    const nameHits = parties.filter((a) => strengthIn(a.word, p.nameTerms, p.latinByKey) >= MATCH_STRENGTH.full).length;
    const inPart = (part: ReadonlySet<string>) =>
      share((i) => (analyzed[i]!.year ? strengths[i]! : strengthIn(analyzed[i]!.word, part, p.latinByKey, p.script)));
    const result: ArticleEvidence = {
      coverage: share((i) => strengths[i]!),
      phraseCoverage:
        pairTotal > 0
          ? pairs.filter((pair) => closeTogether(pair.a, pair.b, p)).reduce((sum, x) => sum + x.weight, 0) / pairTotal
          : 0,
      entityCoverage: required.length === 0 ? 1 : (required.length - missing.length) / required.length,
      nameCoverage: parties.length === 0 ? 0 : nameHits / parties.length,
      missing,
      chunkCoverage: new Map(p.chunks.map((c) => [c.id, inPart(c.terms)])),
    };
    memo.set(docId, result);
    return result;
  };

  return {
    words,
    unknownShare: total > 0 ? unknown / total : 0,
    absentShare: total > 0 ? absent / total : 0,
    hasParties: parties.length > 0,
    article,
  };
}

/**
 * A name the corpus does not know: capitalized inside the sentence in a script with case, or, in Devanagari
 * and Bengali (no capitals), any long enough word that the corpus has in no form at all (पटना, টাটা).
 */
function looksLikeName(word: Word, named: boolean, sentenceStart: boolean): boolean {
  if (word.script === 'latin' || word.script === 'cyrillic') return named && !sentenceStart;
  return caseless(word) && longEnough(word);
}

/** A word whose phonetic key is long: a name's, rarely met by accident (খড়্গপুর ~hrgpr). */
const distinctive = (word: Word) => word.keys.some((k) => k.length - KEY_PREFIX.length >= LONG_KEY);
const cased = (word: Word) => word.script === 'latin' || word.script === 'cyrillic';
const caseless = (word: Word) => word.script === 'devanagari' || word.script === 'bengali';
const longEnough = (word: Word) => [...word.raw].filter((ch) => /\p{L}/u.test(ch)).length >= MIN_UNKNOWN_NAME_LETTERS;

/** A neighbour that makes an unknown word part of a name: an acronym (एम्स पटना, IIT Bombay). */
function nameNeighbour(word: Word): boolean {
  return !word.stopword && word.acronym !== undefined;
}

/** Strength of the best match of a question word among an article's (or chunk's) terms. */
export function strengthIn(
  word: Word,
  terms: ReadonlySet<string>,
  latinByKey: ReadonlyMap<string, ReadonlySet<string>>,
  articleScript?: Script,
): number {
  if (word.terms.some((t) => terms.has(t))) return MATCH_STRENGTH.full;
  const concepts = word.concepts.filter((t) => terms.has(t));
  if (concepts.some((t) => !isGenericConcept(t.slice(CONCEPT_PREFIX.length)))) return MATCH_STRENGTH.full;
  const keys = word.keys.filter((t) => terms.has(t));
  if (keys.some((key) => key.length - KEY_PREFIX.length >= LONG_KEY)) return MATCH_STRENGTH.full;
  if (abbreviatesSome(word, terms, latinByKey)) return MATCH_STRENGTH.full;
  if (keys.length > 0) {
    // Against every spelling of the article's (কল্যাণীর / কল্যাণী ~ Kalyani).
    // The word as written, its stem, and the name a Russian adjective is made of (чжэцзянского → чжэцзян).
    const stemmed = word.terms[0] ?? word.folded;
    const forms = [word.folded, stemmed, nameBase(stemmed, word.script) ?? stemmed];
    const latins = [...new Set(forms.map((f) => toLatin(f, word.script)))];
    const agrees =
      word.acronym !== undefined ||
      keys.some((key) =>
        [...(latinByKey.get(key) ?? [])].some(
          (form) =>
            form === PRONOUNCED_ACRONYM ||
            latins.some(
              (latin) =>
                similarity(latin, form) >= TRANSLITERATION_SIMILARITY ||
                similarity(phoneticSpelling(latin), phoneticSpelling(form)) >= SPELLING_SIMILARITY,
            ),
        ),
      );
    return agrees ? MATCH_STRENGTH.full : MATCH_STRENGTH.weak;
  }
  if (concepts.length === 0) return 0;
  return articleScript !== undefined && articleScript !== word.script
    ? MATCH_STRENGTH.translation
    : MATCH_STRENGTH.weak;
}

/**
 * A chat short form: a Latin word of SHORT_FORM_LETTERS letters without a vowel ("kgp", "KGP", "BBSR"), which
 * no ordinary word is. Two letters are too few to tell one name from another. (An acronym the article has as
 * such matches before this is asked.)
 */
export function isShortForm(word: Word): boolean {
  return (
    word.script === 'latin' &&
    word.folded.length >= SHORT_FORM_LETTERS.min &&
    word.folded.length <= SHORT_FORM_LETTERS.max &&
    /^[a-z]+$/.test(word.folded) &&
    !/[aeiouy]/.test(word.folded)
  );
}

/**
 * Whether `short` abbreviates the Latin spelling `long`: same first letter, and its letters appear in `long`
 * in order (kgp in kharagpur, bbsr in bhubaneswar).
 */
export function abbreviates(short: string, long: string): boolean {
  if (short.length === 0 || long[0] !== short[0]) return false;
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * A short form matches a word of the article's (among `terms`) whose phonetic key is long (LONG_KEY consonant
 * sounds: one long name, never a two-consonant key) and whose Latin spelling it abbreviates.
 */
function abbreviatesSome(
  word: Word,
  terms: ReadonlySet<string>,
  latinByKey: ReadonlyMap<string, ReadonlySet<string>>,
): boolean {
  return isShortForm(word) && abbreviatedKeys(word, terms, latinByKey).length > 0;
}

/** The long phonetic keys (among `terms`) of the words a short form abbreviates. */
function abbreviatedKeys(
  word: Word,
  terms: ReadonlySet<string>,
  latinByKey: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const keys: string[] = [];
  for (const [key, forms] of latinByKey) {
    if (key.length - KEY_PREFIX.length < LONG_KEY || !terms.has(key)) continue;
    if ([...forms].some((form) => form !== PRONOUNCED_ACRONYM && abbreviates(word.folded, form))) keys.push(key);
  }
  return keys;
}

/** 1 - Levenshtein distance / length of the longer string. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return 1 - previous[b.length]! / longer;
}
