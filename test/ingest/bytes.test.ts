import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeArticleBytes } from '../../src/ingest/bytes.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

function reason(input: Buffer): string {
  const decoded = decodeArticleBytes(input);
  assert.equal(decoded.ok, false, 'expected the bytes to be refused');
  return decoded.ok ? '' : decoded.reason;
}

describe('decodeArticleBytes', () => {
  test('UTF-8 text of every script is accepted; a byte order mark is dropped; tabs and CRLF are text', () => {
    const text = 'IIT–AIIMS समझौता\r\nচুক্তি\tМГУ €';
    assert.deepEqual(decodeArticleBytes(bytes([0xef, 0xbb, 0xbf], text)), { ok: true, text });
  });

  test('invalid UTF-8 is refused, naming the first bad byte and its line', () => {
    // "ab\n" + "c€" (1 + 3 bytes) + "\n" + a lone continuation byte: byte 3 + 4 + 1 = 8, line 3.
    assert.match(reason(bytes('ab\nc€\n', [0x80], 'rest')), /not valid UTF-8 .*byte 8, line 3.*save it as UTF-8/);
    // A character cut short at the end of the file.
    assert.match(reason(bytes('text ', [0xe2, 0x82])), /not valid UTF-8 .*byte 5, line 1/);
    // Latin-1 text: "é" as the single byte 0xE9.
    assert.match(reason(bytes('caf', [0xe9], ' au lait')), /byte 3, line 1/);
  });

  test('NUL bytes mean binary', () => {
    assert.match(
      reason(bytes('%PDF-1.7\n', [0x00, 0x01, 0x02], 'stream')),
      /looks binary.*NUL bytes \(the first at byte 9\)/,
    );
  });

  test('UTF-16 is named as such', () => {
    assert.match(reason(Buffer.from('\uFEFFhello', 'utf16le')), /UTF-16/);
  });

  test('many control characters mean binary; a stray one in a long text does not', () => {
    assert.match(
      reason(bytes('header', [0x01, 0x02, 0x03, 0x1b, 0x7f], 'tail')),
      /looks binary.*5 of its 15 characters are control characters/,
    );
    const stray = `${'A sentence of an article. '.repeat(40)}\u000B${'More text. '.repeat(10)}`;
    assert.equal(decodeArticleBytes(bytes(stray)).ok, true);
  });
});
