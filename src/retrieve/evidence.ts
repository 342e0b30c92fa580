// Absolute evidence that an article answers a question, to complement rank fusion (whose scores are
// relative: the best of a bad lot still ranks first). For each content word of the question, one lexical
// search finds the articles that contain it in any form the analyzer knows (stem, acronym, transliteration,
// concept, alias). Then:
//   coverage(article)        = idf-weighted share of the question's words the article contains;
//   entityCoverage(article)  = share of the question's named entities (acronyms, names) it contains.
// A question about "IIT Bombay and Tata Memorial" then fails on an IIT Kharagpur article however well it ranks.
import type { IndexSnapshot } from '../index/types.ts';
import type { Analyzer, Word } from '../text/analyze.ts';

export interface QueryWord {
  /** The word as written in the question. */
  text: string;
  /** A named entity: an acronym or a capitalized name that is not a generic institution word. */
  salient: boolean;
  /** Inverse document frequency (absent words count as rare as the rarest present word). */
  weight: number;
  docs: ReadonlySet<string>;
  chunks: ReadonlySet<string>;
}

export interface Evidence {
  words: QueryWord[];
  /** Idf-weighted share of the question's words found in the article, in [0, 1]. */
  coverage(docId: string): number;
  /** The same share for one chunk (with the article's aliases), in [0, 1]. */
  chunkCoverage(chunkId: string): number;
  /** Share of the question's named entities found in the article; 1 when the question names none. */
  entityCoverage(docId: string): number;
  /** Whether the question names any entity. */
  hasEntities: boolean;
}

/** Named entities weigh more than other words in coverage: they say what the question is about. */
const SALIENT_WEIGHT = 1.5;
/** At most this many words are looked up (long questions: the rarest-looking first, i.e. in order). */
const MAX_WORDS = 16;

/** Content words of a question: no stopwords, no lone letters, one entry per distinct term. */
export function contentWords(question: string, analyzer: Analyzer): { word: Word; sentenceStart: boolean }[] {
  const words = analyzer.words(question);
  const seen = new Set<string>();
  const out: { word: Word; sentenceStart: boolean }[] = [];
  // The first word of the question (or after . ! ?) is capitalized by grammar, not because it is a name.
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

/** Whether a word looks like a name: an acronym, or a capitalized non-generic word in a cased script. */
export function isNamed(word: Word): boolean {
  if (word.generic) return false;
  if (word.acronym) return true;
  return (word.script === 'latin' || word.script === 'cyrillic') && /^\p{Lu}/u.test(word.raw);
}

export function gatherEvidence(snapshot: IndexSnapshot, question: string, analyzer: Analyzer): Evidence {
  const totalChunks = snapshot.chunks.size;
  const documents = Math.max(1, snapshot.manifest.documents.length);
  const idf = (df: number) => Math.log(1 + (documents - Math.max(df, 1) + 0.5) / (Math.max(df, 1) + 0.5));

  const words: QueryWord[] = contentWords(question, analyzer).map(({ word, sentenceStart }) => {
    const hits = snapshot.searchLexical(word.raw, totalChunks);
    const docs = new Set(hits.map((h) => h.chunk.docId));
    const chunks = new Set(hits.map((h) => h.chunk.id));
    // A capitalized first word is a name only if the corpus knows it ("Glybochko signed…"), not "Describe…".
    const salient = isNamed(word) && (!sentenceStart || word.acronym !== undefined || docs.size > 0);
    return { text: word.raw, salient, weight: idf(docs.size) * (salient ? SALIENT_WEIGHT : 1), docs, chunks };
  });

  const total = words.reduce((sum, w) => sum + w.weight, 0);
  const salient = words.filter((w) => w.salient);
  const share = (matched: (w: QueryWord) => boolean) =>
    total > 0 ? words.reduce((sum, w) => sum + (matched(w) ? w.weight : 0), 0) / total : 0;

  return {
    words,
    coverage: (docId) => share((w) => w.docs.has(docId)),
    chunkCoverage: (chunkId) => share((w) => w.chunks.has(chunkId)),
    entityCoverage: (docId) => (salient.length === 0 ? 1 : salient.filter((w) => w.docs.has(docId)).length / salient.length),
    hasEntities: salient.length > 0,
  };
}
