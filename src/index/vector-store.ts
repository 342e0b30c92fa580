// The dense index: @langchain/community's HNSWLib (hnswlib-node), cosine space. Two traps of that
// wrapper are handled here and only here:
//  - it never sets the search width `ef`, so hnswlib's default of 10 applies (and a loaded index is back
//    at 10): we set it after every create and load, and raise it per query when k is larger;
//  - its scores are cosine DISTANCES (0 = same direction): converted to similarity once, below.
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import hnswlib from 'hnswlib-node';

const SPACE = 'cosine' as const;

export interface VectorEntry {
  chunkId: string;
  vector: number[];
}

export interface VectorHit {
  chunkId: string;
  /** Cosine similarity in [-1, 1]; 1 = same direction. */
  similarity: number;
}

/** hnswlib's cosine distance is 1 - cos(a, b). */
export function similarityFromDistance(distance: number): number {
  return 1 - distance;
}

export class VectorStore {
  private constructor(
    /** The LangChain store; `.index` is the underlying hnswlib-node HierarchicalNSW. */
    readonly store: HNSWLib,
    readonly searchEf: number,
  ) {
    this.setEf(searchEf);
  }

  /** A new graph over `entries`. The docstore only keeps the chunk id: chunks.json holds the chunks. */
  static async create(
    embeddings: EmbeddingsInterface,
    dimension: number,
    entries: readonly VectorEntry[],
    searchEf: number,
  ): Promise<VectorStore> {
    let store: HNSWLib;
    if (entries.length === 0) {
      // HNSWLib only creates its graph on the first addVectors; an empty corpus still needs a saveable index.
      const index = new hnswlib.HierarchicalNSW(SPACE, dimension);
      index.initIndex(1);
      store = new HNSWLib(embeddings, { space: SPACE, numDimensions: dimension, index });
    } else {
      store = new HNSWLib(embeddings, { space: SPACE, numDimensions: dimension });
      await store.addVectors(
        entries.map((e) => e.vector),
        entries.map((e) => new Document({ pageContent: '', metadata: { chunkId: e.chunkId } })),
      );
    }
    return new VectorStore(store, searchEf);
  }

  static async load(directory: string, embeddings: EmbeddingsInterface, searchEf: number): Promise<VectorStore> {
    return new VectorStore(await HNSWLib.load(directory, embeddings), searchEf);
  }

  /** Writes HNSWLib's files (hnswlib.index, args.json, docstore.json) into `directory`. */
  async save(directory: string): Promise<void> {
    await this.store.save(directory);
  }

  get dimension(): number | undefined {
    return this.store.args.numDimensions;
  }

  get size(): number {
    return this.store.index.getCurrentCount();
  }

  /** The current search width of the underlying hnswlib index. */
  get ef(): number {
    return this.store.index.getEf();
  }

  /** The `k` nearest chunks to `queryVector`, best first. */
  async search(queryVector: number[], k: number): Promise<VectorHit[]> {
    const n = Math.min(Math.floor(k), this.size);
    if (n <= 0) return [];
    // ef below k would return fewer than k results; set right before the (synchronous) graph search.
    this.setEf(Math.max(this.searchEf, n));
    const results = await this.store.similaritySearchVectorWithScore(queryVector, n);
    return results.map(([document, distance]) => ({
      chunkId: String(document.metadata['chunkId']),
      similarity: similarityFromDistance(distance),
    }));
  }

  private setEf(ef: number): void {
    if (this.store.index.getEf() !== ef) this.store.index.setEf(ef);
  }
}
