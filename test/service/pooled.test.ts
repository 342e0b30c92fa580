// The pooled service: the same answers as the in-process service, computed in worker threads that hot-reload
// new builds; user errors, partial text and cancellation cross the thread boundary; a full queue refuses at
// once with service.busy. The busy case is made deterministic with one worker, a queue of one, and an LLM
// (the fake OpenAI server) that stalls mid-answer until the test cancels it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { isUserError } from '../../src/errors.ts';
import { reindex } from '../../src/index/reindex.ts';
import { createPooledService, type PooledService } from '../../src/service/pooled.ts';
import { createService } from '../../src/service/service.ts';
import type { CollabService } from '../../src/service/types.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../fixtures/fake-openai/server.ts';
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

describe('createPooledService', () => {
  let ws: Workspace;
  let pooled: PooledService;
  let inProcess: CollabService;
  before(async () => {
    ws = await makeWorkspace();
    pooled = await createPooledService(
      testConfig(ws.corpusDir, ws.indexDir, { ASK_WORKERS: '2', LOG_LEVEL: 'silent' }),
      { embedder: countingEmbedder() },
    );
    inProcess = await createService(ws.config, { embedder: countingEmbedder() });
  });
  after(async () => {
    await pooled.close();
    await inProcess.close();
    await ws.cleanup();
  });

  test('answers exactly as the in-process service does', async () => {
    const questions = [
      'Which hospitals did HKUST sign MoUs with?',
      'What did IIT and AIIMS agree?',
      'Что подписали МГУ и Сеченовский университет?',
    ];
    const answers = await Promise.all(questions.map((q) => pooled.ask(q)));
    for (const [i, question] of questions.entries())
      assert.deepEqual(answers[i], await inProcess.ask(question), question);
    assert.ok(answers[0]!.found);
    assert.equal(pooled.pending, 0);
    assert.deepEqual(await pooled.sources(), await inProcess.sources());
  });

  test('a user error thrown in a worker arrives as the same typed UserError', async () => {
    await assert.rejects(pooled.ask('   '), (error: unknown) => isUserError(error, 'question.empty'));
  });

  test('workers pick up a build published by another process (hot reload)', async () => {
    const question = 'What will the joint pharmacology school in Kazan admit?';
    assert.ok((await pooled.ask(question)).citations.every((c) => c.docId !== 'kazan-pharmacology'));
    await writeFile(join(ws.corpusDir, 'kazan-pharmacology.md'), NEW_ARTICLE);
    await reindex(ws.config, { embedder: countingEmbedder() });
    // Both workers: each holds its own snapshot and must notice the new build itself.
    const answers = await Promise.all([pooled.ask(question), pooled.ask(question), pooled.ask(question)]);
    for (const answer of answers) assert.equal(answer.citations[0]?.docId, 'kazan-pharmacology');
  });
});

describe('createPooledService under load (one worker, queue of one)', () => {
  const corpus = fileURLToPath(new URL('../fixtures/fake-openai/corpus', import.meta.url));
  const question = 'What does the KGMU and IIT Kanpur MoU cover?';
  let dir: string;
  let fake: FakeOpenAI;
  let pooled: PooledService;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'collab-pooled-'));
    await cp(corpus, join(dir, 'corpus'), { recursive: true });
    fake = await startFakeOpenAI();
    const config = testConfig(join(dir, 'corpus'), join(dir, 'index'), {
      ASK_WORKERS: '1',
      ASK_QUEUE: '1',
      LOG_LEVEL: 'silent',
      LLM_PROVIDER: 'openai',
      LLM_BASE_URL: fake.baseURL,
      LLM_TIMEOUT_MS: '600000',
      // Every passage counts as relevant: the test is about the pool, not the not-found rules.
      NOT_FOUND_THRESHOLD: '0',
      ENTITY_MIN_COVERAGE: '0',
      RELATED_DOC_MIN: '0',
    });
    pooled = await createPooledService(config, { embedder: countingEmbedder() });
  });
  after(async () => {
    await pooled.close();
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('partial text streams across threads, a full queue refuses at once, cancellation reaches the worker', async () => {
    const streamed = 'The MoU covers AI tools for reading cancer scans [1]. It also';
    fake.script({ kind: 'stall', content: `${streamed} covers training [2].`, sent: streamed.length });
    fake.script({ kind: 'answer', content: 'Radiologists and engineers share imaging data [1].' });

    // A: streams one checked sentence, then stalls, holding the only worker.
    const cancelA = new AbortController();
    let firstPartial!: (text: string) => void;
    const partialSeen = new Promise<string>((resolve) => (firstPartial = resolve));
    const partialThreads: number[] = [];
    const a = pooled.ask(question, {
      signal: cancelA.signal,
      onPartial: (text) => {
        partialThreads.push(threadId);
        firstPartial(text);
      },
    });
    assert.equal(await partialSeen, 'The MoU covers AI tools for reading cancer scans [1].');
    assert.deepEqual([...new Set(partialThreads)], [threadId], "partials are delivered on the caller's thread");

    // B waits in the queue; C finds no room and is refused at once, without reaching a worker.
    const b = pooled.ask(question);
    assert.equal(pooled.pending, 2);
    assert.equal(pooled.busy, true);
    await assert.rejects(pooled.ask(question), (error: unknown) => isUserError(error, 'service.busy'));
    assert.equal(fake.requests.length, 1, 'only A reached the language model');

    // Cancelling A stops its stalled request in the worker (the in-process fallback: the quoted answer).
    cancelA.abort(new Error('test cancels A'));
    const answerA = await a;
    assert.equal(answerA.mode, 'extractive');
    const answerB = await b;
    assert.equal(answerB.answer, 'Radiologists and engineers share imaging data [1].');
    assert.equal(pooled.pending, 0);
    assert.equal(pooled.busy, false);
  });

  test('a question cancelled while it waits leaves the queue and never reaches a worker', async () => {
    const requestsBefore = fake.requests.length;
    fake.script(
      { kind: 'stall', content: 'The MoU covers AI tools [1]. More', sent: 'The MoU covers AI tools [1]. Mo'.length },
      { kind: 'answer', content: 'Imaging data is shared [1].' },
    );
    const cancelA = new AbortController();
    let started!: () => void;
    const streaming = new Promise<void>((resolve) => (started = resolve));
    const a = pooled.ask(question, { signal: cancelA.signal, onPartial: () => started() });
    await streaming;
    const cancelB = new AbortController();
    const b = pooled.ask(question, { signal: cancelB.signal });
    cancelB.abort(new Error('test cancels B'));
    await assert.rejects(b, /test cancels B/);
    cancelA.abort(new Error('test cancels A'));
    assert.equal((await a).mode, 'extractive');
    assert.equal(fake.requests.length, requestsBefore + 1, 'B never reached the language model');
    // The next question gets the next scripted reply: nothing of B was left behind.
    assert.equal((await pooled.ask(question)).answer, 'Imaging data is shared [1].');
  });
});
