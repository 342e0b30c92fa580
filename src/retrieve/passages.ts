// Turning ranked chunks into passages: neighbouring chunks of one article that overlap (the chunker repeats
// sentences between neighbours) become one passage, and near-identical passages (the same text in two
// files) are cited once.
import type { StoredChunk } from '../index/types.ts';
import { foldText } from '../text/fold.ts';

/**
 * Merges chunks of one article whose spans overlap or touch, in article order. The merged chunk's text is
 * exactly the article text from the first start to the last end; its id joins the ids it covers.
 */
export function mergeNeighbours(chunks: readonly StoredChunk[]): StoredChunk[] {
  const sorted = [...chunks].sort((a, b) => a.start - b.start);
  const merged: StoredChunk[] = [];
  for (const chunk of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.docId === chunk.docId && chunk.start <= last.end && chunk.end > last.end) {
      const overlap = last.end - chunk.start;
      merged[merged.length - 1] = {
        ...last,
        id: `${last.id}+${chunk.index}`,
        text: last.text + chunk.text.slice(overlap),
        end: chunk.end,
      };
    } else if (!(last && last.docId === chunk.docId && chunk.end <= last.end)) {
      merged.push(chunk);
    }
  }
  return merged;
}

/** Jaccard similarity of the folded word sets of two texts. */
export function wordJaccard(a: string, b: string): number {
  const words = (t: string) => new Set(foldText(t).match(/[\p{L}\p{M}\p{N}]+/gu) ?? []);
  const x = words(a);
  const y = words(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Drops every item whose text nearly repeats an earlier item's (Jaccard ≥ threshold). Order kept. */
export function dropNearDuplicates<T>(items: readonly T[], text: (item: T) => string, threshold = 0.8): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (!kept.some((k) => wordJaccard(text(k), text(item)) >= threshold)) kept.push(item);
  }
  return kept;
}
