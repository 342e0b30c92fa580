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
export function bm25(
  tf: number,
  df: number,
  documentCount: number,
  fieldLength: number,
  averageLength: number,
): number {
  const { k, b, d } = BM25_PARAMS;
  const idf = Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
  return idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * fieldLength) / averageLength)));
}

/**
 * Per-query scratch space indexed by ordinal: typed arrays instead of maps, because a common term touches a
 * large share of the corpus and a map update per posting dominated the search time.
 */
class Scratch {
  total = new Float64Array(0);
  termScore = new Float64Array(0);
  /** 0 = not matched yet, else 1 + order of first match (ties keep it, like MiniSearch's stable sort). */
  order = new Int32Array(0);
  /** Distinct query terms matched. */
  matched = new Uint16Array(0);
  termTouched = new Int32Array(0);
  termSeen = new Uint8Array(0);
  /** Which distinct query terms each document matched: `words` bits per document. */
  bits = new Uint32Array(0);

  ensure(size: number, words: number): void {
    if (this.total.length < size) {
      const capacity = Math.max(size, Math.ceil(this.total.length * 1.5));
      this.total = new Float64Array(capacity);
      this.termScore = new Float64Array(capacity);
      this.order = new Int32Array(capacity);
      this.matched = new Uint16Array(capacity);
      this.termTouched = new Int32Array(capacity);
      this.termSeen = new Uint8Array(capacity);
    }
    if (this.bits.length < this.total.length * words) this.bits = new Uint32Array(this.total.length * words);
  }
}

interface TermLists {
  term: string;
  /** How often the term occurs in the query (each occurrence scores again, as in MiniSearch). */
  multiplicity: number;
  lists: { postings: FieldPostings[]; weight: number }[];
}

export class Bm25Engine {
  private readonly scratch = new Scratch();

  constructor(
    private readonly source: PostingSource,
    /** Boost per field number. */
    private readonly boosts: readonly number[],
  ) {}

  /** The `k` best documents for the query terms (duplicates count twice, as in MiniSearch), best first. */
  search(query: readonly QueryTerm[], k: number): EngineHit[] {
    if (k <= 0 || query.length === 0 || this.source.documentCount === 0) return [];
    const terms = this.fetch(query);
    let maxOrdinal = -1;
    for (const t of terms)
      for (const { postings } of t.lists)
        for (const { postings: p } of postings)
          for (let i = 0; i < p.length; i += 2) if (p[i]! > maxOrdinal) maxOrdinal = p[i]!;
    if (maxOrdinal < 0) return [];
    const words = Math.ceil(terms.length / 32);
    const scratch = this.scratch;
    scratch.ensure(maxOrdinal + 1, words);
    const { total, order, matched, bits } = scratch;
    const hitOrder: number[] = [];
    terms.forEach((t, termIndex) => {
      this.scoreTerm(t, (ordinal, score) => {
        if (order[ordinal] === 0) {
          hitOrder.push(ordinal);
          order[ordinal] = hitOrder.length;
          total[ordinal] = score;
        } else total[ordinal] = total[ordinal]! + score;
        const word = ordinal * words + (termIndex >> 5);
        const bit = 1 << (termIndex & 31);
        if ((bits[word]! & bit) === 0) {
          bits[word] = bits[word]! | bit;
          matched[ordinal] = matched[ordinal]! + 1;
        }
      });
    });
    const best = topK(hitOrder, (ordinal) => total[ordinal]! * matched[ordinal]!, k);
    const hits = best.map((ordinal) => ({
      ordinal,
      score: total[ordinal]! * matched[ordinal]!,
      terms: terms.filter((_, t) => (bits[ordinal * words + (t >> 5)]! & (1 << (t & 31))) !== 0).map((t) => t.term),
    }));
    for (const ordinal of hitOrder) {
      order[ordinal] = 0;
      matched[ordinal] = 0;
      bits.fill(0, ordinal * words, ordinal * words + words);
    }
    return hits;
  }

  /** Postings of each distinct query term and of the longer terms its prefix matches. */
  private fetch(query: readonly QueryTerm[]): TermLists[] {
    const byTerm = new Map<string, TermLists>();
    for (const q of query) {
      const known = byTerm.get(q.term);
      if (known) {
        known.multiplicity++;
        continue;
      }
      const lists: TermLists['lists'] = [{ postings: this.source.postings(q.term), weight: 1 }];
      if (q.prefix) {
        for (const longer of this.source.longerTermsWithPrefix(q.term)) {
          const distance = longer.length - q.term.length;
          lists.push({
            postings: this.source.postings(longer),
            weight: (PREFIX_WEIGHT * longer.length) / (longer.length + PREFIX_DECAY * distance),
          });
        }
      }
      byTerm.set(q.term, { term: q.term, multiplicity: 1, lists });
    }
    return [...byTerm.values()];
  }

  /** One query term's score per document (its exact and prefix matches summed), reported in first-touch order. */
  private scoreTerm(t: TermLists, emit: (ordinal: number, score: number) => void): void {
    const { termScore, termTouched, termSeen } = this.scratch;
    let count = 0;
    const documentCount = this.source.documentCount;
    const { k: k1, b, d } = BM25_PARAMS;
    for (const { postings, weight } of t.lists) {
      for (const { field, postings: p } of postings) {
        const boost = this.boosts[field] ?? 0;
        if (boost === 0) continue;
        const df = p.length / 2;
        // The parts of BM25+ that do not depend on the document, hoisted out of the loop.
        const idf = Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
        const scale = weight * boost * idf;
        const average = this.source.averageLength(field);
        const base = k1 * (1 - b);
        const perLength = average > 0 ? (k1 * b) / average : Infinity;
        for (let i = 0; i < p.length; i += 2) {
          const ordinal = p[i]!;
          const packed = p[i + 1]!;
          const tf = packed >>> 16;
          const score = scale * (d + (tf * (k1 + 1)) / (tf + base + perLength * (packed & 0xffff)));
          if (termSeen[ordinal] === 0) {
            termSeen[ordinal] = 1;
            termScore[ordinal] = score;
            termTouched[count++] = ordinal;
          } else termScore[ordinal] = termScore[ordinal]! + score;
        }
      }
    }
    for (let i = 0; i < count; i++) {
      const ordinal = termTouched[i]!;
      termSeen[ordinal] = 0;
      emit(ordinal, t.multiplicity === 1 ? termScore[ordinal]! : termScore[ordinal]! * t.multiplicity);
    }
  }
}

/** Selection by insertion pays off only while the kept list is short; beyond this a full sort is cheaper. */
const INSERTION_LIMIT = 64;

/** The k best of `candidates` (in first-match order, which breaks ties) by `score`. */
function topK(candidates: readonly number[], score: (ordinal: number) => number, k: number): number[] {
  if (k > INSERTION_LIMIT || k >= candidates.length) {
    const ranked = candidates.map((ordinal, order) => ({ ordinal, order, score: score(ordinal) }));
    ranked.sort((a, b) => b.score - a.score || a.order - b.order);
    return ranked.slice(0, k).map((r) => r.ordinal);
  }
  const best: { ordinal: number; score: number }[] = [];
  for (const ordinal of candidates) {
    const value = score(ordinal);
    // Strictly better only: an equal score that came later stays behind (stable).
    if (best.length === k && !(value > best[best.length - 1]!.score)) continue;
    let at = best.length;
    while (at > 0 && value > best[at - 1]!.score) at--;
    best.splice(at, 0, { ordinal, score: value });
    if (best.length > k) best.pop();
  }
  return best.map((b) => b.ordinal);
}

/** Counts term frequencies of one field: what a posting stores. */
export function termFrequencies(terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
  return tf;
}

/** Posting-list edits: drop `remove` ordinals, append `add` pairs (ordinals larger than any present). */
export function editPostings(
  current: Uint32Array | undefined,
  remove: ReadonlySet<number>,
  add: readonly number[],
): Uint32Array {
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
