import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddingCache, embeddingCachePath } from '../../src/index/embedding-cache.ts';
import { embeddingText } from '../../src/index/embedding-text.ts';
import { countingEmbedder } from '../fixtures/index/helpers.ts';

describe('embedding cache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'collab-cache-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('embeds only texts it has not seen, each distinct text once, and persists them', async () => {
    const embedder = countingEmbedder();
    const cache = await EmbeddingCache.open(dir, embedder.info);
    const first = await cache.embed(['alpha', 'beta', 'alpha'], embedder.embeddings);
    assert.equal(first.embedded, 2);
    assert.deepEqual(embedder.embeddings.embeddedTexts, ['alpha', 'beta']);
    assert.deepEqual(first.vectors[0], first.vectors[2]);
    await cache.save(['alpha', 'beta', 'gamma']);

    embedder.embeddings.reset();
    const reopened = await EmbeddingCache.open(dir, embedder.info);
    const second = await reopened.embed(['beta', 'gamma', 'alpha'], embedder.embeddings);
    assert.deepEqual(embedder.embeddings.embeddedTexts, ['gamma']);
    assert.equal(second.embedded, 1);
    // A cached vector is the float32 form of what the embedder returns (hnswlib stores float32 anyway).
    const fresh = await embedder.embeddings.embedQuery('beta');
    second.vectors[0]!.forEach((x, i) => assert.ok(Math.abs(x - fresh[i]!) < 1e-6));
  });

  test('save keeps only the given texts; fresh and other embedders start empty', async () => {
    const embedder = countingEmbedder();
    const cache = await EmbeddingCache.open(dir, embedder.info);
    await cache.embed(['keep me', 'drop me'], embedder.embeddings);
    await cache.save(['keep me']);
    const reopened = await EmbeddingCache.open(dir, embedder.info);
    assert.equal(reopened.size, 1);
    assert.ok(reopened.has('keep me'));
    assert.equal((await EmbeddingCache.open(dir, embedder.info, { fresh: true })).size, 0);
    assert.equal((await EmbeddingCache.open(dir, countingEmbedder(128).info)).size, 0);
  });

  test('a corrupt cache file is an empty cache, not an error', async () => {
    const embedder = countingEmbedder();
    const cache = await EmbeddingCache.open(dir, embedder.info);
    await cache.embed(['x'], embedder.embeddings);
    await cache.save(['x']);
    await writeFile(embeddingCachePath(dir, embedder.info), 'not a database, half a JSON file: {"formatVersion":1,');
    assert.equal((await EmbeddingCache.open(dir, embedder.info)).size, 0);
  });

  test('a vector of the wrong length is refused, naming the embedder', async () => {
    const embedder = countingEmbedder();
    const cache = await EmbeddingCache.open(dir, { ...embedder.info, dimension: 65 });
    await assert.rejects(cache.embed(['x'], embedder.embeddings), /returned a 64-dimensional vector; its info says 65/);
  });

  test('the embedded text is the document title, a blank line, then the chunk', () => {
    assert.equal(
      embeddingText({ title: 'HKUST signs MoU', text: 'The agreement covers...' }),
      'HKUST signs MoU\n\nThe agreement covers...',
    );
  });
});
