import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finishBuild, startBuild } from '../../src/index/build-files.ts';
import { embeddingText } from '../../src/index/embedding-text.ts';
import { newBuildId, pointerPath, writeCurrentBuildId } from '../../src/index/layout.ts';
import { createManifest } from '../../src/index/manifest.ts';
import { openIndex, readCurrentBuildId } from '../../src/index/store.ts';
import type { EmbedderHandle, StoredChunk } from '../../src/index/types.ts';
import { VectorStore, similarityFromDistance } from '../../src/index/vector-store.ts';
import { analyzeDocument, groupByDocument } from '../../src/index/lexical.ts';
import { createAnalyzer } from '../../src/text/analyze.ts';
import { isUserError } from '../../src/errors.ts';
import { HASH_DIMENSIONS, countingEmbedder, testConfig } from '../fixtures/index/helpers.ts';

function chunk(docId: string, index: number, title: string, text: string): StoredChunk {
  return {
    id: `${docId}#${index}`,
    docId,
    index,
    path: `${docId}.md`,
    title,
    source: 'Test Source',
    language: 'en',
    institutions: [],
    text,
    start: 0,
    end: text.length,
  };
}

const CHUNKS: StoredChunk[] = [
  chunk(
    'hkust',
    0,
    'HKUST and Shenzhen hospitals',
    "HKUST signed an agreement with Shenzhen People's Hospital on imaging research.",
  ),
  chunk('hkust', 1, 'HKUST and Shenzhen hospitals', 'Doctors will be trained in data science at the university.'),
  chunk('iit', 0, 'IIT Kharagpur and AIIMS Kalyani', 'आईआईटी खड़गपुर और एम्स कल्याणी ने समझौता ज्ञापन पर हस्ताक्षर किए।'),
  chunk(
    'msu',
    0,
    'МГУ и Сеченовский университет',
    'Московский университет и Сеченовский университет подписали соглашение.',
  ),
  // Enough filler that a search for more than the default ef (10) neighbours can be checked.
  ...Array.from({ length: 16 }, (_, i) =>
    chunk(`filler${i}`, 0, `Filler ${i}`, `Unrelated filler paragraph number ${i} about weather ${i * 7}.`),
  ),
];

/** Writes a build of `chunks` the way a reindex does, and makes it current. */
async function publishBuild(indexDir: string, embedder: EmbedderHandle, chunks: StoredChunk[]): Promise<string> {
  const vectors = await embedder.embeddings.embedDocuments(chunks.map(embeddingText));
  const buildId = newBuildId();
  const build = await startBuild(indexDir, buildId, { dimension: embedder.info.dimension, searchEf: 40 });
  const analyzer = createAnalyzer();
  let i = 0;
  for (const docChunks of groupByDocument(chunks)) {
    const ordinals = build.writer.addDocument(docChunks[0]!.docId, docChunks, analyzeDocument(docChunks, analyzer));
    for (const ordinal of ordinals) build.vectors.add(ordinal, vectors[i++]!);
  }
  const docIds = [...new Set(chunks.map((c) => c.docId))];
  const manifest = createManifest(
    embedder.info,
    docIds.map((id) => ({
      id,
      path: `${id}.md`,
      title: chunks.find((c) => c.docId === id)!.title,
      source: 'Test Source',
      language: 'en',
      institutions: [],
      contentHash: `hash-of-${id}`,
      chunkIds: chunks.filter((c) => c.docId === id).map((c) => c.id),
    })),
  );
  await finishBuild(indexDir, build, manifest);
  await writeCurrentBuildId(indexDir, buildId);
  return buildId;
}

/** A graph over the chunks' vectors, labelled by position. */
async function graphOf(
  embedder: EmbedderHandle,
  chunks: StoredChunk[],
  ef: number,
): Promise<{ store: VectorStore; vectors: number[][] }> {
  const vectors = await embedder.embeddings.embedDocuments(chunks.map(embeddingText));
  const store = VectorStore.create(embedder.info.dimension, ef);
  vectors.forEach((v, i) => store.add(i, v));
  return { store, vectors };
}

describe('VectorStore (hnswlib graph)', () => {
  test("sets ef after create and after load, never leaving hnswlib's default of 10", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'collab-vs-'));
    try {
      const { store } = await graphOf(countingEmbedder(), CHUNKS, 37);
      assert.equal(store.ef, 37);
      store.save(join(dir, 'g.hnsw'));
      const loaded = VectorStore.load(join(dir, 'g.hnsw'), HASH_DIMENSIONS, 55);
      assert.equal(loaded.ef, 55);
      assert.equal(loaded.size, CHUNKS.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('raises ef to k when a search asks for more neighbours than SEARCH_EF, and returns k results', async () => {
    const { store, vectors } = await graphOf(countingEmbedder(), CHUNKS, 10);
    const hits = store.search(vectors[0]!, 15);
    assert.equal(hits.length, 15);
    assert.ok(store.ef >= 15, `ef ${store.ef} must be at least k`);
    // k above the number of vectors is clamped, not an error.
    assert.equal(store.search(vectors[0]!, 500).length, CHUNKS.length);
  });

  test('grows past its initial capacity, and deleted slots are skipped by search and reused by additions', async () => {
    const { store, vectors } = await graphOf(countingEmbedder(), CHUNKS, 40);
    assert.ok(store.index.getMaxElements() >= CHUNKS.length);
    store.remove(3);
    store.remove(4);
    assert.equal(store.size, CHUNKS.length - 2);
    assert.equal(store.deletedSlots, 2);
    assert.ok(store.search(vectors[3]!, CHUNKS.length).every((h) => h.ordinal !== 3 && h.ordinal !== 4));
    const slots = store.index.getCurrentCount();
    store.add(100, vectors[3]!);
    assert.equal(store.index.getCurrentCount(), slots, 'a deleted slot is reused');
    assert.equal(store.deletedSlots, 1);
    assert.equal(store.search(vectors[3]!, 1)[0]?.ordinal, 100);
  });

  test('converts cosine distance to similarity: identical vector ~1, orthogonal ~0, opposite ~-1', () => {
    const store = VectorStore.create(3, 10);
    store.add(0, [1, 0, 0]);
    store.add(1, [0, 1, 0]);
    store.add(2, [-1, 0, 0]);
    const hits = store.search([2, 0, 0], 3);
    const byId = new Map(hits.map((h) => [h.ordinal, h.similarity]));
    assert.deepEqual(
      hits.map((h) => h.ordinal),
      [0, 1, 2],
    );
    assert.ok(Math.abs(byId.get(0)! - 1) < 1e-6);
    assert.ok(Math.abs(byId.get(1)!) < 1e-6);
    assert.ok(Math.abs(byId.get(2)! + 1) < 1e-6);
    assert.equal(similarityFromDistance(0.25), 0.75);
  });

  test('an empty graph is saveable and loadable and finds nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'collab-vs-'));
    try {
      VectorStore.create(HASH_DIMENSIONS, 20).save(join(dir, 'g.hnsw'));
      const loaded = VectorStore.load(join(dir, 'g.hnsw'), HASH_DIMENSIONS, 20);
      assert.equal(loaded.size, 0);
      assert.deepEqual(loaded.search(new Array(HASH_DIMENSIONS).fill(0.1), 5), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('openIndex', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'collab-open-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('refuses with index.missing when nothing was built, telling how to build it', async () => {
    const config = testConfig(join(root, 'corpus'), join(root, 'nothing-here'));
    await assert.rejects(openIndex(config, countingEmbedder()), (error: unknown) => {
      assert.ok(isUserError(error, 'index.missing'));
      assert.match(error.message, /npm run reindex/);
      return true;
    });
    assert.equal(await readCurrentBuildId(join(root, 'nothing-here')), undefined);
  });

  test('loads the current build: exact-match dense search scores ~1, ef set after load, lexical delegates', async () => {
    const indexDir = join(root, 'loaded');
    const embedder = countingEmbedder();
    const buildId = await publishBuild(indexDir, embedder, CHUNKS);
    const config = testConfig(join(root, 'corpus'), indexDir, { SEARCH_EF: '64' });
    const snapshot = await openIndex(config, embedder);

    assert.equal(snapshot.buildId, buildId);
    assert.equal(await readCurrentBuildId(indexDir), buildId);
    assert.equal(snapshot.chunks.size, CHUNKS.length);
    assert.equal(snapshot.vectors.ef, 64);

    const target = CHUNKS[3]!;
    const [best] = await snapshot.searchDense(embeddingText(target), 3);
    assert.equal(best?.chunk.id, target.id);
    assert.ok(Math.abs(best.score - 1) < 1e-4, `exact match should score ~1, got ${best.score}`);

    const lexical = snapshot.searchLexical('Kharagpur', 3);
    assert.equal(lexical[0]?.chunk.docId, 'iit');
    assert.deepEqual(await snapshot.searchDense('anything', 0), []);
  });

  test('refuses an index built by another embedder with the reindex --full instruction', async () => {
    const indexDir = join(root, 'mismatch');
    await publishBuild(indexDir, countingEmbedder(128), CHUNKS.slice(0, 3));
    const config = testConfig(join(root, 'corpus'), indexDir);
    const current = countingEmbedder();
    await assert.rejects(openIndex(config, current), (error: unknown) => {
      assert.ok(isUserError(error, 'index.embedderMismatch'));
      assert.match(
        error.message,
        /was built with hash-v1-128-\S+ \(128 dims\) but the current embedder is hash-v1-64-\S+ \(64 dims\)/,
      );
      assert.match(error.message, /npm run reindex -- --full/);
      return true;
    });
  });

  test('a damaged pointer or build is index.corrupt, naming the file and the fix', async () => {
    const indexDir = join(root, 'damaged');
    const embedder = countingEmbedder();
    const buildId = await publishBuild(indexDir, embedder, CHUNKS.slice(0, 2));
    await writeFile(join(indexDir, 'builds', buildId, 'index.sqlite'), 'not a database');
    const config = testConfig(join(root, 'corpus'), indexDir);
    await assert.rejects(openIndex(config, embedder), (error: unknown) => {
      assert.ok(isUserError(error, 'index.corrupt'));
      assert.match(error.message, /index\.sqlite/);
      assert.match(error.message, /--full/);
      return true;
    });
    await writeFile(pointerPath(indexDir), 'not json');
    await assert.rejects(openIndex(config, embedder), (error: unknown) => isUserError(error, 'index.corrupt'));
  });
});
