import type { StoredChunk } from './types.ts';

/**
 * The exact text embedded for a chunk: its document title as context, then the chunk. The title carries
 * the institutions and the subject, which a mid-article chunk often only refers to ("the two universities").
 * The embedding cache is keyed by a hash of this text, so changing it re-embeds everything once.
 */
export function embeddingText(chunk: Pick<StoredChunk, 'title' | 'text'>): string {
  const title = chunk.title.trim();
  return title ? `${title}\n\n${chunk.text}` : chunk.text;
}
