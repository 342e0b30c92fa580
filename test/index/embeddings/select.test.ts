import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config.ts';
import { isUserError } from '../../../src/errors.ts';
import { HashEmbeddings } from '../../../src/index/embeddings/hash.ts';
import { createEmbeddings } from '../../../src/index/embeddings/select.ts';
import { generateTinyModel } from '../../fixtures/tiny-model/generate.ts';

const DEFAULT_MODEL = 'Xenova/multilingual-e5-small';

describe('createEmbeddings', () => {
  let emptyModelDir: string;
  let tinyModelDir: string;

  before(async () => {
    emptyModelDir = await mkdtemp(join(tmpdir(), 'collab-models-empty-'));
    tinyModelDir = await mkdtemp(join(tmpdir(), 'collab-models-'));
    await generateTinyModel(tinyModelDir, 'tiny-org/tiny-e5');
  });
  after(async () => {
    await rm(emptyModelDir, { recursive: true, force: true });
    await rm(tinyModelDir, { recursive: true, force: true });
  });

  const config = (env: Record<string, string>) =>
    loadConfig({ MODEL_DIR: emptyModelDir, ALLOW_MODEL_DOWNLOAD: 'false', ...env });

  test('EMBEDDINGS=hash gives the hash embedder with HASH_DIMENSIONS, without a warning', async () => {
    const warnings: string[] = [];
    const handle = await createEmbeddings(config({ EMBEDDINGS: 'hash', HASH_DIMENSIONS: '256' }), {
      onWarning: (line) => warnings.push(line),
    });
    assert.ok(handle.embeddings instanceof HashEmbeddings);
    assert.deepEqual(handle.info, new HashEmbeddings({ dimensions: 256 }).info);
    assert.equal((await handle.embeddings.embedQuery('MoU')).length, 256);
    assert.deepEqual(warnings, []);
  });

  test('EMBEDDINGS=local with no model and downloads disabled fails with one line naming the model and the fix', async () => {
    const configured = config({ EMBEDDINGS: 'local' });
    await assert.rejects(createEmbeddings(configured), (error) => {
      assert.ok(isUserError(error, 'model.unavailable'));
      const message = error.message;
      assert.doesNotMatch(message, /\n/);
      assert.doesNotMatch(message, /\bat .*:\d+:\d+/); // no stack frames
      assert.ok(
        message.startsWith(
          `Embedding model "${DEFAULT_MODEL}" is not in ${emptyModelDir} and could not be downloaded (`,
        ),
        message,
      );
      assert.match(message, /ALLOW_MODEL_DOWNLOAD=false/);
      assert.ok(
        message.includes(`Put the model files in ${join(emptyModelDir, DEFAULT_MODEL)} or set EMBEDDINGS=hash.`),
        message,
      );
      return true;
    });
  });

  test('EMBEDDINGS=auto with no model falls back to the hash embedder with exactly one warning', async () => {
    const warnings: string[] = [];
    const handle = await createEmbeddings(config({ EMBEDDINGS: 'auto', HASH_DIMENSIONS: '384' }), {
      onWarning: (line) => warnings.push(line),
    });
    assert.equal(handle.info.kind, 'hash');
    assert.equal(handle.info.dimension, 384);
    assert.equal(warnings.length, 1);
    const [warning] = warnings as [string];
    assert.doesNotMatch(warning, /\n/);
    assert.equal(
      warning,
      `Embedding model "${DEFAULT_MODEL}" unavailable; using the offline hash embedder (set EMBEDDINGS=hash to choose it and silence this).`,
    );
    assert.ok(warning.length <= 160, 'one short line');
    assert.match(handle.fallback?.reason ?? '', /tokenizer|config|missing|download/i, 'the reason is kept for the log');
  });

  test('EMBEDDINGS=auto uses the local model when it loads, without a warning', async () => {
    const warnings: string[] = [];
    const handle = await createEmbeddings(
      loadConfig({
        EMBEDDINGS: 'auto',
        EMBEDDINGS_MODEL: 'tiny-org/tiny-e5',
        MODEL_DIR: tinyModelDir,
        ALLOW_MODEL_DOWNLOAD: 'false',
      }),
      { onWarning: (line) => warnings.push(line) },
    );
    assert.equal(handle.info.kind, 'local');
    assert.equal(handle.info.dimension, 24);
    assert.deepEqual(warnings, []);
  });
});
