// The textbook LangChain pipeline the product is measured against, on the same corpus and embedder:
// RecursiveCharacterTextSplitter (1000/200) over the raw files (no cleaning, front matter included),
// HNSWLib.fromDocuments, similaritySearch top-k. No hybrid search, no "not found": it always answers.
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { SystemAnswer } from './score.ts';

export interface BaselineSystem {
  chunks: number;
  ask(question: string, k: number): Promise<SystemAnswer>;
}

/**
 * `articles`: the raw text of every file of `corpusDir`, by corpus-relative path (the id its answers cite);
 * the eval reads them once for scoring and for this baseline.
 */
export async function createBaseline(
  corpusDir: string,
  articles: ReadonlyMap<string, string>,
  embeddings: EmbeddingsInterface,
): Promise<BaselineSystem> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const docs = [];
  for (const [path, raw] of articles) docs.push(...(await splitter.createDocuments([raw], [{ source: path }])));
  if (docs.length === 0) throw new Error(`The baseline found no article files in ${corpusDir}.`);
  const store = await HNSWLib.fromDocuments(docs, embeddings);
  return {
    chunks: docs.length,
    async ask(question, k) {
      const hits = await store.similaritySearch(question, k);
      return {
        answer: '',
        found: hits.length > 0,
        citations: hits.map((d) => ({ docId: String(d.metadata.source), text: d.pageContent })),
      };
    },
  };
}
