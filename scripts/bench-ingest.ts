// `npm run bench:ingest`: shows that sentence splitting, chunking and indexing grow linearly with the size
// of an article. A benchmark, not a test: it prints figures and asserts nothing.
//   - splitSentences on one article of 10k / 20k / 40k sentences (as paragraphs, and as one single line);
//   - chunkArticle on the same texts;
//   - a full reindex (hash embedder, temp dirs) of one article of about 2 MB, from file to published build.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { chunkArticle } from '../src/ingest/chunk.ts';
import { splitSentences } from '../src/ingest/sentences.ts';
import type { Article } from '../src/ingest/types.ts';
import { HashEmbeddings } from '../src/index/embeddings/hash.ts';
import { reindex } from '../src/index/reindex.ts';

/** Sentences of the kinds the splitter treats specially: abbreviations, initials, dandas, numbers. */
const SAMPLES = [
  'Dr. V. K. Rao of the institute said the MoU covers research and training for 5 years.',
  'निदेशक प्रो. सी.एम. सिंह ने कहा कि यह समझौता शोध और प्रशिक्षण के लिए है।',
  'Встреча прошла в 2023 г. в университете им. Ломоносова, т.е. в Москве.',
  'বিশ্ববিদ্যালয় এবং হাসপাতালের মধ্যে একটি চুক্তি স্বাক্ষরিত হয়েছে।',
  'No. 5 of the clauses sets a budget of Rs. 500 crore. 2024 was the first year.',
];

function article(sentences: number, paragraphLength: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) {
    parts.push(SAMPLES[i % SAMPLES.length]!);
    parts.push(paragraphLength > 0 && (i + 1) % paragraphLength === 0 ? '\n\n' : ' ');
  }
  return parts.join('').trim();
}

function seconds(run: () => unknown): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

function asArticle(body: string): Article {
  return {
    id: 'bench',
    path: 'bench.md',
    title: 'Bench',
    source: 'bench',
    language: 'en',
    institutions: [],
    body,
    contentHash: '',
  };
}

// Warm-up, so the first figure does not include compiling the splitter.
splitSentences(article(2000, 8));
chunkArticle(asArticle(article(2000, 8)), { size: 700, overlap: 120 });

console.log('sentences  shape            chars      split s   per 10k   chunk s   chunks');
for (const [shape, paragraph] of [
  ['paragraphs of 8', 8],
  ['one single line', 0],
] as const) {
  for (const count of [10_000, 20_000, 40_000]) {
    const body = article(count, paragraph);
    const split = seconds(() => splitSentences(body));
    let chunks = 0;
    const chunk = seconds(() => (chunks = chunkArticle(asArticle(body), { size: 700, overlap: 120 }).length));
    console.log(
      `${String(count).padStart(9)}  ${shape.padEnd(15)}  ${String(body.length).padStart(9)}  ${split.toFixed(2).padStart(8)}  ${((split / count) * 10_000).toFixed(2).padStart(8)}  ${chunk.toFixed(2).padStart(8)}  ${String(chunks).padStart(7)}`,
    );
  }
}

// One article of about 2 MB (the default MAX_ARTICLE_BYTES), through the whole reindex.
const root = await mkdtemp(join(tmpdir(), 'collab-bench-ingest-'));
try {
  const corpusDir = join(root, 'corpus');
  await mkdir(corpusDir);
  let body = '';
  for (let n = 1000; Buffer.byteLength(body) < 1.9 * 1024 * 1024; n += 1000) body = article(n, 8);
  await writeFile(
    join(corpusDir, 'large.md'),
    `---\ntitle: A large article\nsource: bench\nlanguage: en\n---\n${body}\n`,
  );
  const config = loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: join(root, 'index'), EMBEDDINGS: 'hash' });
  const embeddings = new HashEmbeddings({ dimensions: config.HASH_DIMENSIONS });
  const started = performance.now();
  const summary = await reindex(config, { embedder: { embeddings, info: embeddings.info } });
  const total = (performance.now() - started) / 1000;
  console.log(
    `\nreindex of one ${(Buffer.byteLength(body) / 1024 / 1024).toFixed(2)} MB article: ${total.toFixed(1)} s, ${summary.chunks} chunks (hash embedder, ${config.HASH_DIMENSIONS} dims)`,
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
