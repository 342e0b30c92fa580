// A running service never swaps to an index it did not ask to shrink: an emptied corpus folder is refused,
// the service keeps answering from its articles; asked explicitly (allowShrink), the shrink goes through.
import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isUserError } from '../../src/errors.ts';
import { createService } from '../../src/service/service.ts';
import { countingEmbedder, makeWorkspace, type Workspace } from '../fixtures/index/helpers.ts';

describe('service reindex and a vanished corpus', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await makeWorkspace();
  });
  afterEach(async () => {
    await ws.cleanup();
  });

  test('refused without allowShrink, the loaded index keeps answering; with allowShrink the service reloads the empty one', async () => {
    const service = await createService(ws.config, { embedder: countingEmbedder() });
    try {
      assert.equal((await service.stats()).documents, 3);
      for (const file of await readdir(ws.corpusDir)) await rm(join(ws.corpusDir, file));

      await assert.rejects(service.reindex(), (error: unknown) => isUserError(error, 'reindex.shrink'));
      assert.equal((await service.stats()).documents, 3);
      const answer = await service.ask('Which hospitals did HKUST sign MoUs with?');
      assert.ok(answer.citations.length > 0, 'still answers from the previous index');

      const summary = await service.reindex({ allowShrink: true });
      assert.equal(summary.removed.length, 3);
      assert.equal((await service.stats()).documents, 0);
    } finally {
      await service.close();
    }
  });
});
