import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createService } from '../../src/service/service.ts';
import { reindex } from '../../src/index/reindex.ts';
import { isUserError } from '../../src/errors.ts';
import { countingEmbedder, makeWorkspace, testConfig, type Workspace } from '../fixtures/index/helpers.ts';

const NEW_ARTICLE = `---
title: Kazan Federal University and Sechenov University open a joint pharmacology school
source: Test Wire
language: en
institutions: [Kazan Federal University, Sechenov University]
---

Kazan Federal University and Sechenov University signed an agreement to open a joint school of clinical pharmacology in Kazan.

The pharmacology school will admit forty graduate students a year from both universities.
`;

describe('createService', () => {
  let ws: Workspace;
  beforeEach(async () => {
    ws = await makeWorkspace();
  });
  afterEach(async () => {
    await ws.cleanup();
  });

  test('builds the index on first use, says so, and answers with citations from the corpus', async () => {
    const notices: string[] = [];
    const service = await createService(ws.config, { embedder: countingEmbedder(), onNotice: (l) => notices.push(l) });
    assert.equal(notices.length, 1);
    assert.match(notices[0]!, /^No index in .* yet: building it/);
    const answer = await service.ask('Which hospitals did HKUST sign MoUs with?');
    assert.equal(answer.found, true);
    assert.ok(answer.citations.length > 0);
    assert.equal(answer.citations[0]!.docId, 'hkust-hospitals');
    assert.match(answer.answer, /\[1\]/);
    const stats = await service.stats();
    assert.equal(stats.documents, 3);
    await service.close();
  });

  test('lists the sources with their chunk counts', async () => {
    const service = await createService(ws.config, { embedder: countingEmbedder() });
    const sources = await service.sources();
    assert.deepEqual(sources.map((s) => s.docId).sort(), ['hkust-hospitals', 'iit-aiims', 'msu-sechenov']);
    const stats = await service.stats();
    assert.equal(
      sources.reduce((sum, s) => sum + s.chunks, 0),
      stats.chunks,
    );
    assert.ok(sources.every((s) => s.chunks > 0 && s.title.length > 0 && s.path.endsWith('.md')));
  });

  test('an empty question is a typed user error', async () => {
    const service = await createService(ws.config, { embedder: countingEmbedder() });
    await assert.rejects(service.ask('   '), (e: unknown) => isUserError(e, 'question.empty'));
  });

  test('picks up a build published by another process without a restart (hot reload)', async () => {
    const service = await createService(ws.config, { embedder: countingEmbedder() });
    const question = 'What will the joint pharmacology school in Kazan admit?';
    const before = await service.ask(question);
    assert.ok(before.citations.every((c) => c.docId !== 'kazan-pharmacology'));

    await writeFile(join(ws.corpusDir, 'kazan-pharmacology.md'), NEW_ARTICLE);
    // As `npm run reindex` would, from outside the service.
    await reindex(ws.config, { embedder: countingEmbedder() });

    const after = await service.ask(question);
    assert.equal(after.found, true);
    assert.equal(after.citations[0]?.docId, 'kazan-pharmacology');
    assert.equal((await service.stats()).documents, 4);
  });

  test('a question in flight keeps the index it started with', async () => {
    const embedder = countingEmbedder();
    const service = await createService(ws.config, { embedder });
    await writeFile(join(ws.corpusDir, 'kazan-pharmacology.md'), NEW_ARTICLE);

    // Hold the question inside its query embedding, publish a new build meanwhile, then let it go on.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const original = embedder.embeddings.embedQuery.bind(embedder.embeddings);
    embedder.embeddings.embedQuery = async (text: string) => {
      entered();
      await gate;
      return original(text);
    };
    const inFlight = service.ask('What will the joint pharmacology school in Kazan admit?');
    await inside;
    embedder.embeddings.embedQuery = original;
    await reindex(ws.config, { embedder: countingEmbedder() });
    release();
    const answer = await inFlight;
    assert.ok(
      answer.citations.every((c) => c.docId !== 'kazan-pharmacology'),
      'the in-flight answer used the old build',
    );

    const next = await service.ask('What will the joint pharmacology school in Kazan admit?');
    assert.equal(next.citations[0]?.docId, 'kazan-pharmacology');
  });

  test('service.reindex picks up changes, and a second reindex while one runs is refused', async () => {
    const service = await createService(ws.config, { embedder: countingEmbedder() });
    await writeFile(join(ws.corpusDir, 'kazan-pharmacology.md'), NEW_ARTICLE);
    const first = service.reindex();
    assert.equal(service.reindexing, true);
    await assert.rejects(service.reindex(), (e: unknown) => isUserError(e, 'reindex.alreadyRunning'));
    const summary = await first;
    assert.deepEqual(summary.added, ['kazan-pharmacology']);
    assert.equal(service.reindexing, false);
    const answer = await service.ask('How many graduate students will the Kazan pharmacology school admit?');
    assert.equal(answer.citations[0]?.docId, 'kazan-pharmacology');
  });

  test('an index built by another embedder is rebuilt with the current one, and says so', async () => {
    await reindex(ws.config, { embedder: countingEmbedder() });
    const notices: string[] = [];
    const service = await createService(testConfig(ws.corpusDir, ws.indexDir, { HASH_DIMENSIONS: '128' }), {
      embedder: countingEmbedder(128),
      onNotice: (l) => notices.push(l),
    });
    assert.equal(notices.length, 1);
    assert.match(notices[0]!, /rebuilding it with hash-v1-128/);
    assert.equal((await service.stats()).embedder.dimension, 128);
  });

  test('a damaged pointer file does not stop a running service: it keeps the index it has', async () => {
    const service = await createService(ws.config, { embedder: countingEmbedder() });
    const before = await service.ask('Which hospitals did HKUST sign MoUs with?');
    await writeFile(join(ws.indexDir, 'current.json'), '{ not json');
    const after = await service.ask('Which hospitals did HKUST sign MoUs with?');
    assert.deepEqual(
      after.citations.map((c) => c.docId),
      before.citations.map((c) => c.docId),
    );
    assert.equal(after.found, true);
  });
});
