// Institution aliases found in an article's text: a long name followed by its acronym in parentheses,
// "Kalyan Singh Super Speciality Cancer Institute (KSSSCI)", "ইন্ডিয়ান ইনস্টিটিউট অফ টেকনোলজি (আইআইটি)".
import type { Analyzer, Word } from './analyze.ts';
import { normalizeUnicode } from './normalize.ts';

export interface Alias {
  /** Upper-case acronym (Latin, or Cyrillic for Russian acronyms). */
  acronym: string;
  /** The long form as written. */
  expansion: string;
}

const PARENTHESIZED = /\(([^()\n]{1,40})\)/g;
// Where a name cannot reach back across.
const BOUNDARY = /[.,;:!?।॥()[\]"“”«»\n]/g;

/** `Long Name (ACR)` pairs in a text. The long name is the words before the parenthesis that can spell it. */
export function findAliases(text: string, analyzer: Analyzer): Alias[] {
  const normalized = normalizeUnicode(text);
  const found = new Map<string, Alias>();
  for (const match of normalized.matchAll(PARENTHESIZED)) {
    const inner = analyzer.words(match[1]!);
    // The acronym: one word, or the joined form of spelled-out letters (then the last word).
    const last = inner[inner.length - 1];
    const acronym = last?.acronym;
    const single =
      inner.length === 1 || (last?.joined === true && inner.every((w) => w.joined || w.letter !== undefined));
    if (!acronym || acronym.length < 2 || !single) continue;
    const before = normalized.slice(0, match.index);
    const segmentStart = lastIndexOf(before, BOUNDARY) + 1;
    const expansion = expansionBefore(analyzer.words(before.slice(segmentStart)), acronym.length);
    if (expansion) found.set(`${acronym}\u0000${expansion}`, { acronym, expansion });
  }
  return [...found.values()];
}

/**
 * The last words before the parenthesis that plausibly form the long name: as many content words as the
 * acronym has letters (a word that is itself an acronym counts for its letters, function words count for
 * none), and, in scripts with case, without the lower-case words that lead into the name.
 */
function expansionBefore(words: Word[], letters: number): string | undefined {
  const picked: Word[] = [];
  let covered = 0;
  for (let i = words.length - 1; i >= 0 && covered < letters; i--) {
    const word = words[i]!;
    if (word.joined) continue;
    picked.unshift(word);
    if (!word.stopword) covered += word.acronym && word.acronym === word.raw.toUpperCase() ? word.acronym.length : 1;
  }
  // Leading function words and, where letters have case, leading lower-case words are not part of the name.
  while (picked.length > 0 && (picked[0]!.stopword || startsLowerCase(picked[0]!.raw))) picked.shift();
  const content = picked.filter((w) => !w.stopword);
  if (content.length < 2 && !(content.length === 1 && letters <= 2)) return undefined;
  return picked.map((w) => w.raw).join(' ');
}

function startsLowerCase(raw: string): boolean {
  return /^\p{Ll}/u.test(raw);
}

function lastIndexOf(text: string, pattern: RegExp): number {
  let index = -1;
  for (const m of text.matchAll(pattern)) index = m.index;
  return index;
}
