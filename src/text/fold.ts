// Text folding shared by every matcher (hash embedder, BM25, alias lookup), applied identically at index
// and query time: NFKC, invisible characters and nukta removed, native digits as ASCII, lower case.
// The hash embedder fingerprints this function's output, so changing a rule invalidates old vectors.
import { dropNukta, normalizeUnicode } from './normalize.ts';

/** Normalizes and lower-cases text for matching (never for display). */
export function foldText(text: string): string {
  return dropNukta(normalizeUnicode(text)).toLowerCase();
}
