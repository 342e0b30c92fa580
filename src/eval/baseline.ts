// The textbook LangChain pipeline the product is measured against, on the same corpus and embedder:
// RecursiveCharacterTextSplitter (1000/200) over the raw files (no cleaning, front matter included),
// HNSWLib.fromDocuments, similaritySearch top-k. No hybrid search, no "not found": it always answers.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { listArticleFiles } from '../ingest/load.ts';
import type { SystemAnswer } from './score.ts';

export interface BaselineSystem {
  /** Raw text of every file, by the id the answers cite (corpus-relative path). */
  articles: ReadonlyMap<string, string>;
  chunks: number;
  ask(question: string, k: number): Promise<SystemAnswer>;
}

export async function createBaseline(corpusDir: string, embeddings: EmbeddingsInterface): Promise<BaselineSystem> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const articles = new Map<string, string>();
  const docs = [];
  for (const path of await listArticleFiles(corpusDir)) {
    const raw = await readFile(join(corpusDir, path), 'utf8');
    articles.set(path, raw);
    docs.push(...(await splitter.createDocuments([raw], [{ source: path }])));
  }
  if (docs.length === 0) throw new Error(`The baseline found no article files in ${corpusDir}.`);
  const store = await HNSWLib.fromDocuments(docs, embeddings);
  return {
    articles,
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
