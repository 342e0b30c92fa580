import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { packBlocks, splitText, truncate } from '../../src/discord/split.ts';

const MARKER = /\[\d+(?:\s*,\s*\d+)*\]/g;
const LINK = /\[[^\]\n]*\]\([^)\s]+\)|<https?:\/\/[^>\s]+>|https?:\/\/[^\s<>)]+/g;

/** Whitespace-insensitive form: a split may only drop whitespace at the cuts. */
const squash = (text: string) => text.replace(/\s+/g, '');

function assertWellSplit(text: string, max: number): string[] {
  const pieces = splitText(text, max);
  for (const piece of pieces)
    assert.ok(piece.length <= max, `piece of ${piece.length} > ${max}: ${piece.slice(0, 60)}`);
  assert.equal(squash(pieces.join(' ')), squash(text), 'nothing but whitespace is lost or added');
  const wholeIn = (re: RegExp) => [...text.matchAll(re)].map((m) => m[0]);
  const wholeOut = (re: RegExp) => pieces.flatMap((p) => [...p.matchAll(re)].map((m) => m[0]));
  assert.deepEqual(wholeOut(MARKER), wholeIn(MARKER), 'every [n] marker survives whole');
  assert.deepEqual(wholeOut(LINK), wholeIn(LINK), 'every link survives whole');
  return pieces;
}

describe('splitText', () => {
  test('short text stays one piece; blank text gives none', () => {
    assert.deepEqual(splitText('One sentence [1].', 100), ['One sentence [1].']);
    assert.deepEqual(splitText('  \n ', 100), []);
  });

  test('cuts at the last sentence end that fits', () => {
    const text = 'First sentence is here [1]. Second one follows [2]. Third is the longest of them all [3].';
    const pieces = assertWellSplit(text, 60);
    assert.deepEqual(pieces, [
      'First sentence is here [1]. Second one follows [2].',
      'Third is the longest of them all [3].',
    ]);
  });

  test('a marker after the full stop stays with its sentence', () => {
    const text = 'The MoU covers cancer research. [1] It runs for five years. [2] Both sides share data.';
    const pieces = assertWellSplit(text, 45);
    assert.equal(pieces[0], 'The MoU covers cancer research. [1]');
    assert.ok(pieces[1]!.startsWith('It runs for five years. [2]'));
  });

  test('Hindi and Bengali sentences end at the danda', () => {
    const hindi = 'केएसएसएससीआई ने समझौता किया। यह कैंसर अनुसंधान पर केंद्रित है। दोनों संस्थान डेटा साझा करेंगे।';
    const pieces = assertWellSplit(hindi, 40);
    assert.ok(
      pieces.every((p) => p.endsWith('।')),
      JSON.stringify(pieces),
    );
    const bengali = 'আইআইটি খড়গপুর চুক্তি স্বাক্ষর করেছে। প্রথমে ১৫০ জনকে প্রশিক্ষণ দেওয়া হবে।';
    assert.ok(assertWellSplit(bengali, 45).every((p) => p.endsWith('।')));
  });

  test('never cuts inside a link or a marker, even when a sentence is too long', () => {
    const text =
      'See [the full agreement text](https://example.org/a/very/long/path/to/the/agreement) and <https://example.org/another/long/url> for details [12] and more words follow here [3, 4]';
    // Every limit at least as long as the longest link (85 characters): no cut may fall inside one.
    for (let max = 85; max <= 170; max += 7) assertWellSplit(text, max);
  });

  test('a bare URL longer than the limit is the only thing cut hard', () => {
    const url = `https://example.org/${'x'.repeat(80)}`;
    const pieces = splitText(`Before. ${url} After.`, 50);
    for (const piece of pieces) assert.ok(piece.length <= 50);
    assert.equal(squash(pieces.join('')), squash(`Before. ${url} After.`));
  });

  test('long text without sentence ends splits at spaces', () => {
    const text = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const pieces = assertWellSplit(text, 100);
    for (const piece of pieces) assert.match(piece, /^word\d+( word\d+)*$/);
  });

  test('paragraph breaks are preferred cut points', () => {
    const text = `${'A'.repeat(30)} intro line\n\nSecond paragraph is here. It has two sentences.`;
    const pieces = assertWellSplit(text, 60);
    assert.equal(pieces[0], `${'A'.repeat(30)} intro line`);
  });

  test('does not split a surrogate pair', () => {
    const text = '😀'.repeat(30);
    const pieces = splitText(text, 7);
    assert.equal(pieces.join(''), text);
    for (const piece of pieces) assert.ok(piece.length <= 7 && !/^[\udc00-\udfff]/.test(piece));
  });

  test('rejects a non-positive limit', () => {
    assert.throws(() => splitText('x', 0), RangeError);
  });
});

describe('packBlocks', () => {
  test('packs whole blocks up to the limit and splits only oversized ones', () => {
    const blocks = ['a'.repeat(40), 'b'.repeat(40), 'c'.repeat(40), `${'d'.repeat(50)}. ${'e'.repeat(50)}.`];
    const pieces = packBlocks(blocks, 100, '\n');
    assert.equal(pieces[0], `${'a'.repeat(40)}\n${'b'.repeat(40)}`);
    assert.ok(pieces[1]!.startsWith(`${'c'.repeat(40)}\n`), 'the next block fills the next piece');
    for (const piece of pieces) assert.ok(piece.length <= 100);
    assert.equal(squash(pieces.join('')), squash(blocks.join('')));
  });
});

describe('truncate', () => {
  test('keeps short text and marks a cut with an ellipsis', () => {
    assert.equal(truncate('short', 10), 'short');
    const cut = truncate('a long question that does not fit', 12);
    assert.equal(cut.length <= 12, true);
    assert.ok(cut.endsWith('…'));
  });
});
