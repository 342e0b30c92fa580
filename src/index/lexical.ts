// BM25 index over the chunks (MiniSearch), persisted beside the vector index and rebuilt with it.
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
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { ScoredChunk, StoredChunk } from './types.ts';
import { ANALYZER_VERSION, KEY_PREFIX, createAnalyzer, type Analyzer } from '../text/analyze.ts';
import { findAliases, type Alias } from '../text/aliases.ts';

/** Bump when the fields or their contents change; older persisted indexes are rebuilt from the chunks. */
const FORMAT_VERSION = 2;
const FORMAT = 'collab-lexical';

type Field = 'text' | 'phon' | 'concept' | 'title' | 'alias';
const FIELDS: Field[] = ['text', 'phon', 'concept', 'title', 'alias'];

/** Field weights, chosen on the dev questions (see README "Evaluation"). */
const BOOST: Record<Field, number> = { text: 1, phon: 0.5, concept: 0.3, title: 0.5, alias: 0.4 };
/** A phonetic key this long may match a longer key it starts (Sechenov ~ Сеченовского). */
const MIN_PREFIX_KEY = 4;

/** What MiniSearch indexes: each field is the space-joined terms the analyzer produced. */
type IndexedChunk = { id: string } & Record<Field, string>;

interface AliasEntry {
  acronym: string;
  /**
   * The expansion's content words, each as its alternative terms (stem, phonetic keys, concepts): a query
   * that has some alternative of every word names the institution, in whichever script.
   */
  words: string[][];
}

interface PersistedLexical {
  format: typeof FORMAT;
  version: number;
  analyzer: string | number;
  aliases: AliasEntry[];
  index: unknown;
}

export interface LexicalIndex {
  /** Best first; score is BM25 (higher is better), not bounded. */
  search(query: string, k: number): ScoredChunk[];
  toJSON(): unknown;
}

const splitTerms = (text: string) => (text === '' ? [] : text.split(' '));

function miniSearchOptions(): Options<IndexedChunk> {
  // Fields hold pre-analyzed terms, so indexing only splits them.
  return { idField: 'id', fields: FIELDS, storeFields: [], tokenize: splitTerms, processTerm: (term) => term };
}

/** Builds the index for a complete set of chunks (all documents: BM25 statistics are corpus-wide). */
export function buildLexicalIndex(chunks: StoredChunk[]): LexicalIndex {
  const analyzer = createAnalyzer();
  const search = new MiniSearch<IndexedChunk>(miniSearchOptions());
  const aliasesByDoc = documentAliases(chunks, analyzer);
  const titleTerms = new Map<string, string>();
  const aliasTerms = new Map<string, string>();
  for (const chunk of chunks) {
    if (!titleTerms.has(chunk.docId)) {
      titleTerms.set(chunk.docId, allTerms(analyzer, chunk.title).join(' '));
      const names = [...chunk.institutions, ...(aliasesByDoc.get(chunk.docId) ?? []).flatMap((a) => [a.expansion, a.acronym])];
      aliasTerms.set(chunk.docId, allTerms(analyzer, names.join(' ; ')).join(' '));
    }
  }
  search.addAll(
    chunks.map((chunk) => {
      const terms = analyzer.fieldTerms(chunk.text);
      return {
        id: chunk.id,
        text: terms.text.join(' '),
        phon: terms.phon.join(' '),
        concept: terms.concept.join(' '),
        title: titleTerms.get(chunk.docId) ?? '',
        alias: aliasTerms.get(chunk.docId) ?? '',
      };
    }),
  );
  const aliases = aliasEntries([...aliasesByDoc.values()].flat(), analyzer);
  return wrap(search, chunks, aliases, analyzer);
}

/**
 * Loads a persisted index for the same chunks. An index written by an older version of the analyzer or of
 * this format is rebuilt from the chunks instead (the terms would no longer match the queries').
 */
export function loadLexicalIndex(json: unknown, chunks: StoredChunk[]): LexicalIndex {
  if (!isPersisted(json)) {
    throw new Error('not a lexical index written by this program (expected {format: "collab-lexical", ...}); run `npm run reindex -- --full`');
  }
  if (json.version !== FORMAT_VERSION || json.analyzer !== ANALYZER_VERSION) return buildLexicalIndex(chunks);
  const search = MiniSearch.loadJS<IndexedChunk>(json.index as never, miniSearchOptions());
  if (search.documentCount !== chunks.length) {
    throw new Error(`the lexical index holds ${search.documentCount} chunks but the build has ${chunks.length}; run \`npm run reindex -- --full\``);
  }
  return wrap(search, chunks, json.aliases, createAnalyzer());
}

function isPersisted(json: unknown): json is PersistedLexical {
  if (typeof json !== 'object' || json === null) return false;
  const value = json as Partial<PersistedLexical>;
  // Indexes from before the format existed have no `format`; they are rebuilt like an old version.
  if (value.format === undefined && 'documentCount' in value) return true;
  return value.format === FORMAT && typeof value.version === 'number' && Array.isArray(value.aliases) && typeof value.index === 'object';
}

function wrap(search: MiniSearch<IndexedChunk>, chunks: StoredChunk[], aliases: AliasEntry[], analyzer: Analyzer): LexicalIndex {
  const byId = new Map(chunks.map((c) => [c.id, c]));
  const options: SearchOptions = {
    boost: BOOST,
    tokenize: (query: string) => expandQuery(analyzer.queryTerms(query), aliases),
    processTerm: (term: string) => term,
    prefix: (term: string) => term.startsWith(KEY_PREFIX) && term.length > MIN_PREFIX_KEY,
  };
  return {
    search(query, k) {
      if (k <= 0) return [];
      return search
        .search(query, options)
        .slice(0, k)
        .flatMap((hit) => {
          const chunk = byId.get(String(hit.id));
          return chunk ? [{ chunk, score: hit.score, matchedTerms: hit.queryTerms }] : [];
        });
    },
    toJSON(): PersistedLexical {
      return { format: FORMAT, version: FORMAT_VERSION, analyzer: ANALYZER_VERSION, aliases, index: search.toJSON() };
    },
  };
}

function allTerms(analyzer: Analyzer, text: string): string[] {
  const t = analyzer.fieldTerms(text);
  return [...t.text, ...t.phon, ...t.concept];
}

/** Aliases per document: "Long Name (ACR)" pairs found in its text (the chunks overlap; duplicates merge). */
function documentAliases(chunks: StoredChunk[], analyzer: Analyzer): Map<string, Alias[]> {
  // The institutions are the article's, the same on each of its chunks: read once per article.
  const texts = new Map<string, string[]>();
  for (const chunk of chunks) {
    const parts = texts.get(chunk.docId);
    if (parts) parts.push(chunk.text);
    else texts.set(chunk.docId, [chunk.text, ...chunk.institutions]);
  }
  const result = new Map<string, Alias[]>();
  for (const [docId, parts] of texts) {
    const seen = new Map<string, Alias>();
    for (const part of parts) for (const alias of findAliases(part, analyzer)) seen.set(`${alias.acronym}\u0000${alias.expansion}`, alias);
    result.set(docId, [...seen.values()]);
  }
  return result;
}

/** Corpus-wide long-name → acronym entries, for expanding queries that spell a name out. */
function aliasEntries(aliases: Alias[], analyzer: Analyzer): AliasEntry[] {
  const entries = new Map<string, AliasEntry>();
  for (const alias of aliases) {
    const words = analyzer
      .words(alias.expansion)
      .filter((w) => !w.stopword && !w.joined)
      .map((w) => [...w.terms, ...w.keys, ...w.concepts])
      .filter((alternatives) => alternatives.length > 0);
    if (words.length < 2) continue;
    const entry = { acronym: alias.acronym.toLowerCase(), words };
    entries.set(`${entry.acronym}\u0000${JSON.stringify(words)}`, entry);
  }
  return [...entries.values()];
}

function expandQuery(terms: string[], aliases: AliasEntry[]): string[] {
  const present = new Set(terms);
  const added = aliases
    .filter((a) => !present.has(a.acronym) && a.words.every((alternatives) => alternatives.some((t) => present.has(t))))
    .map((a) => a.acronym);
  return added.length > 0 ? [...terms, ...new Set(added)] : terms;
}
