import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isUserError } from '../../src/errors.ts';
import { readCurrentBuildId } from '../../src/index/layout.ts';
import { reindex } from '../../src/index/reindex.ts';
import { assertShrinkAllowed, isLargeShrink } from '../../src/index/shrink-guard.ts';
import { countingEmbedder, makeWorkspace, type Workspace } from '../fixtures/index/helpers.ts';

describe('shrink guard', () => {
  test('more than half removed is a large shrink; half or less, or a first build, is not', () => {
    assert.equal(isLargeShrink(4, 2), false);
    assert.equal(isLargeShrink(4, 3), true);
    assert.equal(isLargeShrink(1, 1), true);
    assert.equal(isLargeShrink(0, 0), false);
    assert.doesNotThrow(() =>
      assertShrinkAllowed({ before: 4, removed: 4, after: 0, corpusDir: 'c', allowShrink: true }),
    );
    assert.throws(
      () => assertShrinkAllowed({ before: 4, removed: 3, after: 1, corpusDir: 'corpus', allowShrink: false }),
      (error: unknown) =>
        isUserError(error, 'reindex.shrink') &&
        /remove 3 of the 4 .*\(1 left\).*CORPUS_DIR \(corpus\)/.test(error.message),
    );
  });

  describe('in a reindex', () => {
    let ws: Workspace;
    const embedder = countingEmbedder();
    beforeEach(async () => {
      ws = await makeWorkspace();
    });
    afterEach(async () => {
      await ws.cleanup();
    });

    test('deleting most articles is refused before anything is embedded or published; allowShrink publishes it', async () => {
      const first = await reindex(ws.config, { embedder });
      const [keep, ...others] = first.added.sort();
      for (const id of others) await rm(join(ws.corpusDir, `${id}.md`));
      embedder.embeddings.reset();
      await assert.rejects(reindex(ws.config, { embedder }), (error: unknown) => isUserError(error, 'reindex.shrink'));
      assert.equal(embedder.embeddings.embeddedTexts.length, 0);
      assert.equal(await readCurrentBuildId(ws.indexDir), first.buildId);

      const shrunk = await reindex(ws.config, { embedder, allowShrink: true });
      assert.deepEqual(shrunk.removed.sort(), others);
      assert.equal(shrunk.documents, 1);
      assert.ok(keep);
    });

    test('files that fail to load but keep their previous version do not count as removed', async () => {
      const first = await reindex(ws.config, { embedder });
      for (const id of first.added) await writeFile(join(ws.corpusDir, `${id}.md`), Buffer.from([0x00, 0x01, 0x02]));
      const summary = await reindex(ws.config, { embedder });
      assert.equal(summary.failed.length, 3);
      assert.ok(summary.failed.every((f) => f.kept));
      assert.equal(summary.documents, 3);
    });
  });
});
