// Absolute evidence that an article answers a question, to complement rank fusion (whose scores are
// relative: the best of a bad lot still ranks first). From the lexical hits of the question, each content
// word of the question is found in the articles that contain it in some form the analyzer knows, with a
// strength by form: the word itself or its acronym 1, its phonetic key (another script) 0.8, only its
// cross-lingual concept 0.5. Then:
//   coverage(article)        = idf-weighted share of the question's words the article contains;
//   entityCoverage(article)  = share of the question's named entities (acronyms, names) it contains.
// A question about "IIT Bombay and Tata Memorial" then fails on an IIT Kharagpur article however well it ranks.
import type { IndexSnapshot, ScoredChunk } from '../index/types.ts';
import { CONCEPT_PREFIX, KEY_PREFIX, type Analyzer, type Word } from '../text/analyze.ts';
import { isGenericConcept } from '../text/concepts.ts';

export interface QueryWord {
  /** The word as written in the question. */
  text: string;
  /** A named entity: an acronym or a capitalized name that is not a generic institution word. */
  salient: boolean;
  /** Inverse document frequency × salience (absent words count as rare as the rarest present word). */
  weight: number;
  /** Strength of the best match per article / per chunk, in (0, 1]. */
  docs: ReadonlyMap<string, number>;
  chunks: ReadonlyMap<string, number>;
}

export interface Evidence {
  words: QueryWord[];
  /** Idf-weighted share of the question's words found in the article, in [0, 1]. */
  coverage(docId: string): number;
  /** The same share for one chunk (with the article's aliases), in [0, 1]. */
  chunkCoverage(chunkId: string): number;
  /** Share of the question's named entities found in the article (in any form); 1 when it names none. */
  entityCoverage(docId: string): number;
  hasEntities: boolean;
}

/**
 * How much a match in each form counts. A place or nationality concept is a translation (Lucknow = लखनऊ)
 * and counts fully; a generic one (agreement ≈ коммюнике) is a category and counts half.
 */
export const MATCH_STRENGTH = { word: 1, key: 0.8, longKey: 1, namedConcept: 1, concept: 0.5 } as const;
/** A phonetic key with this many consonant sounds rarely matches by accident (Глыбочко ~ Glybochko). */
const LONG_KEY = 4;
/** Named entities weigh more than other words in coverage: they say what the question is about. */
const SALIENT_WEIGHT = 1.5;
/** At most this many words count (very long questions). */
const MAX_WORDS = 16;

export interface ContentWord {
  word: Word;
  /** First word of the question: capitalized by grammar, not necessarily a name. */
  sentenceStart: boolean;
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
    out.push({ word, sentenceStart: index === firstIndex });
  });
  return out.slice(0, MAX_WORDS);
}

/**
 * Whether a word names something: an acronym, a place or nationality from the concept lexicon (in any
 * script), or a capitalized non-generic word in a script with case.
 */
export function isNamed(word: Word): boolean {
  if (word.generic) return false;
  if (word.acronym || word.concepts.length > 0) return true;
  return (word.script === 'latin' || word.script === 'cyrillic') && /^\p{Lu}/u.test(word.raw);
}

/**
 * Evidence for `question` from `hits`, the lexical search of the whole question over all chunks (each with
 * the query terms it matched). Hits without `matchedTerms` (another index implementation) fall back to one
 * search per word.
 */
export function gatherEvidence(snapshot: IndexSnapshot, question: string, analyzer: Analyzer, hits: readonly ScoredChunk[]): Evidence {
  const documents = Math.max(1, snapshot.manifest.documents.length);
  const idf = (df: number) => Math.log(1 + (documents - Math.max(df, 1) + 0.5) / (Math.max(df, 1) + 0.5));
  const withTerms = hits.every((h) => h.matchedTerms !== undefined);
  const hitTerms = withTerms ? hits.map((h) => new Set(h.matchedTerms)) : [];

  const words: QueryWord[] = contentWords(question, analyzer).map(({ word, sentenceStart }) => {
    const chunks = new Map<string, number>();
    const docs = new Map<string, number>();
    const record = (hit: ScoredChunk, strength: number) => {
      if (strength <= 0) return;
      chunks.set(hit.chunk.id, Math.max(chunks.get(hit.chunk.id) ?? 0, strength));
      docs.set(hit.chunk.docId, Math.max(docs.get(hit.chunk.docId) ?? 0, strength));
    };
    if (withTerms) {
      hits.forEach((hit, i) => record(hit, strengthOf(word, hitTerms[i]!)));
    } else {
      for (const hit of snapshot.searchLexical(word.raw, snapshot.chunks.size)) record(hit, MATCH_STRENGTH.word);
    }
    // Rarity from the articles that have the word itself (or its transliteration), not only a related
    // concept: "коммюнике" stays rare although every article has some word for "agreement".
    const strong = [...docs.values()].filter((s) => s >= MATCH_STRENGTH.key).length;
    const df = strong > 0 ? strong : docs.size;
    // A capitalized first word is a name only if the corpus knows it ("Glybochko signed…"), not "Describe…".
    const named = isNamed(word) && (!sentenceStart || word.acronym !== undefined || docs.size > 0);
    const salient = named || isUnknownName(word, docs.size);
    return { text: word.raw, salient, weight: idf(df) * (salient ? SALIENT_WEIGHT : 1), docs, chunks };
  });

  const total = words.reduce((sum, w) => sum + w.weight, 0);
  const salient = words.filter((w) => w.salient);
  const share = (strength: (w: QueryWord) => number) => (total > 0 ? words.reduce((sum, w) => sum + w.weight * strength(w), 0) / total : 0);

  return {
    words,
    coverage: (docId) => share((w) => w.docs.get(docId) ?? 0),
    chunkCoverage: (chunkId) => share((w) => w.chunks.get(chunkId) ?? 0),
    entityCoverage: (docId) => (salient.length === 0 ? 1 : salient.filter((w) => w.docs.has(docId)).length / salient.length),
    hasEntities: salient.length > 0,
  };
}

/** Letters a caseless word needs before its absence from the corpus suggests a name (not शेष, दिन). */
const MIN_UNKNOWN_NAME_LETTERS = 3;

/**
 * Devanagari and Bengali have no capitals to mark names. A word of these scripts that the corpus has in no
 * form at all (not as a word, transliteration or concept) is most likely the name of something the corpus
 * does not cover (पटना, টাটা মেমোরিয়াল): it counts as a named entity, so the question is not answered from
 * an article about something else.
 */
function isUnknownName(word: Word, documentsWithWord: number): boolean {
  if (documentsWithWord > 0 || word.generic || (word.script !== 'devanagari' && word.script !== 'bengali')) return false;
  return [...word.raw].filter((ch) => /\p{L}/u.test(ch)).length >= MIN_UNKNOWN_NAME_LETTERS;
}

function strengthOf(word: Word, matched: ReadonlySet<string>): number {
  if (word.terms.some((t) => matched.has(t))) return MATCH_STRENGTH.word;
  const keys = word.keys.filter((t) => matched.has(t));
  if (keys.some((t) => t.length - KEY_PREFIX.length >= LONG_KEY)) return MATCH_STRENGTH.longKey;
  if (keys.length > 0) return MATCH_STRENGTH.key;
  const concepts = word.concepts.filter((t) => matched.has(t));
  if (concepts.some((t) => !isGenericConcept(t.slice(CONCEPT_PREFIX.length)))) return MATCH_STRENGTH.namedConcept;
  if (concepts.length > 0) return MATCH_STRENGTH.concept;
  return 0;
}
