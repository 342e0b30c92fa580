// BM25 index over the chunks (MiniSearch), persisted beside the vector index and rebuilt with it. The engine
// only: which terms go into which field, the field boosts and query expansion are in lexical-fields.ts.
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { ScoredChunk, StoredChunk } from './types.ts';
import { ANALYZER_VERSION, createAnalyzer, type Analyzer } from '../text/analyze.ts';
import { FIELDS, FIELD_BOOST, chunkFields, isPrefixTerm, queryTerms, type AliasEntry, type Field } from './lexical-fields.ts';

/** Bump when the fields or their contents change; older persisted indexes are rebuilt from the chunks. */
const FORMAT_VERSION = 2;
const FORMAT = 'collab-lexical';

/** What MiniSearch indexes: each field is the space-joined terms the analyzer produced. */
type IndexedChunk = { id: string } & Record<Field, string>;

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
  return { idField: 'id', fields: [...FIELDS], storeFields: [], tokenize: splitTerms, processTerm: (term) => term };
}

/** Builds the index for a complete set of chunks (all documents: BM25 statistics are corpus-wide). */
export function buildLexicalIndex(chunks: StoredChunk[]): LexicalIndex {
  const analyzer = createAnalyzer();
  const search = new MiniSearch<IndexedChunk>(miniSearchOptions());
  const { fields, aliases } = chunkFields(chunks, analyzer);
  search.addAll(
    chunks.map((chunk) => {
      const f = fields.get(chunk.id)!;
      return { id: chunk.id, text: f.text.join(' '), phon: f.phon.join(' '), concept: f.concept.join(' '), title: f.title.join(' '), alias: f.alias.join(' ') };
    }),
  );
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
    boost: { ...FIELD_BOOST },
    tokenize: (query: string) => queryTerms(query, analyzer, aliases),
    processTerm: (term: string) => term,
    prefix: isPrefixTerm,
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
