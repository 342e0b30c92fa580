// BM25 index over the chunks: which analyzed terms go into which field (this part), scored by the generic
// engine in src/index/bm25.ts, stored per build in SQLite (src/index/build-db.ts) and updated per article.
// Every chunk is indexed in five fields, all produced by the shared analyzer (src/text/analyze.ts):
//   text    folded stems and acronyms of the chunk text (the main evidence)
//   phon    phonetic keys: names across scripts (Глыбочко ~ Glybochko)
//   concept cross-lingual concepts (китайских ~ Chinese)
//   title   all of the above for the article title
//   alias   all of the above for the article's institution names: front matter `institutions` plus
//           "Long Name (ACR)" expansions found anywhere in the article, so every chunk of an article is
//           findable by any name of its parties.
// Queries are analyzed the same way. A query that spells out a long name some article defines
// ("Indian Institute of Technology") also searches for its acronym (IIT).
import {
  Bm25Engine,
  packPosting,
  termFrequencies,
  type FieldPostings,
  type PostingSource,
  type QueryTerm,
} from './bm25.ts';
import type { ScoredChunk, StoredChunk } from './types.ts';
import { ANALYZER_VERSION, createAnalyzer, type Analyzer } from '../text/analyze.ts';
import { FIELDS, FIELD_BOOST, chunkFields, isPrefixTerm, type AliasEntry } from './lexical-fields.ts';

export { FIELDS, type AliasEntry, type Field } from './lexical-fields.ts';

/** Boost per field number (field order = the field number stored in the postings). */
export const FIELD_BOOSTS: readonly number[] = FIELDS.map((f) => FIELD_BOOST[f]);

/** Recorded in a build: a build whose lexical entries were made by another analyzer or fields is re-analyzed. */
export const LEXICAL_VERSION = `${ANALYZER_VERSION}.fields-${FIELDS.join(',')}`;

/** One chunk's terms per field (index = field number). */
export interface ChunkTerms {
  chunkId: string;
  fields: string[][];
}

/** What one article contributes to the lexical index: its chunks' terms and the aliases it defines. */
export interface DocumentLexical {
  chunks: ChunkTerms[];
  aliases: AliasEntry[];
}

/** Analyzes the chunks of one article (all of them: title and alias fields are per article; lexical-fields.ts). */
export function analyzeDocument(chunks: readonly StoredChunk[], analyzer: Analyzer): DocumentLexical {
  if (chunks.length === 0) return { chunks: [], aliases: [] };
  const { fields, aliases } = chunkFields(chunks, analyzer);
  return {
    chunks: chunks.map((chunk) => {
      const byField = fields.get(chunk.id)!;
      return { chunkId: chunk.id, fields: FIELDS.map((f) => byField[f]) };
    }),
    aliases,
  };
}

/** The postings one chunk adds: per field, its distinct terms with [tf << 16 | field length]. */
export function chunkPostings(terms: ChunkTerms): { field: number; term: string; packed: number }[] {
  const out: { field: number; term: string; packed: number }[] = [];
  terms.fields.forEach((fieldTerms, field) => {
    const tf = termFrequencies(fieldTerms);
    // Field length = distinct terms, as MiniSearch counted it (the boosts were tuned with that).
    for (const [term, count] of tf) out.push({ field, term, packed: packPosting(count, tf.size) });
  });
  return out;
}

/** Distinct terms per field of a chunk: its contribution to the field-length totals. */
export function fieldLengths(terms: ChunkTerms): number[] {
  return terms.fields.map((fieldTerms) => new Set(fieldTerms).size);
}

/** Long-name → acronym entries, looked up by the alternatives of their first word (not a scan of all). */
export class AliasExpander {
  private readonly byFirstWord = new Map<string, AliasEntry[]>();

  constructor(entries: Iterable<AliasEntry>) {
    const seen = new Set<string>();
    for (const entry of entries) {
      const key = `${entry.acronym}\u0000${JSON.stringify(entry.words)}`;
      if (seen.has(key) || entry.words.length === 0) continue;
      seen.add(key);
      for (const alternative of new Set(entry.words[0])) {
        const list = this.byFirstWord.get(alternative);
        if (list) list.push(entry);
        else this.byFirstWord.set(alternative, [entry]);
      }
    }
  }

  /** The query terms plus the acronyms of the long names they spell out (each once, in order). */
  expand(terms: string[]): string[] {
    const present = new Set(terms);
    const added = new Set<string>();
    const tried = new Set<AliasEntry>();
    for (const term of present) {
      for (const entry of this.byFirstWord.get(term) ?? []) {
        if (tried.has(entry)) continue;
        tried.add(entry);
        if (
          !present.has(entry.acronym) &&
          entry.words.every((alternatives) => alternatives.some((t) => present.has(t)))
        )
          added.add(entry.acronym);
      }
    }
    return added.size > 0 ? [...terms, ...added] : terms;
  }
}

export interface LexicalIndex {
  /** Best first; score is BM25 (higher is better), not bounded. */
  search(query: string, k: number): ScoredChunk[];
}

/** Resolves an engine ordinal to its chunk (memory or SQLite). */
export type ChunkResolver = (ordinal: number) => StoredChunk | undefined;

/** The query side: analyze, expand aliases, score with the engine, resolve the top k. */
export function lexicalSearcher(
  source: PostingSource,
  aliases: AliasExpander,
  resolve: ChunkResolver,
  analyzer = createAnalyzer(),
): LexicalIndex {
  const engine = new Bm25Engine(source, FIELD_BOOSTS);
  return {
    search(query, k) {
      if (k <= 0) return [];
      const terms: QueryTerm[] = aliases
        .expand(analyzer.queryTerms(query))
        .filter((term) => term !== '')
        .map((term) => ({ term, prefix: isPrefixTerm(term) }));
      return engine.search(terms, k).flatMap((hit) => {
        const chunk = resolve(hit.ordinal);
        return chunk ? [{ chunk, score: hit.score, matchedTerms: hit.terms }] : [];
      });
    },
  };
}

/** Postings held in memory: for tests and in-memory snapshots. */
export class MemoryPostings implements PostingSource {
  private readonly index = new Map<string, Map<number, number[]>>();
  private readonly totals: number[] = FIELDS.map(() => 0);
  private sortedTerms: string[] | undefined;
  documentCount = 0;

  add(ordinal: number, terms: ChunkTerms): void {
    for (const { field, term, packed } of chunkPostings(terms)) {
      let byField = this.index.get(term);
      if (!byField) this.index.set(term, (byField = new Map()));
      let list = byField.get(field);
      if (!list) byField.set(field, (list = []));
      list.push(ordinal, packed);
    }
    fieldLengths(terms).forEach((length, field) => (this.totals[field]! += length));
    this.documentCount++;
    this.sortedTerms = undefined;
  }

  averageLength(field: number): number {
    return this.documentCount === 0 ? 0 : this.totals[field]! / this.documentCount;
  }

  postings(term: string): FieldPostings[] {
    const byField = this.index.get(term);
    if (!byField) return [];
    return [...byField].sort(([a], [b]) => a - b).map(([field, list]) => ({ field, postings: Uint32Array.from(list) }));
  }

  longerTermsWithPrefix(prefix: string): string[] {
    this.sortedTerms ??= [...this.index.keys()].sort();
    const terms = this.sortedTerms;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < terms.length && terms[i]!.startsWith(prefix); i++)
      if (terms[i] !== prefix) out.push(terms[i]!);
    return out;
  }
}

/** Builds an in-memory index for a complete set of chunks (BM25 statistics are corpus-wide). */
export function buildLexicalIndex(chunks: readonly StoredChunk[]): LexicalIndex {
  const analyzer = createAnalyzer();
  const postings = new MemoryPostings();
  const aliases: AliasEntry[] = [];
  const ordered: StoredChunk[] = [];
  for (const docChunks of groupByDocument(chunks)) {
    const lexical = analyzeDocument(docChunks, analyzer);
    aliases.push(...lexical.aliases);
    lexical.chunks.forEach((terms, i) => {
      postings.add(ordered.length, terms);
      ordered.push(docChunks[i]!);
    });
  }
  return lexicalSearcher(postings, new AliasExpander(aliases), (ordinal) => ordered[ordinal], analyzer);
}

/** Chunks grouped by article, articles in order of first appearance. */
export function groupByDocument(chunks: readonly StoredChunk[]): StoredChunk[][] {
  const byDoc = new Map<string, StoredChunk[]>();
  for (const chunk of chunks) {
    const list = byDoc.get(chunk.docId);
    if (list) list.push(chunk);
    else byDoc.set(chunk.docId, [chunk]);
  }
  return [...byDoc.values()];
}
