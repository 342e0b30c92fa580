// Sentence boundaries with exact offsets. ICU's segmenter (Intl.Segmenter) already ends sentences at
// . ! ? । ॥ and at every line break; what it gets wrong for this corpus is abbreviations and initials:
// in scripts without letter case (Devanagari, Bengali) and before capitals it breaks after "डॉ.", "प्रो.",
// "Prof.", "г." or "П." and even inside "सी.एम.". Those breaks are merged back here.
import { latinLetterSpellings } from '../text/letters.ts';

export interface Sentence {
  text: string;
  /** Offsets in the input: input.slice(start, end) === text (no leading or trailing whitespace). */
  start: number;
  end: number;
}

/** Abbreviations that are followed by a name or a number, never by the end of a sentence (lower case, no final dot). */
const ABBREVIATIONS = new Set(
  [
    // English
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'st',
    'no',
    'nos',
    'inc',
    'ltd',
    'co',
    'corp',
    'jr',
    'sr',
    'vs',
    'e.g',
    'i.e',
    'gen',
    'col',
    'lt',
    'capt',
    'sgt',
    'gov',
    'sen',
    'rep',
    'hon',
    'rev',
    'mt',
    'ft',
    'dept',
    'univ',
    'approx',
    'fig',
    'vol',
    'pp',
    'sec',
    'ave',
    'blvd',
    'rd',
    'jan',
    'feb',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
    'smt',
    'shri',
    'sri',
    'km',
    'rs',
    'ca',
    'art',
    'ch',
    'cl',
    'para',
    'sch',
    'op',
    // Hindi
    'डॉ',
    'डा',
    'प्रो',
    'श्री',
    'श्रीमती',
    'सुश्री',
    'कु',
    'स्व',
    'मो',
    'पं',
    'ले',
    'जन',
    'सं',
    // Bengali
    'ডা',
    'ড',
    'প্রো',
    'প্রফ',
    'শ্রী',
    'শ্রীমতী',
    'মো',
    'মু',
    'অধ্যা',
    'কু',
    'স্ব',
    // Russian
    'г',
    'гг',
    'им',
    'акад',
    'т.е',
    'т.д',
    'т.п',
    'т.н',
    'т.к',
    'др',
    'пр',
    'проф',
    'доц',
    'д-р',
    'ул',
    'просп',
    'пер',
    'д',
    'кв',
    'стр',
    'рис',
    'табл',
    'см',
    'ср',
    'тыс',
    'млн',
    'млрд',
    'руб',
    'коп',
    'долл',
    'чел',
    'обл',
    'р-н',
    'пос',
    'зам',
    'зав',
    'нач',
    'ред',
    'изд',
    'гл',
    'ст',
    'п',
    'пп',
    'напр',
    'н.э',
    'канд',
    'чл.-корр',
    'англ',
    'кит',
    'ген',
    'ин-т',
    'ун-т',
  ].map((word) => word.normalize('NFC')),
);

/**
 * Latin letters as written in Devanagari and Bengali: initials such as "वी." or "এম." in "वी. के. सिंह".
 * Listed rather than inferred from length, because short Hindi words ("है.") do end sentences.
 */
const INDIC_INITIALS = new Set(latinLetterSpellings());

const SEGMENTER = new Intl.Segmenter('und', { granularity: 'sentence' });
const GRAPHEMES = new Intl.Segmenter('und', { granularity: 'grapheme' });

function graphemeCount(text: string): number {
  let count = 0;
  for (const _ of GRAPHEMES.segment(text)) count++;
  return count;
}

/** "U.S", "सी.एम", "т.е": letters (up to two graphemes each) joined by dots. */
function isDottedAcronym(stem: string): boolean {
  const parts = stem.split('.');
  return parts.length >= 2 && parts.every((part) => /^[\p{L}\p{M}]+$/u.test(part) && graphemeCount(part) <= 2);
}

/**
 * A word longer than this is never an abbreviation or an initial, so only this much of the end of a piece
 * of text is examined: every check below then costs the same however long a merged segment grows.
 */
const MAX_EXAMINED_TAIL = 64;

/** The end of `text.slice(start, end)` that the checks look at, and whether that is all of it. */
interface Tail {
  tail: string;
  /** True when `tail` is only the end of a longer piece. */
  cut: boolean;
}

function tailOf(text: string, start: number, end: number): Tail {
  const from = Math.max(start, end - MAX_EXAMINED_TAIL);
  return { tail: text.slice(from, end), cut: from > start };
}

/** The word before a final dot, without opening brackets or quotes: "(डॉ." -> "डॉ". */
function stemBeforeFinalDot({ tail, cut }: Tail): string | undefined {
  const trimmed = tail.trimEnd();
  if (!trimmed.endsWith('.') || trimmed.endsWith('..')) return undefined;
  const wordStart = trimmed.search(/\S+$/u);
  if (cut && wordStart === 0) return undefined; // a word as long as the whole tail is no abbreviation
  return trimmed.slice(wordStart, -1).replace(/^[(["'“‘«]+/u, '');
}

/** A segment that is only a list number ("1. " before "First item"). */
function isListNumber({ tail, cut }: Tail, stem: string): boolean {
  return !cut && /^\d{1,3}$/.test(stem) && tail.trim() === `${stem}.`;
}

/** True when the dot ending the piece belongs to an abbreviation or an initial, not to the sentence. */
function endsWithAbbreviation(piece: Tail): boolean {
  const stem = stemBeforeFinalDot(piece);
  if (!stem) return false;
  const lower = stem.toLowerCase();
  return (
    ABBREVIATIONS.has(lower) ||
    INDIC_INITIALS.has(stem) ||
    /^\p{L}\p{M}*$/u.test(stem) ||
    isListNumber(piece, stem) ||
    isDottedAcronym(stem)
  );
}

/** ICU also breaks inside a token ("सी.|एम."): a dot directly followed by a letter is never a sentence end. */
function breaksInsideToken({ tail }: Tail, next: string): boolean {
  return tail.endsWith('.') && /^[\p{L}\p{N}]/u.test(next);
}

/** A Hindi/Bengali dateline opening a paragraph ("लखनऊ। प्रदेश में..."): a place name, not a sentence. */
function isDateline({ tail, cut }: Tail, startsLine: boolean): boolean {
  return startsLine && !cut && /^[\p{L}\p{M}]+( [\p{L}\p{M}]+)?।\s*$/u.test(tail);
}

function shouldMerge(segment: Tail, next: string, startsLine: boolean): boolean {
  return breaksInsideToken(segment, next) || endsWithAbbreviation(segment) || isDateline(segment, startsLine);
}

/** A piece of text by its offsets, so that merging pieces never copies text. */
interface Span {
  start: number;
  end: number;
}

/**
 * Lines longer than this are segmented in windows. V8's Intl.Segmenter costs time proportional to the
 * length of the whole string for every segment it yields, so one pass over a long text is quadratic
 * (10k / 20k / 40k sentences: 2.1 / 8.5 / 38.8 s); on windows of bounded length the work is linear in the
 * input. Not fitted on data: any size of a few paragraphs behaves the same.
 */
const SEGMENT_WINDOW = 4096;
/**
 * The last segments of a window may depend on text beyond it (after a dot ICU looks ahead for a
 * lower-case word), so they are segmented again as the start of the next window.
 */
const WINDOW_OVERLAP_SEGMENTS = 2;

/** ICU sentence segments of `text.slice(start, end)`, a single line, as spans of `text`. */
function lineSegments(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let from = start;
  while (from < end) {
    const to = Math.min(end, from + SEGMENT_WINDOW);
    const window = [...SEGMENTER.segment(text.slice(from, to))];
    // Keep all but the last few segments, unless the window reaches the end of the line or is one long
    // sentence (then taken in window-sized pieces; chunking cuts such a sentence anyway).
    const keep =
      to === end || window.length <= WINDOW_OVERLAP_SEGMENTS ? window.length : window.length - WINDOW_OVERLAP_SEGMENTS;
    for (const { segment, index } of window.slice(0, keep))
      spans.push({ start: from + index, end: from + index + segment.length });
    from = spans[spans.length - 1]!.end;
  }
  return spans;
}

/**
 * ICU sentence segments of one line with abbreviation breaks merged back; each keeps its trailing
 * whitespace. Lines are independent: a line break always ends a sentence (paragraphs, bullets), and ICU
 * never looks across one.
 */
function mergedLineSegments(text: string, start: number, end: number): Span[] {
  const firstText = text.slice(start, end).search(/\S/u);
  const merged: Span[] = [];
  for (const span of lineSegments(text, start, end)) {
    const previous = merged[merged.length - 1];
    const next = text.slice(span.start, Math.min(span.end, span.start + 1));
    const startsLine = previous !== undefined && previous.start - start <= firstText;
    if (previous && shouldMerge(tailOf(text, previous.start, previous.end), next, startsLine)) previous.end = span.end;
    else merged.push({ ...span });
  }
  return merged;
}

/** Merged sentence segments of the whole text, line by line, so that the work is linear in its length. */
function mergedSegments(text: string): Span[] {
  const merged: Span[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1; // the line keeps its '\n', as ICU's segments do
    for (const span of mergedLineSegments(text, lineStart, lineEnd)) merged.push(span);
    lineStart = lineEnd;
  }
  return merged;
}

const END_BEFORE_NUMBER = /[.!?]["'”’»)\]]*\s+(?=\p{N})/gu;

/**
 * ICU never breaks before a digit ("...for 5 years. 2024 was busy."), because it looks ahead for a
 * lower-case word; split there unless the dot belongs to an abbreviation ("No. 5", "Rs. 500").
 */
function splitBeforeNumbers(text: string, span: Span): Span[] {
  const pieces: Span[] = [];
  let from = span.start;
  const segment = text.slice(span.start, span.end);
  for (const match of segment.matchAll(END_BEFORE_NUMBER)) {
    const matchStart = span.start + match.index;
    const cut = matchStart + match[0].length;
    const nothingBefore = matchStart - from <= MAX_EXAMINED_TAIL && /^[^\S\n]*$/.test(text.slice(from, matchStart));
    if (nothingBefore || endsWithAbbreviation(tailOf(text, from, cut))) continue;
    pieces.push({ start: from, end: cut });
    from = cut;
  }
  pieces.push({ start: from, end: span.end });
  return pieces;
}

/** Sentences of `text` with exact offsets; whitespace between sentences belongs to none of them. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const merged of mergedSegments(text)) {
    for (const { start, end } of splitBeforeNumbers(text, merged)) {
      const segment = text.slice(start, end);
      const core = segment.trim();
      if (core.length === 0) continue;
      const from = start + (segment.length - segment.trimStart().length);
      sentences.push({ text: core, start: from, end: from + core.length });
    }
  }
  return sentences;
}
