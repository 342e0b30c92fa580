// BM25 index over the chunks (MiniSearch), persisted beside the vector index.
// First version; the retrieval work refines the tokenizer and fields.
import MiniSearch from 'minisearch';
import type { ScoredChunk, StoredChunk } from './types.ts';
import { tokenize } from '../text/tokenize.ts';

const OPTIONS = {
  idField: 'id',
  fields: ['title', 'text'],
  storeFields: [] as string[],
  tokenize: (text: string) => tokenize(text),
  processTerm: (term: string) => term,
};

export interface LexicalIndex {
  search(query: string, k: number): ScoredChunk[];
  toJSON(): unknown;
}

export function buildLexicalIndex(chunks: StoredChunk[]): LexicalIndex {
  const search = new MiniSearch<StoredChunk>(OPTIONS);
  search.addAll(chunks);
  return wrap(search, chunks);
}

export function loadLexicalIndex(json: unknown, chunks: StoredChunk[]): LexicalIndex {
  return wrap(MiniSearch.loadJS<StoredChunk>(json as never, OPTIONS), chunks);
}

function wrap(search: MiniSearch<StoredChunk>, chunks: StoredChunk[]): LexicalIndex {
  const byId = new Map(chunks.map((c) => [c.id, c]));
  return {
    search(query, k) {
      return search
        .search(query)
        .slice(0, k)
        .flatMap((hit) => {
          const chunk = byId.get(String(hit.id));
          return chunk ? [{ chunk, score: hit.score }] : [];
        });
    },
    toJSON: () => search.toJSON(),
  };
}
