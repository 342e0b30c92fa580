// A generic BM25 engine over documents with named fields of pre-analyzed terms and a boost per field. It knows
// nothing of languages or of which terms go into which field (src/index/lexical.ts decides that); it scores
// exactly like MiniSearch 7 did for this project (BM25+ per field, summed with the field boosts, prefix
// matches weighted down, the total multiplied by the number of distinct query terms matched), so switching
// engines did not change the rankings, but its postings live in typed arrays that a build can update in place
// and a reader can fetch one term at a time from SQLite (src/index/build-db.ts) without loading the index.
//
// A posting list is one Uint32Array of pairs [ordinal, tf << 16 | fieldLength], sorted by ordinal.

/** MiniSearch's defaults, kept so the rankings the retrieval settings were tuned on do not move. */
export const BM25_PARAMS = { k: 1.2, b: 0.7, d: 0.5 } as const;
/** Weight of a prefix match at distance 0; it decays with the extra length (MiniSearch's formula). */
export const PREFIX_WEIGHT = 0.375;
const PREFIX_DECAY = 0.3;

/** tf and field length share 32 bits in a posting. */
const HALF = 16;
const LOW_MASK = 0xffff;

export interface FieldPostings {
  field: number;
  postings: Uint32Array;
}

/** Where the engine reads its statistics and postings from: memory (tests, small builds) or SQLite. */
export interface PostingSource {
  readonly documentCount: number;
  /** Average number of distinct terms of `field` over all documents (empty fields count as 0). */
  averageLength(field: number): number;
  /** The postings of `term`, per field that has it. */
  postings(term: string): FieldPostings[];
  /** Indexed terms that start with `prefix` and are longer than it. */
  longerTermsWithPrefix(prefix: string): string[];
}

export interface QueryTerm {
  term: string;
  /** Also match indexed terms this term starts. */
  prefix: boolean;
}

export interface EngineHit {
  ordinal: number;
  score: number;
  /** Distinct query terms this document matched, in query order. */
  terms: string[];
}

export function packPosting(tf: number, fieldLength: number): number {
  return ((Math.min(tf, LOW_MASK) << HALF) | Math.min(fieldLength, LOW_MASK)) >>> 0;
}

export function unpackTf(packed: number): number {
  return packed >>> HALF;
}

export function unpackLength(packed: number): number {
  return packed & LOW_MASK;
}

/** BM25+ of one term in one field of one document (MiniSearch's calcBM25Score). */
export function bm25(tf: number, df: number, documentCount: number, fieldLength: number, averageLength: number): number {
  const { k, b, d } = BM25_PARAMS;
  const idf = Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
  return idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * fieldLength) / averageLength)));
}

interface Accumulated {
  score: number;
  terms: string[];
  /** Order of first match: ties keep it, like the stable sort MiniSearch used. */
  order: number;
}

export class Bm25Engine {
  constructor(
    private readonly source: PostingSource,
    /** Boost per field number. */
    private readonly boosts: readonly number[],
  ) {}

  /** The `k` best documents for the query terms (duplicates count twice, as in MiniSearch), best first. */
  search(query: readonly QueryTerm[], k: number): EngineHit[] {
    if (k <= 0 || query.length === 0 || this.source.documentCount === 0) return [];
    const results = new Map<number, Accumulated>();
    for (const q of query) {
      const perTerm = new Map<number, number>();
      this.addTerm(perTerm, q.term, 1);
      if (q.prefix) {
        for (const longer of this.source.longerTermsWithPrefix(q.term)) {
          const distance = longer.length - q.term.length;
          this.addTerm(perTerm, longer, (PREFIX_WEIGHT * longer.length) / (longer.length + PREFIX_DECAY * distance));
        }
      }
      for (const [ordinal, score] of perTerm) {
        const existing = results.get(ordinal);
        if (existing === undefined) results.set(ordinal, { score, terms: [q.term], order: results.size });
        else {
          existing.score += score;
          if (!existing.terms.includes(q.term)) existing.terms.push(q.term);
        }
      }
    }
    return topK(results, k);
  }

  private addTerm(into: Map<number, number>, term: string, weight: number): void {
    const documentCount = this.source.documentCount;
    for (const { field, postings } of this.source.postings(term)) {
      const boost = this.boosts[field] ?? 0;
      if (boost === 0) continue;
      const df = postings.length / 2;
      const average = this.source.averageLength(field);
      for (let i = 0; i < postings.length; i += 2) {
        const ordinal = postings[i]!;
        const packed = postings[i + 1]!;
        const score = weight * boost * bm25(unpackTf(packed), df, documentCount, unpackLength(packed), average);
        into.set(ordinal, (into.get(ordinal) ?? 0) + score);
      }
    }
  }
}

/** Selection by insertion pays off only while the kept list is short; beyond this a full sort is cheaper. */
const INSERTION_LIMIT = 64;

/** Final score = summed score × distinct query terms matched; the k best (ties in order of first match). */
function topK(results: Map<number, Accumulated>, k: number): EngineHit[] {
  type Ranked = EngineHit & { order: number };
  const better = (a: Ranked, b: Ranked) => a.score > b.score || (a.score === b.score && a.order < b.order);
  const ranked = (ordinal: number, acc: Accumulated): Ranked => ({ ordinal, score: acc.score * acc.terms.length, terms: acc.terms, order: acc.order });
  let best: Ranked[] = [];
  if (k > INSERTION_LIMIT) {
    for (const [ordinal, acc] of results) best.push(ranked(ordinal, acc));
    best.sort((a, b) => b.score - a.score || a.order - b.order);
    best = best.slice(0, k);
  } else {
    for (const [ordinal, acc] of results) {
      const hit = ranked(ordinal, acc);
      if (best.length === k && !better(hit, best[best.length - 1]!)) continue;
      let at = best.length;
      while (at > 0 && better(hit, best[at - 1]!)) at--;
      best.splice(at, 0, hit);
      if (best.length > k) best.pop();
    }
  }
  return best.map(({ ordinal, score, terms }) => ({ ordinal, score, terms }));
}

/** Counts term frequencies of one field: what a posting stores. */
export function termFrequencies(terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
  return tf;
}

/** Posting-list edits: drop `remove` ordinals, append `add` pairs (ordinals larger than any present). */
export function editPostings(current: Uint32Array | undefined, remove: ReadonlySet<number>, add: readonly number[]): Uint32Array {
  const kept: number[] = [];
  if (current) {
    for (let i = 0; i < current.length; i += 2) {
      if (!remove.has(current[i]!)) kept.push(current[i]!, current[i + 1]!);
    }
  }
  const out = new Uint32Array(kept.length + add.length);
  out.set(kept, 0);
  out.set(add, kept.length);
  return out;
}
