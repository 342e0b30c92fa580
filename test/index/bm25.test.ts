import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Bm25Engine, type QueryTerm } from '../../src/index/bm25.ts';
import { FIELDS, FIELD_BOOSTS, MemoryPostings } from '../../src/index/lexical.ts';

/** A small deterministic generator (mulberry32): the same corpus on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words with a skewed frequency (a few in most documents, most rare), some sharing prefixes. */
const VOCABULARY = Array.from({ length: 120 }, (_, i) => (i % 7 === 0 ? `~k${i % 21}x${i}` : `w${i}`));

function corpus(seed: number, documents: number): MemoryPostings {
  const next = random(seed);
  const pick = () => VOCABULARY[Math.floor(VOCABULARY.length * next() ** 3)]!;
  const postings = new MemoryPostings();
  for (let d = 0; d < documents; d++) {
    // Articles of a few chunks share their title and alias fields, so equal scores (ties) are common.
    const article = Math.floor(d / 4);
    const shared = random(article + seed * 1000);
    const sharedWords = (n: number) => Array.from({ length: n }, () => VOCABULARY[Math.floor(120 * shared() ** 2)]!);
    const fields = FIELDS.map((field) =>
      field === 'title' || field === 'alias'
        ? sharedWords(1 + Math.floor(shared() * 3))
        : Array.from({ length: Math.floor(next() * 12) }, pick),
    );
    postings.add(d, { chunkId: `c${d}`, fields });
  }
  return postings;
}

function queries(seed: number, count: number): QueryTerm[][] {
  const next = random(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 6) }, () => {
      const term = VOCABULARY[Math.floor(VOCABULARY.length * next() ** 2)]!;
      // A phonetic-key-like prefix ("~k3") matches the longer keys it starts; repeated terms count twice.
      return term.startsWith('~') && next() < 0.5
        ? { term: term.slice(0, term.indexOf('x')), prefix: true }
        : { term, prefix: false };
    }),
  );
}

describe('BM25 top-k with early termination (MaxScore)', () => {
  test('gives exactly the hits, scores, order and matched terms of the exhaustive search', () => {
    for (const seed of [1, 2, 3]) {
      const engine = new Bm25Engine(corpus(seed, 2000), FIELD_BOOSTS);
      for (const query of queries(seed + 10, 150)) {
        for (const k of [1, 5, 60]) {
          assert.deepEqual(
            engine.search(query, k),
            engine.searchExhaustive(query, k),
            JSON.stringify({ seed, k, query }),
          );
        }
      }
    }
  });

  test('no terms, unknown terms or k = 0 give no hits', () => {
    const engine = new Bm25Engine(corpus(4, 50), FIELD_BOOSTS);
    assert.deepEqual(engine.search([], 5), []);
    assert.deepEqual(engine.search([{ term: 'absent', prefix: false }], 5), []);
    assert.deepEqual(engine.search([{ term: 'w1', prefix: false }], 0), []);
  });
});
