// Sentence-aware chunking with exact offsets. Whole sentences are packed up to `size` characters, a chunk
// prefers to end at a paragraph boundary when one is close, and the next chunk repeats the trailing whole
// sentences of the previous one (at most `overlap` characters). A sentence is only cut when it alone is
// longer than `size`: at whitespace, or between characters for scripts written without spaces.
import { splitSentences } from './sentences.ts';
import type { Article, Chunk, ChunkOptions } from './types.ts';

/** A chunk may end at a paragraph boundary instead of the size limit once it is this full. */
const PARAGRAPH_SNAP_FILL = 0.7;
/** When cutting an over-long sentence, a space in the last part of the window is preferred over a hard cut. */
const MIN_SPACE_CUT_FILL = 0.5;

/** A sentence (or a piece of an over-long one): the smallest thing a chunk is made of. */
interface Unit {
  start: number;
  end: number;
  /** Ends a paragraph or a line (a bullet), where a chunk ends most naturally. */
  endsBlock: boolean;
}

const GRAPHEMES = new Intl.Segmenter('und', { granularity: 'grapheme' });

function validateOptions({ size, overlap }: ChunkOptions): void {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer (got ${size})`);
  if (!Number.isInteger(overlap) || overlap < 0 || overlap >= size) {
    throw new RangeError(`chunk overlap must be an integer from 0 to size - 1 = ${size - 1} (got ${overlap})`);
  }
}

/** The last grapheme boundary at or before `limit` (never inside a conjunct, a combining mark or a surrogate pair). */
function graphemeBoundaryBefore(text: string, from: number, limit: number): number {
  let boundary = from;
  for (const { index } of GRAPHEMES.segment(text.slice(from, limit + 1))) {
    if (from + index > limit) break;
    boundary = from + index;
  }
  return boundary > from ? boundary : Math.min(limit, text.length);
}

/** Where to cut a piece starting at `start` that may be at most `size` long. */
function cutPosition(text: string, start: number, end: number, size: number): number {
  const limit = start + size;
  if (end <= limit) return end;
  const lastSpace = lastWhitespaceAtOrBefore(text, start, limit) - start;
  if (lastSpace > size * MIN_SPACE_CUT_FILL) return start + lastSpace;
  return graphemeBoundaryBefore(text, start, limit);
}

/**
 * Index of the last whitespace character in text[from..limit], or -1. A backward scan: a regex such as
 * /\s\S*$/ retries from every position of a window without spaces, quadratic in the window size.
 */
function lastWhitespaceAtOrBefore(text: string, from: number, limit: number): number {
  for (let i = Math.min(limit, text.length - 1); i >= from; i--) if (/\s/u.test(text[i]!)) return i;
  return -1;
}

/** Splits an over-long sentence into pieces of at most `size` characters, trimmed of whitespace. */
function splitLongSentence(text: string, start: number, end: number, size: number): { start: number; end: number }[] {
  const pieces: { start: number; end: number }[] = [];
  let position = start;
  while (position < end) {
    const cut = cutPosition(text, position, end, size);
    const piece = text.slice(position, cut).trimEnd();
    pieces.push({ start: position, end: position + piece.length });
    position = cut;
    while (position < end && /\s/u.test(text[position]!)) position++;
  }
  return pieces;
}

function sentenceUnits(body: string, size: number): Unit[] {
  const units: Unit[] = [];
  const sentences = splitSentences(body);
  sentences.forEach((sentence, i) => {
    const nextStart = sentences[i + 1]?.start ?? body.length;
    const endsBlock = body.slice(sentence.end, nextStart).includes('\n') || i === sentences.length - 1;
    const pieces =
      sentence.end - sentence.start > size ? splitLongSentence(body, sentence.start, sentence.end, size) : [sentence];
    pieces.forEach((piece, p) =>
      units.push({ start: piece.start, end: piece.end, endsBlock: endsBlock && p === pieces.length - 1 }),
    );
  });
  return units;
}

/** Index of the last unit of a chunk that starts at `first`. */
function lastUnitOfChunk(units: Unit[], first: number, size: number): number {
  const start = units[first]!.start;
  let last = first;
  while (last + 1 < units.length && units[last + 1]!.end - start <= size) last++;
  if (last + 1 === units.length || units[last]!.endsBlock) return last;
  for (let k = last - 1; k >= first; k--) {
    if (units[k]!.endsBlock && units[k]!.end - start >= size * PARAGRAPH_SNAP_FILL) return k;
  }
  return last;
}

/**
 * Index of the first unit of the chunk after one ending at `last`: the trailing whole sentences that fit in
 * `overlap`, reduced if needed so that the next new sentence still fits in `size`.
 */
function firstUnitOfNextChunk(units: Unit[], first: number, last: number, { size, overlap }: ChunkOptions): number {
  const next = last + 1;
  let start = next;
  while (start - 1 > first && units[last]!.end - units[start - 1]!.start <= overlap) start--;
  while (start < next && units[next]!.end - units[start]!.start > size) start++;
  return start;
}

/** Splits an article body into overlapping, sentence-aligned chunks with exact offsets. */
export function chunkArticle(article: Article, options: ChunkOptions): Chunk[] {
  validateOptions(options);
  const { body } = article;
  const units = sentenceUnits(body, options.size);
  const chunks: Chunk[] = [];
  let first = 0;
  while (first < units.length) {
    const last = lastUnitOfChunk(units, first, options.size);
    const start = units[first]!.start;
    const end = units[last]!.end;
    const index = chunks.length;
    chunks.push({ id: `${article.id}#${index}`, docId: article.id, index, text: body.slice(start, end), start, end });
    if (last === units.length - 1) break;
    first = firstUnitOfNextChunk(units, first, last, options);
  }
  return chunks;
}
