// Match terms for comparing two texts (e.g. a question with the sentences of a passage): the same analysis
// as the lexical index, so a question in English meets a Bengali sentence through acronyms (আইআইটি = iit),
// transliterated names (~hrgpr = Kharagpur) and shared concepts (#training).
import { createAnalyzer } from './analyze.ts';

/**
 * The terms of a text, in order (repeats kept): folded stems and acronyms, phonetic keys ("~…") and
 * concepts ("#…"). Stopwords are left out. Equal terms mean the same word, name or concept across scripts.
 */
export function tokenize(text: string): string[] {
  // A fresh analyzer per call: its memo only spans this text, so no state is shared between callers.
  return createAnalyzer({ maxCacheSize: 5_000 }).terms(text);
}
