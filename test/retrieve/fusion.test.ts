import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { reciprocalRankFusion } from '../../src/retrieve/fusion.ts';

const id = (x: string) => x;

describe('weighted reciprocal rank fusion', () => {
  test('an item ranked well by both lists beats one ranked first by only one', () => {
    const fused = reciprocalRankFusion(
      [
        { items: ['a', 'b', 'c'], weight: 1 },
        { items: ['b', 'c', 'a'], weight: 1 },
      ],
      60,
      id,
    );
    assert.deepEqual(
      fused.map((f) => f.item),
      ['b', 'a', 'c'],
    );
    assert.ok(Math.abs(fused[0]!.score - (1 / 62 + 1 / 61)) < 1e-12);
  });

  test('weights shift the balance between lists', () => {
    const lists = (w: number) => [
      { items: ['dense'], weight: w },
      { items: ['lexical'], weight: 1 },
    ];
    assert.equal(reciprocalRankFusion(lists(2), 60, id)[0]!.item, 'dense');
    assert.equal(reciprocalRankFusion(lists(0.5), 60, id)[0]!.item, 'lexical');
  });

  test('normalized scores: 1 for rank 1 in every list, less otherwise', () => {
    const fused = reciprocalRankFusion(
      [
        { items: ['a', 'b'], weight: 1 },
        { items: ['a'], weight: 3 },
      ],
      10,
      id,
    );
    assert.equal(fused[0]!.normalized, 1);
    assert.ok(fused[1]!.normalized > 0 && fused[1]!.normalized < 1);
  });

  test('empty lists fuse to nothing', () => {
    assert.deepEqual(reciprocalRankFusion<string>([{ items: [], weight: 1 }], 60, id), []);
  });
});
