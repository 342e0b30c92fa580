import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBuild } from '../../src/index/build-files.ts';
import { embeddingText } from '../../src/index/embedding-text.ts';
import { newBuildId, pointerPath, writeCurrentBuildId } from '../../src/index/layout.ts';
import { createManifest } from '../../src/index/manifest.ts';
import { openIndex, readCurrentBuildId } from '../../src/index/store.ts';
import type { EmbedderHandle, StoredChunk } from '../../src/index/types.ts';
import { VectorStore, similarityFromDistance } from '../../src/index/vector-store.ts';
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
  chunk('hkust', 0, 'HKUST and Shenzhen hospitals', 'HKUST signed an agreement with Shenzhen People\'s Hospital on imaging research.'),
  chunk('hkust', 1, 'HKUST and Shenzhen hospitals', 'Doctors will be trained in data science at the university.'),
  chunk('iit', 0, 'IIT Kharagpur and AIIMS Kalyani', 'आईआईटी खड़गपुर और एम्स कल्याणी ने समझौता ज्ञापन पर हस्ताक्षर किए।'),
  chunk('msu', 0, 'МГУ и Сеченовский университет', 'Московский университет и Сеченовский университет подписали соглашение.'),
  // Enough filler that a search for more than the default ef (10) neighbours can be checked.
  ...Array.from({ length: 16 }, (_, i) => chunk(`filler${i}`, 0, `Filler ${i}`, `Unrelated filler paragraph number ${i} about weather ${i * 7}.`)),
];

/** Writes a build of `chunks` the way a reindex does, and makes it current. */
async function publishBuild(indexDir: string, embedder: EmbedderHandle, chunks: StoredChunk[]): Promise<string> {
  const vectors = await embedder.embeddings.embedDocuments(chunks.map(embeddingText));
  const store = await VectorStore.create(
    embedder.embeddings,
    embedder.info.dimension,
    chunks.map((c, i) => ({ chunkId: c.id, vector: vectors[i]! })),
    40,
  );
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
  const buildId = newBuildId();
  await writeBuild(indexDir, buildId, { vectors: store, chunks, manifest });
  await writeCurrentBuildId(indexDir, buildId);
  return buildId;
}

describe('VectorStore (HNSWLib wrapper)', () => {
  test('sets ef after create and after load, never leaving hnswlib\'s default of 10', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'collab-vs-'));
    try {
      const embedder = countingEmbedder();
      const vectors = await embedder.embeddings.embedDocuments(CHUNKS.map(embeddingText));
      const created = await VectorStore.create(embedder.embeddings, HASH_DIMENSIONS, CHUNKS.map((c, i) => ({ chunkId: c.id, vector: vectors[i]! })), 37);
      assert.equal(created.store.index.getEf(), 37);
      await created.save(dir);
      const loaded = await VectorStore.load(dir, embedder.embeddings, 55);
      assert.equal(loaded.store.index.getEf(), 55);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('raises ef to k when a search asks for more neighbours than SEARCH_EF, and returns k results', async () => {
    const embedder = countingEmbedder();
    const vectors = await embedder.embeddings.embedDocuments(CHUNKS.map(embeddingText));
    const store = await VectorStore.create(embedder.embeddings, HASH_DIMENSIONS, CHUNKS.map((c, i) => ({ chunkId: c.id, vector: vectors[i]! })), 10);
    const hits = await store.search(vectors[0]!, 15);
    assert.equal(hits.length, 15);
    assert.ok(store.ef >= 15, `ef ${store.ef} must be at least k`);
    // k above the number of vectors is clamped, not an error.
    assert.equal((await store.search(vectors[0]!, 500)).length, CHUNKS.length);
  });

  test('converts cosine distance to similarity: identical vector ~1, orthogonal ~0, opposite ~-1', async () => {
    const embedder = countingEmbedder(3);
    const store = await VectorStore.create(
      embedder.embeddings,
      3,
      [
        { chunkId: 'x', vector: [1, 0, 0] },
        { chunkId: 'y', vector: [0, 1, 0] },
        { chunkId: 'minus-x', vector: [-1, 0, 0] },
      ],
      10,
    );
    const hits = await store.search([2, 0, 0], 3);
    const byId = new Map(hits.map((h) => [h.chunkId, h.similarity]));
    assert.deepEqual(hits.map((h) => h.chunkId), ['x', 'y', 'minus-x']);
    assert.ok(Math.abs(byId.get('x')! - 1) < 1e-6);
    assert.ok(Math.abs(byId.get('y')!) < 1e-6);
    assert.ok(Math.abs(byId.get('minus-x')! + 1) < 1e-6);
    assert.equal(similarityFromDistance(0.25), 0.75);
  });

  test('an empty corpus gives a saveable, loadable index that finds nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'collab-vs-'));
    try {
      const embedder = countingEmbedder();
      const empty = await VectorStore.create(embedder.embeddings, HASH_DIMENSIONS, [], 20);
      await empty.save(dir);
      const loaded = await VectorStore.load(dir, embedder.embeddings, 20);
      assert.equal(loaded.size, 0);
      assert.deepEqual(await loaded.search(new Array(HASH_DIMENSIONS).fill(0.1), 5), []);
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
    assert.equal(snapshot.vectors.store.index.getEf(), 64);

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
      assert.match(error.message, /was built with hash-v1-128-\S+ \(128 dims\) but the current embedder is hash-v1-64-\S+ \(64 dims\)/);
      assert.match(error.message, /npm run reindex -- --full/);
      return true;
    });
  });

  test('a damaged pointer or build is index.corrupt, naming the file and the fix', async () => {
    const indexDir = join(root, 'damaged');
    const embedder = countingEmbedder();
    const buildId = await publishBuild(indexDir, embedder, CHUNKS.slice(0, 2));
    await writeFile(join(indexDir, 'builds', buildId, 'chunks.json'), '[{"oops": true}]');
    const config = testConfig(join(root, 'corpus'), indexDir);
    await assert.rejects(openIndex(config, embedder), (error: unknown) => {
      assert.ok(isUserError(error, 'index.corrupt'));
      assert.match(error.message, /chunks\.json/);
      assert.match(error.message, /--full/);
      return true;
    });
    await writeFile(pointerPath(indexDir), 'not json');
    await assert.rejects(openIndex(config, embedder), (error: unknown) => isUserError(error, 'index.corrupt'));
  });
});
