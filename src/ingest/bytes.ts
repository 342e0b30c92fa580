// Turning a file's bytes into article text, or saying precisely why they are not text. Only UTF-8 text is
// indexed: a binary file or a file in another encoding would otherwise become an article of garbage
// (a PDF read as text is "Spanish" to the language detector) or carry U+FFFD in place of its letters.
import { isUtf8 } from 'node:buffer';

/**
 * Control characters (other than tab, line feed, carriage return and form feed) are a sign of binary data:
 * text has none or a stray one, binary files have many. Not fitted on data: a file is refused when more
 * than this share of its characters are control characters, and more than MIN_CONTROL_CHARS of them.
 */
const MAX_CONTROL_SHARE = 0.01;
const MIN_CONTROL_CHARS = 2;
/** Tab, line feed, form feed and carriage return: the control characters text is made of. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);

/** C0 and C1 control characters and DEL in `text`, other than TEXT_CONTROLS. */
function countControlCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && !TEXT_CONTROLS.has(code)) || (code >= 0x7f && code <= 0x9f)) count++;
  }
  return count;
}

export type DecodedText = { ok: true; text: string } | { ok: false; reason: string };

/** The text of a file's bytes (without a UTF-8 byte order mark), or why they cannot be indexed. */
export function decodeArticleBytes(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, reason: 'it is UTF-16 text; save it as UTF-8 (only UTF-8 text is indexed)' };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      reason: `it looks binary, not text: it contains NUL bytes (the first at byte ${nul}); only UTF-8 text files are indexed`,
    };
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buffer)) {
    const { byte, line } = firstInvalidUtf8(buffer);
    return {
      ok: false,
      reason: `it is not valid UTF-8 text (the first invalid byte is at byte ${byte}, line ${line}); save it as UTF-8`,
    };
  }
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  const controls = countControlCharacters(text);
  if (controls > MIN_CONTROL_CHARS && controls > text.length * MAX_CONTROL_SHARE) {
    return {
      ok: false,
      reason: `it looks binary, not text: ${controls} of its ${text.length} characters are control characters; only UTF-8 text files are indexed`,
    };
  }
  return { ok: true, text };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((value, i) => bytes[i] === value);
}

/**
 * Where the first byte that is not UTF-8 is: the longest valid prefix, found by bisection on isUtf8 (a
 * prefix cut inside a character is invalid too, so the search is on character starts: at most 3 bytes off,
 * then stepped forward).
 */
function firstInvalidUtf8(buffer: Buffer): { byte: number; line: number } {
  let low = 0; // buffer[0, low) is known valid
  let high = buffer.length; // buffer[0, high) is known invalid
  while (high - low > 4) {
    const middle = low + Math.floor((high - low) / 2);
    const start = characterStart(buffer, middle);
    if (start <= low) break;
    if (isUtf8(buffer.subarray(0, start))) low = start;
    else high = start;
  }
  let byte = low;
  while (byte < high && isUtf8(buffer.subarray(0, characterEnd(buffer, byte)))) byte = characterEnd(buffer, byte);
  let line = 1;
  for (let i = 0; i < byte; i++) if (buffer[i] === 0x0a) line++;
  return { byte, line };
}

/** The start of the character holding byte `i` (steps back over continuation bytes 10xxxxxx). */
function characterStart(buffer: Buffer, i: number): number {
  let start = i;
  while (start > 0 && i - start < 3 && (buffer[start]! & 0xc0) === 0x80) start--;
  return start;
}

/** One past the end of the character starting at byte `i`, by its lead byte. */
function characterEnd(buffer: Buffer, i: number): number {
  const lead = buffer[i]!;
  const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return Math.min(buffer.length, i + length);
}
