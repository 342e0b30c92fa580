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
    'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'vs', 'e.g', 'i.e',
    'gen', 'col', 'lt', 'capt', 'sgt', 'gov', 'sen', 'rep', 'hon', 'rev', 'mt', 'ft', 'dept', 'univ', 'approx',
    'fig', 'vol', 'pp', 'sec', 'ave', 'blvd', 'rd', 'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
    'nov', 'dec', 'smt', 'shri', 'sri', 'km', 'rs', 'ca', 'art', 'ch', 'cl', 'para', 'sch', 'op',
    // Hindi
    'डॉ', 'डा', 'प्रो', 'श्री', 'श्रीमती', 'सुश्री', 'कु', 'स्व', 'मो', 'पं', 'ले', 'जन', 'सं',
    // Bengali
    'ডা', 'ড', 'প্রো', 'প্রফ', 'শ্রী', 'শ্রীমতী', 'মো', 'মু', 'অধ্যা', 'কু', 'স্ব',
    // Russian
    'г', 'гг', 'им', 'акад', 'т.е', 'т.д', 'т.п', 'т.н', 'т.к', 'др', 'пр', 'проф', 'доц', 'д-р', 'ул', 'просп',
    'пер', 'д', 'кв', 'стр', 'рис', 'табл', 'см', 'ср', 'тыс', 'млн', 'млрд', 'руб', 'коп', 'долл', 'чел', 'обл',
    'р-н', 'пос', 'зам', 'зав', 'нач', 'ред', 'изд', 'гл', 'ст', 'п', 'пп', 'напр', 'н.э', 'канд', 'чл.-корр',
    'англ', 'кит', 'ген', 'ин-т', 'ун-т',
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

/** The word before a final dot, without opening brackets or quotes: "(डॉ." -> "डॉ". */
function stemBeforeFinalDot(segment: string): string | undefined {
  const trimmed = segment.trimEnd();
  if (!trimmed.endsWith('.') || trimmed.endsWith('..')) return undefined;
  const lastWord = trimmed.slice(trimmed.search(/\S+$/u));
  return lastWord.slice(0, -1).replace(/^[(["'“‘«]+/u, '');
}

/** A segment that is only a list number ("1. " before "First item"). */
function isListNumber(segment: string, stem: string): boolean {
  return /^\d{1,3}$/.test(stem) && segment.trim() === `${stem}.`;
}

/** True when the dot ending `segment` belongs to an abbreviation or an initial, not to the sentence. */
function endsWithAbbreviation(segment: string): boolean {
  const stem = stemBeforeFinalDot(segment);
  if (!stem) return false;
  const lower = stem.toLowerCase();
  return (
    ABBREVIATIONS.has(lower) ||
    INDIC_INITIALS.has(stem) ||
    /^\p{L}\p{M}*$/u.test(stem) ||
    isListNumber(segment, stem) ||
    isDottedAcronym(stem)
  );
}

/** ICU also breaks inside a token ("सी.|एम."): a dot directly followed by a letter is never a sentence end. */
function breaksInsideToken(segment: string, next: string): boolean {
  return /\.$/.test(segment) && /^[\p{L}\p{N}]/u.test(next);
}

/** A Hindi/Bengali dateline opening a paragraph ("लखनऊ। प्रदेश में..."): a place name, not a sentence. */
function isDateline(segment: string, startsLine: boolean): boolean {
  return startsLine && /^[\p{L}\p{M}]+( [\p{L}\p{M}]+)?।\s*$/u.test(segment);
}

function shouldMerge(segment: string, next: string, startsLine: boolean): boolean {
  const trailingSpace = /\s*$/.exec(segment)?.[0] ?? '';
  if (trailingSpace.includes('\n')) return false; // a line break always ends a sentence (paragraphs, bullets)
  return breaksInsideToken(segment, next) || endsWithAbbreviation(segment) || isDateline(segment, startsLine);
}

function startsLine(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return text.slice(lineStart, index).trim() === '';
}

interface Segment {
  segment: string;
  index: number;
}

/** ICU sentence segments with abbreviation breaks merged back; each keeps its trailing whitespace. */
function mergedSegments(text: string): Segment[] {
  const merged: Segment[] = [];
  for (const { segment, index } of SEGMENTER.segment(text)) {
    const previous = merged[merged.length - 1];
    if (previous && shouldMerge(previous.segment, segment, startsLine(text, previous.index))) previous.segment += segment;
    else merged.push({ segment, index });
  }
  return merged;
}

const END_BEFORE_NUMBER = /[.!?]["'”’»)\]]*\s+(?=\p{N})/gu;

/**
 * ICU never breaks before a digit ("...for 5 years. 2024 was busy."), because it looks ahead for a
 * lower-case word; split there unless the dot belongs to an abbreviation ("No. 5", "Rs. 500").
 */
function splitBeforeNumbers({ segment, index }: Segment): Segment[] {
  const pieces: Segment[] = [];
  let from = 0;
  for (const match of segment.matchAll(END_BEFORE_NUMBER)) {
    const cut = match.index + match[0].length;
    const before = segment.slice(from, cut);
    if (/^[^\S\n]*$/.test(segment.slice(from, match.index)) || endsWithAbbreviation(before)) continue;
    pieces.push({ segment: before, index: index + from });
    from = cut;
  }
  pieces.push({ segment: segment.slice(from), index: index + from });
  return pieces;
}

/** Sentences of `text` with exact offsets; whitespace between sentences belongs to none of them. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const { segment, index } of mergedSegments(text).flatMap(splitBeforeNumbers)) {
    const lead = segment.length - segment.trimStart().length;
    const core = segment.trim();
    if (core.length === 0) continue;
    const start = index + lead;
    sentences.push({ text: core, start, end: start + core.length });
  }
  return sentences;
}
