// An in-memory IndexSnapshot for retrieval tests: the real lexical index, and exact (brute-force) cosine
// search over the offline hash embedder, so tests exercise src/retrieve without building an HNSW index.
import { HashEmbeddings } from '../../src/index/embeddings/hash.ts';
import { buildLexicalIndex } from '../../src/index/lexical.ts';
import type { IndexSnapshot, Manifest, StoredChunk } from '../../src/index/types.ts';

export interface TestArticle {
  id: string;
  title: string;
  language: string;
  institutions?: string[];
  /** Chunk texts in order; chunks that should overlap repeat text on purpose. */
  chunks: string[];
  /** Characters each chunk shares with the previous one (default 0: chunks touch). */
  overlap?: number;
}

export function storedChunks(article: TestArticle): StoredChunk[] {
  const overlap = article.overlap ?? 0;
  let start = 0;
  return article.chunks.map((text, index) => {
    const chunk: StoredChunk = {
      id: `${article.id}#${index}`,
      docId: article.id,
      index,
      path: `${article.id}.md`,
      title: article.title,
      source: 'Test',
      language: article.language,
      institutions: article.institutions ?? [],
      text,
      start,
      end: start + text.length,
    };
    start = chunk.end - overlap;
    return chunk;
  });
}

export function testSnapshot(articles: TestArticle[]): IndexSnapshot {
  const chunks = articles.flatMap(storedChunks);
  const embedder = new HashEmbeddings({ dimensions: 256 });
  const vectors = new Map(chunks.map((c) => [c.id, embedder.embed(`${c.title}\n${c.text}`)]));
  const lexical = buildLexicalIndex(chunks);
  const manifest: Manifest = {
    formatVersion: 1,
    embedder: embedder.info,
    builtAt: new Date(0).toISOString(),
    chunkCount: chunks.length,
    documents: articles.map((a) => ({
      id: a.id,
      path: `${a.id}.md`,
      title: a.title,
      source: 'Test',
      language: a.language,
      institutions: a.institutions ?? [],
      contentHash: a.id,
      chunkIds: chunks.filter((c) => c.docId === a.id).map((c) => c.id),
    })),
  };
  return {
    manifest,
    chunks: new Map(chunks.map((c) => [c.id, c])),
    buildId: 'test',
    async searchDense(query, k) {
      const q = embedder.embed(query);
      return chunks
        .map((chunk) => ({ chunk, score: dot(q, vectors.get(chunk.id)!) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, k);
    },
    searchLexical: (query, k) => lexical.search(query, k),
  };
}

function dot(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
