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
  lists: { indexTerm: string; postings: FieldPostings[]; weight: number }[];
}

export class Bm25Engine {
  private readonly scratch = new Scratch();

  constructor(
    private readonly source: PostingSource,
    /** Boost per field number. */
    private readonly boosts: readonly number[],
  ) {}

  /**
   * The `k` best documents for the query terms (duplicates count twice, as in MiniSearch), best first, with
   * early termination (MaxScore, below): the same hits, scores and order as `searchExhaustive`.
   */
  search(query: readonly QueryTerm[], k: number): EngineHit[] {
    if (k <= 0 || query.length === 0 || this.source.documentCount === 0) return [];
    return maxScoreSearch(this.cursors(this.fetch(query)), k);
  }

  /**
   * Every document matching any term scored, then the `k` best: the reference `search` must agree with
   * (tests compare them), and what the engine did before early termination.
   */
  searchExhaustive(query: readonly QueryTerm[], k: number): EngineHit[] {
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

  /**
   * One cursor per (query term, matched index term, field), in the order the exhaustive search visits them,
   * each with an upper bound of what it adds to a document's sum: its best posting's BM25+ (computed once per
   * engine, i.e. per build snapshot, whose postings never change) × the term's weight and multiplicity.
   */
  private cursors(terms: readonly TermLists[]): Cursor[] {
    const documentCount = this.source.documentCount;
    const { k: k1, b } = BM25_PARAMS;
    const out: Cursor[] = [];
    terms.forEach((t, termIndex) => {
      let sub = 0;
      for (const { indexTerm, postings, weight } of t.lists) {
        for (const { field, postings: p } of postings) {
          const boost = this.boosts[field] ?? 0;
          if (boost === 0 || p.length === 0) continue;
          const df = p.length / 2;
          const idf = Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
          const scale = weight * boost * idf;
          const average = this.source.averageLength(field);
          const base = k1 * (1 - b);
          const perLength = average > 0 ? (k1 * b) / average : Infinity;
          const best = this.bestImpact(`${field}\u0000${indexTerm}`, p, base, perLength);
          out.push({
            term: termIndex,
            termName: t.term,
            sub: sub++,
            multiplicity: t.multiplicity,
            postings: p,
            at: 0,
            scale,
            base,
            perLength,
            // Slightly above the true maximum: the sums below round differently from the bound's.
            bound: scale * best * t.multiplicity * (1 + 1e-9),
          });
        }
      }
    });
    return out;
  }

  /** Best BM25+ factor per (field, index term): a snapshot's postings and averages never change. */
  private readonly impacts = new Map<string, number>();

  /** The largest BM25+ factor (d + the tf part) of one posting list. */
  private bestImpact(key: string, p: Uint32Array, base: number, perLength: number): number {
    const known = this.impacts.get(key);
    if (known !== undefined) return known;
    const { k: k1, d } = BM25_PARAMS;
    let best = 0;
    for (let i = 0; i < p.length; i += 2) {
      const packed = p[i + 1]!;
      const tf = packed >>> 16;
      const value = d + (tf * (k1 + 1)) / (tf + base + perLength * (packed & 0xffff));
      if (value > best) best = value;
    }
    if (this.impacts.size >= IMPACT_CACHE_SIZE) this.impacts.clear();
    this.impacts.set(key, best);
    return best;
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
      const lists: TermLists['lists'] = [{ indexTerm: q.term, postings: this.source.postings(q.term), weight: 1 }];
      if (q.prefix) {
        for (const longer of this.source.longerTermsWithPrefix(q.term)) {
          const distance = longer.length - q.term.length;
          lists.push({
            indexTerm: longer,
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

/** Posting-list maxima remembered per engine (a few numbers per term; bounded for a long-running bot). */
const IMPACT_CACHE_SIZE = 200_000;

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

/** A position in one posting list of one query term (see `Bm25Engine.cursors`). */
interface Cursor {
  /** Index of its query term (query order) and the term. */
  term: number;
  termName: string;
  /** Its place among the term's lists (the exhaustive search's visiting order). */
  sub: number;
  multiplicity: number;
  postings: Uint32Array;
  /** Index of the current pair in `postings` (even); `postings.length` when exhausted. */
  at: number;
  scale: number;
  base: number;
  perLength: number;
  /** Upper bound of this list's contribution to a document's sum. */
  bound: number;
}

/** BM25+ of the posting at `i`, with exactly the exhaustive search's arithmetic (results must be identical). */
function contribution(c: Cursor, i: number): number {
  const { k: k1, d } = BM25_PARAMS;
  const packed = c.postings[i + 1]!;
  const tf = packed >>> 16;
  return c.scale * (d + (tf * (k1 + 1)) / (tf + c.base + c.perLength * (packed & 0xffff)));
}

/** Moves `c` to its first posting with ordinal ≥ `target` (galloping, then binary search over pairs). */
function seek(c: Cursor, target: number): void {
  const p = c.postings;
  if (c.at >= p.length || p[c.at]! >= target) return;
  // Pair indices: lo is below the target, hi at or past it (or the end).
  let lo = c.at / 2;
  const pairs = p.length / 2;
  let step = 1;
  let hi = lo + step;
  while (hi < pairs && p[hi * 2]! < target) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > pairs) hi = pairs;
  let a = lo + 1;
  while (a < hi) {
    const mid = (a + hi) >> 1;
    if (p[mid * 2]! < target) a = mid + 1;
    else hi = mid;
  }
  c.at = a * 2;
}

/** Relative slack of every pruning test: sums in another order round differently (never prune a tie). */
const SLACK = 1e-9;

/**
 * Top-k by MaxScore (Turtle & Flood 1995), document at a time in ordinal order. The score of a document is
 * (sum of its lists' contributions) × (distinct query terms it matched), so a document found only in the
 * lists with the smallest bounds can score at most (sum of those bounds) × (distinct terms among them). Once
 * k documents are held, the lists whose prefix bound falls below the k-th score become non-essential: their
 * documents are no longer enumerated, only looked up (galloping search) for the documents an essential list
 * brings, and a document is dropped as soon as its bound falls below the k-th score. Scores are summed in
 * the exhaustive search's order, and ties keep its order: first the document first matched by an earlier
 * query term, then by an earlier list of it, then the lower ordinal.
 */
function maxScoreSearch(cursors: Cursor[], k: number): EngineHit[] {
  const n = cursors.length;
  if (n === 0) return [];
  const termCount = cursors[n - 1]!.term + 1;
  const order = cursors.map((_, i) => i).sort((a, b) => cursors[a]!.bound - cursors[b]!.bound);
  const sorted = order.map((i) => cursors[i]!);
  // Over the first j lists by bound: the sum of their bounds and the number of distinct terms among them.
  const prefixSum = new Float64Array(n + 1);
  const prefixTerms = new Int32Array(n + 1);
  const counted = new Uint8Array(termCount);
  for (let j = 0; j < n; j++) {
    const c = sorted[j]!;
    prefixSum[j + 1] = prefixSum[j]! + c.bound;
    prefixTerms[j + 1] = prefixTerms[j]! + (counted[c.term] === 0 ? 1 : 0);
    counted[c.term] = 1;
  }
  const subCount = Math.max(...cursors.map((c) => c.sub)) + 1;
  // The document being scored: each list's contribution (by original index), valid where stamp === doc.
  const value = new Float64Array(n);
  const stamp = new Float64Array(n).fill(-1);
  const termHit = new Float64Array(termCount).fill(-1);
  const heap = new TopK(k);
  let firstEssential = 0;
  let cut = -Infinity;

  for (;;) {
    let doc = Infinity;
    for (let j = firstEssential; j < n; j++) {
      const c = sorted[j]!;
      if (c.at < c.postings.length && c.postings[c.at]! < doc) doc = c.postings[c.at]!;
    }
    if (doc === Infinity) break;
    // The essential lists at `doc`: their contributions (their cursors move on).
    let sum = 0;
    let matched = 0;
    for (let j = firstEssential; j < n; j++) {
      const c = sorted[j]!;
      if (c.at >= c.postings.length || c.postings[c.at] !== doc) continue;
      const v = contribution(c, c.at);
      value[order[j]!] = v;
      stamp[order[j]!] = doc;
      sum += v * c.multiplicity;
      if (termHit[c.term] !== doc) {
        termHit[c.term] = doc;
        matched++;
      }
      c.at += 2;
    }
    // The non-essential lists, largest bound first, while the document can still reach the k-th score.
    let alive = true;
    for (let j = firstEssential - 1; j >= 0; j--) {
      if ((sum + prefixSum[j + 1]!) * (matched + prefixTerms[j + 1]!) < cut) {
        alive = false;
        break;
      }
      const c = sorted[j]!;
      seek(c, doc);
      if (c.at >= c.postings.length || c.postings[c.at] !== doc) continue;
      const v = contribution(c, c.at);
      value[order[j]!] = v;
      stamp[order[j]!] = doc;
      sum += v * c.multiplicity;
      if (termHit[c.term] !== doc) {
        termHit[c.term] = doc;
        matched++;
      }
    }
    if (!alive || sum * matched < cut) continue;
    // The exact score, summed in the exhaustive search's order (per term its lists in order, then the terms).
    let total = 0;
    let distinct = 0;
    let firstTerm = -1;
    let firstSub = 0;
    for (let i = 0; i < n;) {
      const t = cursors[i]!.term;
      let termScore = 0;
      let hit = false;
      for (; i < n && cursors[i]!.term === t; i++) {
        if (stamp[i] !== doc) continue;
        if (hit) termScore = termScore + value[i]!;
        else {
          hit = true;
          termScore = value[i]!;
          if (firstTerm < 0) {
            firstTerm = t;
            firstSub = cursors[i]!.sub;
          }
        }
      }
      if (!hit) continue;
      const m = cursors[i - 1]!.multiplicity;
      const termTotal = m === 1 ? termScore : termScore * m;
      total = distinct === 0 ? termTotal : total + termTotal;
      distinct++;
    }
    const score = total * distinct;
    if (heap.offer(score, (firstTerm * subCount + firstSub) * 2 ** 32 + doc, doc) && heap.full) {
      cut = heap.worstScore * (1 - SLACK);
      while (firstEssential < n && prefixSum[firstEssential + 1]! * prefixTerms[firstEssential + 1]! < cut)
        firstEssential++;
    }
  }

  // Which query terms each hit matched, in query order (looked up again: k documents only).
  return heap.best().map(({ score, ordinal }) => {
    const terms: string[] = [];
    for (const c of cursors) {
      if (terms[terms.length - 1] === c.termName || terms.includes(c.termName)) continue;
      if (hasOrdinal(c.postings, ordinal)) terms.push(c.termName);
    }
    return { ordinal, score, terms };
  });
}

function hasOrdinal(p: Uint32Array, ordinal: number): boolean {
  let a = 0;
  let z = p.length / 2;
  while (a < z) {
    const mid = (a + z) >> 1;
    if (p[mid * 2]! < ordinal) a = mid + 1;
    else z = mid;
  }
  return a * 2 < p.length && p[a * 2] === ordinal;
}

/** The k best (score, key) so far: a binary heap whose root is the worst kept (lowest score, then largest key). */
class TopK {
  private readonly scores: number[] = [];
  private readonly keys: number[] = [];
  private readonly ordinals: number[] = [];

  constructor(private readonly k: number) {}

  get full(): boolean {
    return this.scores.length >= this.k;
  }

  get worstScore(): number {
    return this.scores[0]!;
  }

  /** Whether (a, ka) ranks below (b, kb). */
  private static worse(a: number, ka: number, b: number, kb: number): boolean {
    return a < b || (a === b && ka > kb);
  }

  /** Keeps the document if it ranks among the k best so far. */
  offer(score: number, key: number, ordinal: number): boolean {
    const { scores, keys, ordinals } = this;
    if (scores.length < this.k) {
      scores.push(score);
      keys.push(key);
      ordinals.push(ordinal);
      let i = scores.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!TopK.worse(scores[i]!, keys[i]!, scores[parent]!, keys[parent]!)) break;
        this.swap(i, parent);
        i = parent;
      }
      return true;
    }
    if (!TopK.worse(scores[0]!, keys[0]!, score, key)) return false;
    scores[0] = score;
    keys[0] = key;
    ordinals[0] = ordinal;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let w = i;
      if (l < scores.length && TopK.worse(scores[l]!, keys[l]!, scores[w]!, keys[w]!)) w = l;
      if (r < scores.length && TopK.worse(scores[r]!, keys[r]!, scores[w]!, keys[w]!)) w = r;
      if (w === i) break;
      this.swap(i, w);
      i = w;
    }
    return true;
  }

  /** Best first. */
  best(): { score: number; ordinal: number }[] {
    return this.scores
      .map((score, i) => ({ score, key: this.keys[i]!, ordinal: this.ordinals[i]! }))
      .sort((a, b) => b.score - a.score || a.key - b.key)
      .map(({ score, ordinal }) => ({ score, ordinal }));
  }

  private swap(i: number, j: number): void {
    const { scores, keys, ordinals } = this;
    [scores[i], scores[j]] = [scores[j]!, scores[i]!];
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
    [ordinals[i], ordinals[j]] = [ordinals[j]!, ordinals[i]!];
  }
}
