// First working version: dense search + a naive cosine threshold, so the pipeline runs end to end.
// The hybrid, document-aware version replaces it.
import type { IndexSnapshot } from '../index/types.ts';
import type { Retrieval, RetrieveOptions } from './types.ts';

export async function retrieve(snapshot: IndexSnapshot, question: string, options: RetrieveOptions): Promise<Retrieval> {
  const threshold = options.config?.NOT_FOUND_THRESHOLD ?? 0.3;
  const hits = await snapshot.searchDense(question, options.k);
  const passages = hits
    .map((hit) => ({ chunk: hit.chunk, relevance: Math.max(0, Math.min(1, hit.score)) }))
    .filter((p) => p.relevance >= threshold);
  return { question, passages, found: passages.length > 0 };
}
