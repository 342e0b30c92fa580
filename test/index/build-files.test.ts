// Each file of a build, damaged alone, is blamed by name: a damaged graph is not "index.sqlite".
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isUserError } from '../../src/errors.ts';
import { buildDir } from '../../src/index/layout.ts';
import { reindex } from '../../src/index/reindex.ts';
import { openIndex } from '../../src/index/store.ts';
import { countingEmbedder, makeWorkspace, type Workspace } from '../fixtures/index/helpers.ts';

describe('a damaged index file is named', () => {
  let ws: Workspace;
  const embedder = countingEmbedder();
  before(async () => {
    ws = await makeWorkspace();
  });
  after(async () => {
    await ws.cleanup();
  });

  test('every file of a build, damaged alone, is the one the error names', async () => {
    const files = (await readdir(buildDir(ws.indexDir, (await reindex(ws.config, { embedder })).buildId!))).sort();
    assert.deepEqual(files, ['index.sqlite', 'manifest.json', 'registry.json', 'vectors.hnsw']);
    for (const file of files) {
      // A fresh build each time, so only this one file is damaged.
      const { buildId } = await reindex(ws.config, { embedder, full: true });
      await writeFile(join(buildDir(ws.indexDir, buildId!), file), '{"truncated": ');
      await assert.rejects(openIndex(ws.config, embedder), (error: unknown) => {
        assert.ok(isUserError(error, 'index.corrupt'), String(error));
        assert.match(
          error.message,
          new RegExp(`The index file \\S*${buildId}/${file.replace('.', '\\.')} cannot be used`),
        );
        return true;
      });
    }
  });
});
