// Weighted reciprocal rank fusion: each list contributes weight / (k + rank) for every item it ranks.
// Ranks, not raw scores, so cosine similarities and unbounded BM25 scores combine without calibration.

export interface RankedList<T> {
  items: readonly T[];
  weight: number;
}

export interface Fused<T> {
  item: T;
  /** Sum of weight / (k + rank) over the lists (rank from 1). */
  score: number;
  /** The score divided by the best score possible (rank 1 in every list): in [0, 1]. */
  normalized: number;
}

/** Fuses ranked lists of items identified by `key`; best first, ties in first-seen order. */
export function reciprocalRankFusion<T>(
  lists: readonly RankedList<T>[],
  k: number,
  key: (item: T) => string,
): Fused<T>[] {
  const fused = new Map<string, { item: T; score: number; first: number }>();
  let seen = 0;
  for (const list of lists) {
    list.items.forEach((item, index) => {
      const id = key(item);
      const entry = fused.get(id) ?? { item, score: 0, first: seen++ };
      entry.score += list.weight / (k + index + 1);
      fused.set(id, entry);
    });
  }
  const best = lists.reduce((sum, list) => sum + list.weight / (k + 1), 0);
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .map(({ item, score }) => ({ item, score, normalized: best > 0 ? score / best : 0 }));
}
