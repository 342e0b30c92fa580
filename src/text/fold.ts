// Text folding shared by every matcher (hash embedder, BM25, alias lookup), applied identically at index
// and query time. Minimal first version; cross-script rules (acronyms, transliteration) extend it.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Unicode-normalizes and lower-cases text for matching (never for display). */
export function foldText(text: string): string {
  return text.normalize('NFKC').replace(ZERO_WIDTH, '').toLowerCase();
}
