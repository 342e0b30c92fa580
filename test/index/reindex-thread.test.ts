// The reindex a service starts runs in a worker thread: same build as in-process, progress and errors
// (UserErrors with their id) come back by message.
import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { isUserError } from '../../src/errors.ts';
import { createHashEmbeddings } from '../../src/index/embeddings/select.ts';
import { reindexInThread } from '../../src/index/reindex-thread.ts';
import { acquireReindexLock } from '../../src/index/lock.ts';
import { openIndex } from '../../src/index/store.ts';
import { threadId } from 'node:worker_threads';
import { makeWorkspace, type Workspace } from '../fixtures/index/helpers.ts';

describe('reindex in a worker thread', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await makeWorkspace();
  });
  afterEach(async () => {
    await ws.cleanup();
  });

  test('builds the index the service then opens, reporting progress from the thread', async () => {
    const embedder = createHashEmbeddings(ws.config);
    const phases = new Set<string>();
    const summary = await reindexInThread(
      { config: ws.config, embedder: embedder.info, full: false },
      { onProgress: (e) => phases.add(e.phase) },
    );
    assert.deepEqual(summary.added, ['hkust-hospitals', 'iit-aiims', 'msu-sechenov']);
    assert.deepEqual([...phases].sort(), ['embed', 'load', 'write']);
    const snapshot = await openIndex(ws.config, embedder);
    assert.equal(snapshot.buildId, summary.buildId);
    assert.equal(snapshot.searchLexical('Kharagpur', 1)[0]?.chunk.docId, 'iit-aiims');
    assert.equal(threadId, 0, 'the test itself runs on the main thread');
  });

  test('a UserError in the thread arrives as the same UserError; other errors keep their name and message', async () => {
    const embedder = createHashEmbeddings(ws.config);
    const lock = await acquireReindexLock(ws.indexDir);
    try {
      await assert.rejects(
        reindexInThread({ config: ws.config, embedder: embedder.info, full: false }),
        (error: unknown) => isUserError(error, 'reindex.alreadyRunning'),
      );
    } finally {
      await lock.release();
    }
    await rm(ws.corpusDir, { recursive: true });
    await assert.rejects(
      reindexInThread({ config: ws.config, embedder: embedder.info, full: false }),
      (error: unknown) => {
        assert.equal((error as Error).name, 'ConfigError');
        assert.match((error as Error).message, /CORPUS_DIR/);
        return true;
      },
    );
  });

  test("the thread refuses to build with another embedder than the caller's", async () => {
    const other = createHashEmbeddings({ HASH_DIMENSIONS: 128 });
    await assert.rejects(
      reindexInThread({ config: ws.config, embedder: other.info, full: false }),
      /the service uses hash-v1-128/,
    );
  });
});
