// Finding vocabulary phrases in text, on folded words, with offsets into the original text. A phrase is
// words separated by spaces; a trailing * makes a word a prefix ("educat*" = education, educational).
// Scripts without spaces between an acronym and its case ending are handled by the words themselves.
import { foldText } from '../../text/fold.ts';

export interface TextWord {
  folded: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of a text with their offsets in it (folded one by one, so offsets stay exact). */
export function textWords(text: string): TextWord[] {
  return [...text.matchAll(WORD)].map((m) => ({ folded: foldText(m[0]), start: m.index, end: m.index + m[0].length }));
}

interface PhrasePart {
  word: string;
  prefix: boolean;
}

export type Phrase = PhrasePart[];

/** Compiles a space-separated list of phrases, phrases separated by `|`. */
export function compilePhrases(list: string): Phrase[] {
  return list
    .split('|')
    .map((phrase) => phrase.trim())
    .filter(Boolean)
    .map((phrase) =>
      phrase.split(/\s+/).map((raw) => ({ word: foldText(raw.replace(/\*$/, '')), prefix: raw.endsWith('*') })),
    );
}

export interface PhraseHit {
  start: number;
  end: number;
  /** Index of the phrase in the list it was compiled from. */
  phrase: number;
}

/** Every occurrence of any phrase, in text order. */
export function findPhrases(words: readonly TextWord[], phrases: readonly Phrase[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (let i = 0; i < words.length; i++) {
    phrases.forEach((phrase, p) => {
      if (i + phrase.length > words.length) return;
      const ok = phrase.every((part, k) => {
        const w = words[i + k]!.folded;
        return part.prefix ? w.startsWith(part.word) : w === part.word;
      });
      if (ok) hits.push({ start: words[i]!.start, end: words[i + phrase.length - 1]!.end, phrase: p });
    });
  }
  return hits;
}
