// The dense index: an hnswlib-node HierarchicalNSW graph in cosine space whose labels are the chunks'
// ordinals (src/index/build-db.ts maps them to chunks). Vectors live in hnswlib's native memory only.
// A build starts from a copy of the previous build's graph and is edited in place: markDelete for the
// chunks that went, addPoint (reusing deleted slots, resizing when full) for the new ones.
// Two traps are handled here and only here:
//  - hnswlib's default search width `ef` is 10 (and a loaded index is back at 10): we set it after every
//    create and load, and raise it per query when k is larger;
//  - its scores are cosine DISTANCES (0 = same direction): converted to similarity once, below.
import hnswlib from 'hnswlib-node';

const SPACE = 'cosine' as const;
/** Graph degree and construction width: hnswlib's defaults (what LangChain's HNSWLib used before). */
const M = 16;
const EF_CONSTRUCTION = 200;
/** Capacity grows by this factor, so adding articles one by one does not resize every time. */
const GROWTH = 1.25;
const MIN_CAPACITY = 16;

export interface VectorHit {
  ordinal: number;
  /** Cosine similarity in [-1, 1]; 1 = same direction. */
  similarity: number;
}

/** hnswlib's cosine distance is 1 - cos(a, b). */
export function similarityFromDistance(distance: number): number {
  return 1 - distance;
}

export class VectorStore {
  private constructor(
    /** The underlying hnswlib-node graph (exposed for diagnostics and tests). */
    readonly index: hnswlib.HierarchicalNSW,
    readonly dimension: number,
    readonly searchEf: number,
    /** Slots marked deleted (not searchable); they are reused by later additions. */
    private deleted: number,
  ) {
    this.setEf(searchEf);
  }

  /** An empty graph with room for `capacity` vectors. */
  static create(dimension: number, searchEf: number, capacity = MIN_CAPACITY): VectorStore {
    const index = new hnswlib.HierarchicalNSW(SPACE, dimension);
    index.initIndex({
      maxElements: Math.max(MIN_CAPACITY, capacity),
      m: M,
      efConstruction: EF_CONSTRUCTION,
      allowReplaceDeleted: true,
    });
    return new VectorStore(index, dimension, searchEf, 0);
  }

  /** Reads a graph written by `save`; `deleted` is the number of deleted slots recorded with it. */
  static load(file: string, dimension: number, searchEf: number, deleted = 0): VectorStore {
    const index = new hnswlib.HierarchicalNSW(SPACE, dimension);
    index.readIndexSync(file, true);
    return new VectorStore(index, dimension, searchEf, deleted);
  }

  save(file: string): void {
    this.index.writeIndexSync(file);
  }

  /** Searchable vectors. */
  get size(): number {
    return this.index.getCurrentCount() - this.deleted;
  }

  get deletedSlots(): number {
    return this.deleted;
  }

  /** Share of the graph's slots that hold deleted vectors: what decides a compaction. */
  get deletedShare(): number {
    const slots = this.index.getCurrentCount();
    return slots === 0 ? 0 : this.deleted / slots;
  }

  get ef(): number {
    return this.index.getEf();
  }

  add(ordinal: number, vector: ArrayLike<number>): void {
    const reuse = this.deleted > 0;
    if (!reuse && this.index.getCurrentCount() >= this.index.getMaxElements()) {
      this.index.resizeIndex(Math.ceil(Math.max(MIN_CAPACITY, this.index.getMaxElements() * GROWTH)));
    }
    this.index.addPoint(Array.from(vector), ordinal, reuse);
    if (reuse) this.deleted--;
  }

  remove(ordinal: number): void {
    this.index.markDelete(ordinal);
    this.deleted++;
  }

  /** The stored vector of a live ordinal (hnswlib keeps cosine vectors normalized). */
  vector(ordinal: number): number[] {
    return this.index.getPoint(ordinal);
  }

  /** Live ordinals. */
  ordinals(): number[] {
    return this.index.getIdsList();
  }

  /** The `k` nearest vectors to `query`, best first. */
  search(query: readonly number[], k: number): VectorHit[] {
    const n = Math.min(Math.floor(k), this.size);
    if (n <= 0) return [];
    // ef below k would return fewer than k results.
    this.setEf(Math.max(this.searchEf, n));
    const { neighbors, distances } = this.index.searchKnn([...query], n);
    return neighbors.map((ordinal, i) => ({ ordinal, similarity: similarityFromDistance(distances[i]!) }));
  }

  private setEf(ef: number): void {
    if (this.index.getEf() !== ef) this.index.setEf(ef);
  }
}
