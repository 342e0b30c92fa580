// The offline embedder: signed feature hashing of word unigrams and character 3-5-grams, after foldText.
// No model, no network, deterministic across machines, and symmetric (queries embed like documents), so
// the tests and model-less machines still get a dense index that matches across inflections and spellings.
import { Embeddings } from '@langchain/core/embeddings';
import { foldText } from '../../text/fold.ts';
import type { EmbedderInfo } from '../types.ts';

/** Bump when the feature set, hashing or weighting changes: old indexes are then refused/rebuilt. */
const HASH_EMBEDDER_VERSION = 1;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const MIN_GRAM = 3;
const MAX_GRAM = 5;
// Word boundary markers (control characters never occur inside a word match), so prefixes and suffixes
// ("-ов", "-में", "un-") become features of their own.
const WORD_START = 0x02;
const WORD_END = 0x03;
// Distinct seeds keep a whole-word feature apart from a character n-gram with the same characters.
const SEED_WORD = 0x811c9dc5;
const SEED_GRAM = 0x050c5d1f;
const FNV_PRIME = 0x01000193;
// A whole-word match is stronger evidence than any one of the many n-grams the word also yields.
const WORD_WEIGHT = 2;
const GRAM_WEIGHT = 1;

/**
 * A sample that exercises foldText's rules in all four scripts. Its folded form is fingerprinted into the
 * embedder id, because extending foldText (e.g. cross-script rules) changes vectors without a code change
 * here, and an index or embedding cache built before must then be detected as stale.
 */
const FOLD_PROBE =
  'ﬁ ＩＩＴ Kharagpur AIIMS-Kalyani HKUST MoU co\u200Boperation क़ आईआईटी खड़गपुर एम्स समझौता ज्ञापन ' +
  'আইআইটি খড়্গপুর এইমস সমঝোতা স্মারক র‍্যাব МГУ Сеченовский университет меморандум ЁЛКА ' +
  '2024 १५० ১৫০ IIT-KGP I.I.T. M.O.U.';

export interface HashEmbeddingsOptions {
  /** Length of every vector (the number of hash buckets). */
  dimensions: number;
}

export class HashEmbeddings extends Embeddings {
  readonly info: EmbedderInfo;
  private readonly dimensions: number;

  constructor(options: HashEmbeddingsOptions) {
    super({});
    const { dimensions } = options;
    if (!Number.isInteger(dimensions) || dimensions < 1) {
      throw new RangeError(
        `HashEmbeddings: dimensions must be a positive integer (got ${String(dimensions)}); set HASH_DIMENSIONS.`,
      );
    }
    this.dimensions = dimensions;
    const fold = fnv1a(SEED_WORD, foldText(FOLD_PROBE)).toString(16).padStart(8, '0');
    this.info = { kind: 'hash', id: `hash-v${HASH_EMBEDDER_VERSION}-${dimensions}-f${fold}`, dimension: dimensions };
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((text) => this.embed(text));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.embed(document);
  }

  /** One text to a unit vector (all zeros when the text has no letters or digits). Synchronous and pure. */
  embed(text: string): number[] {
    // Separate tallies per feature kind: the kinds carry different weights, and their seeds differ anyway.
    const words = new Map<number, number>();
    const grams = new Map<number, number>();
    // Reused per word: the word's code points framed by the boundary markers.
    let codes = new Int32Array(64);
    for (const match of foldText(text).matchAll(WORD)) {
      const word = match[0];
      const wordHash = fnv1a(SEED_WORD, word);
      words.set(wordHash, (words.get(wordHash) ?? 0) + 1);

      if (codes.length < word.length + 2) codes = new Int32Array(word.length * 2 + 2);
      let length = 0;
      codes[length++] = WORD_START;
      for (let i = 0; i < word.length; i++) {
        const code = word.codePointAt(i)!;
        if (code > 0xffff) i++; // astral character: skip its low surrogate
        codes[length++] = code;
      }
      codes[length++] = WORD_END;

      for (let start = 0; start + MIN_GRAM <= length; start++) {
        let hash = SEED_GRAM;
        const stop = Math.min(length, start + MAX_GRAM);
        for (let end = start; end < stop; end++) {
          hash = Math.imul(hash ^ codes[end]!, FNV_PRIME);
          if (end - start + 1 >= MIN_GRAM) grams.set(hash, (grams.get(hash) ?? 0) + 1);
        }
      }
    }

    const vector = new Float64Array(this.dimensions);
    addFeatures(vector, words, WORD_WEIGHT);
    addFeatures(vector, grams, GRAM_WEIGHT);
    return normalize(vector);
  }
}

/** Adds each feature to its signed bucket with sublinear tf (1 + ln tf): a repeated name must not drown the rest. */
function addFeatures(vector: Float64Array, counts: Map<number, number>, weight: number): void {
  for (const [hash, tf] of counts) {
    const mixed = fmix32(hash);
    const sign = mixed & 0x80000000 ? -1 : 1;
    vector[mixed % vector.length]! += sign * weight * (1 + Math.log(tf));
  }
}

/** FNV-1a over the UTF-16 code units of `text`, from `seed`. Stable across platforms and Node versions. */
function fnv1a(seed: number, text: string): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/** murmur3's finalizer: spreads FNV's weak low bits before taking the bucket and sign. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function normalize(vector: Float64Array): number[] {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  const scale = sum > 0 ? 1 / Math.sqrt(sum) : 0;
  const out = new Array<number>(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = vector[i]! * scale;
  return out;
}
