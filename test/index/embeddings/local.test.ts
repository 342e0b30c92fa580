// The local embedder's real loading path (transformers.js pipeline → ONNX runtime), run against a tiny model
// generated into a temporary MODEL_DIR. No network: downloads are either disabled or served from 127.0.0.1.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { loadConfig } from '../../../src/config.ts';
import { isUserError } from '../../../src/errors.ts';
import { createEmbeddings } from '../../../src/index/embeddings/select.ts';
import {
  createLocalEmbeddings,
  createTerminalDownloadProgress,
  e5Prefixes,
  type ModelDownloadEvent,
} from '../../../src/index/embeddings/local.ts';
import { expectedEmbedding, generateTinyModel, type TinyModel } from '../../fixtures/tiny-model/generate.ts';

const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

function assertClose(actual: number[], expected: number[], message?: string): void {
  assert.equal(actual.length, expected.length, message);
  const worst = Math.max(...actual.map((x, i) => Math.abs(x - expected[i]!)));
  assert.ok(worst < 1e-5, `${message ?? 'vectors differ'} (max difference ${worst})`);
}

function localConfig(modelDir: string, model: string) {
  return loadConfig({
    EMBEDDINGS: 'local',
    EMBEDDINGS_MODEL: model,
    MODEL_DIR: modelDir,
    ALLOW_MODEL_DOWNLOAD: 'false',
  });
}

describe('e5Prefixes', () => {
  test('applies to e5 models only, not to their instruct variants or other families', () => {
    for (const model of [
      'Xenova/multilingual-e5-small',
      'intfloat/e5-base-v2',
      'intfloat/multilingual-e5-large',
      'e5-small',
    ]) {
      assert.deepEqual(e5Prefixes(model), { query: 'query: ', passage: 'passage: ' }, model);
    }
    for (const model of [
      'intfloat/multilingual-e5-large-instruct',
      'Xenova/all-MiniLM-L6-v2',
      'Xenova/LaBSE',
      'org/de5ign-model',
    ]) {
      assert.equal(e5Prefixes(model), undefined, model);
    }
  });
});

describe('local embedder on a generated tiny model', () => {
  let modelDir: string;
  let e5: TinyModel;
  let plain: TinyModel;

  before(async () => {
    modelDir = await mkdtemp(join(tmpdir(), 'collab-models-'));
    // Same weights under two names: one the e5 rule matches, one it does not.
    e5 = await generateTinyModel(modelDir, 'tiny-org/tiny-e5');
    plain = await generateTinyModel(modelDir, 'tiny-org/tiny-bert');
  });
  after(() => rm(modelDir, { recursive: true, force: true }));

  test('EMBEDDINGS=local loads it from MODEL_DIR without network and embeds with the e5 prefixes', async (t) => {
    const fetchMock = t.mock.method(globalThis, 'fetch', () =>
      Promise.reject(new Error('network used in an offline test')),
    );
    const handle = await createEmbeddings(localConfig(modelDir, e5.id));

    assert.equal(handle.info.kind, 'local');
    assert.equal(handle.info.dimension, e5.dimension);
    assert.match(handle.info.id, /^local:tiny-org\/tiny-e5/);

    const query = await handle.embeddings.embedQuery('Alpha beta');
    assertClose(query, expectedEmbedding(e5, ['query', ':', 'alpha', 'beta']), 'query embeds as "query: alpha beta"');
    const [document] = await handle.embeddings.embedDocuments(['Alpha beta']);
    assertClose(
      document!,
      expectedEmbedding(e5, ['passage', ':', 'alpha', 'beta']),
      'document embeds as "passage: alpha beta"',
    );
    assert.equal(fetchMock.mock.callCount(), 0);
  });

  test('a model outside the e5 family embeds queries and documents without prefixes', async () => {
    const handle = await createEmbeddings(localConfig(modelDir, plain.id));
    const expected = expectedEmbedding(plain, ['alpha', 'beta']);
    assertClose(await handle.embeddings.embedQuery('alpha beta'), expected);
    assertClose((await handle.embeddings.embedDocuments(['alpha beta']))[0]!, expected);
  });

  test('texts sharing tokens are closer than texts that do not; batches give unit vectors of the model dimension', async () => {
    const handle = await createEmbeddings(localConfig(modelDir, e5.id));
    const query = await handle.embeddings.embedQuery('cancer institute signed');
    const documents = await handle.embeddings.embedDocuments([
      'The cancer institute signed an MoU',
      'alpha beta gamma delta',
      'hospital university',
    ]);
    for (const vector of documents) {
      assert.equal(vector.length, e5.dimension);
      assert.ok(Math.abs(Math.hypot(...vector) - 1) < 1e-5);
    }
    const [sharing, other1, other2] = documents.map((vector) => cosine(query, vector));
    assert.ok(sharing! > other1! && sharing! > other2!, `sharing ${sharing} vs ${other1}, ${other2}`);
  });

  test('files that are present but broken fail with one line saying the model could not be loaded', async () => {
    const broken = await generateTinyModel(modelDir, 'tiny-org/broken-e5');
    await writeFile(join(broken.dir, 'onnx', 'model_quantized.onnx'), 'not an onnx graph');
    await assert.rejects(createLocalEmbeddings({ model: broken.id, modelDir, allowDownload: false }), (error) => {
      assert.ok(isUserError(error, 'model.unavailable'));
      assert.match(
        error.message,
        /^Embedding model "tiny-org\/broken-e5" in .* could not be loaded \(.+\)\. Replace the files in .*broken-e5 or set EMBEDDINGS=hash\.$/,
      );
      assert.doesNotMatch(error.message, /\n/);
      return true;
    });
  });
});

describe('local embedder downloads', () => {
  let hubDir: string;
  let modelDir: string;
  let hubModel: TinyModel;
  const servers: Server[] = [];

  /** A stand-in for the Hugging Face Hub on 127.0.0.1: `/<org>/<name>/resolve/main/<file>`. */
  async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
    const server = createServer(handler);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    assert.ok(address && typeof address === 'object');
    return `http://127.0.0.1:${address.port}/`;
  }

  before(async () => {
    hubDir = await mkdtemp(join(tmpdir(), 'collab-hub-'));
    hubModel = await generateTinyModel(hubDir, 'mirror-org/tiny-e5', { dimension: 16, seed: 11 });
  });
  after(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    await rm(hubDir, { recursive: true, force: true });
  });

  test('a missing model is downloaded into MODEL_DIR with progress, then loads offline from there', async () => {
    modelDir = await mkdtemp(join(tmpdir(), 'collab-models-'));
    try {
      const requested: string[] = [];
      const hubUrl = await listen(async (request, response) => {
        const match = /^\/mirror-org\/tiny-e5\/resolve\/main\/(.+)$/.exec(request.url ?? '');
        const file = match && hubModel.files.includes(match[1]!) ? match[1]! : undefined;
        if (!file) {
          response.writeHead(404).end();
          return;
        }
        requested.push(file);
        const body = await readFile(join(hubModel.dir, file));
        response.writeHead(200, { 'content-length': body.length }).end(body);
      });
      const events: ModelDownloadEvent[] = [];
      const downloaded = await createLocalEmbeddings({
        model: hubModel.id,
        modelDir,
        allowDownload: true,
        hubUrl,
        onDownloadProgress: (event) => events.push(event),
      });
      assert.equal(downloaded.info.dimension, 16);
      assert.deepEqual(requested.sort(), [...hubModel.files].sort());
      for (const file of hubModel.files)
        assert.ok(existsSync(join(modelDir, 'mirror-org', 'tiny-e5', file)), `${file} saved`);
      assert.ok(
        events.some(
          (event) =>
            event.kind === 'progress' &&
            event.file === 'onnx/model_quantized.onnx' &&
            event.loadedBytes === event.totalBytes,
        ),
      );
      assert.deepEqual(events.at(-1), { kind: 'end', model: hubModel.id, ok: true });

      // Second start: everything is local, nothing is fetched and nothing is reported as a download.
      const offlineEvents: ModelDownloadEvent[] = [];
      const offline = await createLocalEmbeddings({
        model: hubModel.id,
        modelDir,
        allowDownload: false,
        onDownloadProgress: (e) => offlineEvents.push(e),
      });
      assert.deepEqual(offlineEvents, []);
      assertClose(await offline.embeddings.embedQuery('alpha'), expectedEmbedding(hubModel, ['query', ':', 'alpha']));
    } finally {
      await rm(modelDir, { recursive: true, force: true });
    }
  });

  test('a model the hub does not have fails with one line naming the missing file', async () => {
    modelDir = await mkdtemp(join(tmpdir(), 'collab-models-'));
    try {
      const hubUrl = await listen((_request, response) => response.writeHead(404).end());
      await assert.rejects(
        createLocalEmbeddings({ model: 'nobody/no-e5', modelDir, allowDownload: true, hubUrl }),
        (error) => {
          assert.ok(isUserError(error, 'model.unavailable'));
          assert.match(
            error.message,
            /^Embedding model "nobody\/no-e5" is not in .* and could not be downloaded \(127\.0\.0\.1:\d+ has no \S+ for it\)\. Put the model files in .* or set EMBEDDINGS=hash\.$/,
          );
          return true;
        },
      );
    } finally {
      await rm(modelDir, { recursive: true, force: true });
    }
  });

  test('a hub that accepts the connection but never answers fails after the stall timeout', async () => {
    modelDir = await mkdtemp(join(tmpdir(), 'collab-models-'));
    try {
      const hubUrl = await listen(() => {}); // never responds
      await assert.rejects(
        createLocalEmbeddings({
          model: 'mirror-org/tiny-e5',
          modelDir,
          allowDownload: true,
          hubUrl,
          stallTimeoutMs: 300,
        }),
        (error) => {
          assert.ok(isUserError(error, 'model.unavailable'));
          assert.match(error.message, /could not be downloaded \(no data from 127\.0\.0\.1:\d+ for 0\.3 s\)/);
          return true;
        },
      );
    } finally {
      await rm(modelDir, { recursive: true, force: true });
    }
  });

  test('the terminal progress bar draws on a TTY and stays silent on a pipe', () => {
    const pipe = new PassThrough() as unknown as NodeJS.WriteStream;
    assert.equal(createTerminalDownloadProgress(pipe), undefined);

    let written = '';
    const tty = Object.assign(new PassThrough(), {
      isTTY: true,
      columns: 100,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    });
    tty.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const bar = createTerminalDownloadProgress(tty as unknown as NodeJS.WriteStream);
    assert.ok(bar);
    bar({
      kind: 'progress',
      model: 'org/model',
      file: 'onnx/model_quantized.onnx',
      loadedBytes: 1_048_576,
      totalBytes: 4_194_304,
    });
    bar({
      kind: 'progress',
      model: 'org/model',
      file: 'onnx/model_quantized.onnx',
      loadedBytes: 4_194_304,
      totalBytes: 4_194_304,
    });
    bar({ kind: 'end', model: 'org/model', ok: true });
    assert.match(written, /Downloading org\/model .*4\.0\/4\.0 MB/);
  });
});
