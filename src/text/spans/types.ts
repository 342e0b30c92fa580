// A typed span: a stretch of a sentence that can answer a question by itself (a date, a number, a person,
// an organisation, a place), with what a renderer needs to write it for any asker.
import type { SpanKind } from '../question.ts';

export interface DateValue {
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday … 6 = Saturday, when the text names the weekday. */
  weekday?: number;
  /** The date was a relative word ("on Saturday") resolved against the article's date. */
  resolved?: true;
}

export interface NumberValue {
  value: number;
  /** "более 40", "more than 40", "200 से अधिक"; "около 40", "about 40". */
  qualifier?: 'more' | 'less' | 'about';
  /** The number was written as a word ("three"): keep its wording for readers of that language. */
  word?: string;
  /** The noun counted, as written ("человек", "hospitals", "জনকে"), when it directly follows. */
  unit?: string;
}

export interface Span {
  kind: Exclude<SpanKind, 'text'>;
  /** As written in the sentence. */
  text: string;
  start: number;
  end: number;
  date?: DateValue;
  number?: NumberValue;
  /** Persons: the title or role words before the name ("Director", "निदेशक, प्रो"). */
  title?: string;
  /** The few words before the span: says whose director, which side … */
  before: string;
  /** How surely the span is of its kind (1 when unset): a lexicon match alone is less sure than a dateline. */
  confidence?: number;
}

/** What span finders may know about the sentence's article. */
export interface SpanContext {
  /** The article's date (YYYY-MM-DD), to resolve "on Saturday". */
  articleDate?: string;
  /** The article's named parties (front matter), found in sentences as organisations. */
  institutions?: readonly string[];
  /** The sentence opens its article: a dateline ("PUNE:", "भोपाल।") there names the place. */
  articleStart?: boolean;
}

/** Words of a sentence with their offsets: letters, marks, digits, and the dots and hyphens inside names. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// Digit groups ("12,500") stay one token; a comma elsewhere separates words.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:(?:[.'’-]|(?<=\p{N}),(?=\p{N}))[\p{L}\p{M}\p{N}]+)*\.?/gu;

export function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** The text between two tokens (punctuation and spaces). */
export function gap(text: string, left: Token, right: Token): string {
  return text.slice(left.end, right.start);
}

/** Up to `n` words before offset `at`. */
export function wordsBefore(text: string, at: number, n = 5): string {
  const head = text.slice(0, at).split(/\s+/).filter(Boolean);
  return head.slice(-n).join(' ');
}
