import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dropNearDuplicates, mergeNeighbours, wordJaccard } from '../../src/retrieve/passages.ts';
import { storedChunks } from './snapshot.ts';

const body = 'One two three. Four five six. Seven eight nine. Ten eleven twelve.';
const [a, b, c] = storedChunks({
  id: 'doc',
  title: 'T',
  language: 'en',
  chunks: ['One two three. Four five six.', 'Four five six. Seven eight nine.', ' Ten eleven twelve.'],
  overlap: 14,
});

describe('passages', () => {
  test('overlapping neighbours merge into the exact article span', () => {
    const [merged] = mergeNeighbours([b!, a!]);
    assert.equal(merged!.text, body.slice(merged!.start, merged!.end));
    assert.equal(merged!.text, 'One two three. Four five six. Seven eight nine.');
    assert.equal(merged!.id, 'doc#0+1');
  });

  test('chunks that do not overlap stay apart; other articles never merge', () => {
    assert.equal(mergeNeighbours([a!, { ...c!, start: c!.start + 100, end: c!.end + 100 }]).length, 2);
    assert.equal(mergeNeighbours([a!, { ...b!, docId: 'other' }]).length, 2);
  });

  test('near-identical passages are cited once', () => {
    const texts = [
      'HKUST signed MoUs with three hospitals.',
      'HKUST signed MoUs with three hospitals!',
      'Sechenov signed a communique.',
    ];
    assert.deepEqual(
      dropNearDuplicates(texts, (t) => t),
      [texts[0], texts[2]],
    );
    assert.equal(wordJaccard('a b c d', 'a b c d'), 1);
    assert.ok(wordJaccard('a b c d', 'e f g h') === 0);
  });
});
