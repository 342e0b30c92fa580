// /ask under load and with a misbehaving LLM, end to end: the real discord.js client against the fake Discord,
// the real services (pooled or in-process) over an index built from the fake-OpenAI fixture corpus, and the
// fake OpenAI server scripted to stall, to answer without citations, or to fail with an upstream error text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InteractionResponseType, Locale, MessageFlags } from 'discord-api-types/v10';
import type { APIEmbed } from 'discord-api-types/v10';
import { loadConfig, type Config } from '../../../src/config.ts';
import { t as translate } from '../../../src/i18n/index.ts';
import { createPooledService, type PooledService } from '../../../src/service/pooled.ts';
import { createService } from '../../../src/service/service.ts';
import type { AskOptions, CollabService } from '../../../src/service/types.ts';
import type { RecordedRequest } from '../../fixtures/fake-discord/server.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../../fixtures/fake-openai/server.ts';
import { capturingLogger, startHarness } from '../helpers.ts';

const CORPUS = fileURLToPath(new URL('../../fixtures/fake-openai/corpus', import.meta.url));
const QUESTION = 'What does the KGMU and IIT Kanpur MoU cover?';
/** Generous: the machine running the tests may be busy; nothing here measures speed. */
const WAIT = { timeoutMs: 60_000 };

const embedsOf = (r: RecordedRequest): APIEmbed[] => r.body?.embeds ?? r.body?.data?.embeds ?? [];
const textOf = (r: RecordedRequest) => JSON.stringify(r.body ?? {});
const isEphemeral = (r: RecordedRequest) =>
  ((r.body?.data?.flags ?? r.body?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

let dir: string;
let fake: FakeOpenAI;

function serviceConfig(extra: Record<string, string> = {}): Config {
  return loadConfig({
    CORPUS_DIR: join(dir, 'corpus'),
    INDEX_DIR: join(dir, 'index'),
    EMBEDDINGS: 'hash',
    LOG_LEVEL: 'silent',
    LLM_PROVIDER: 'openai',
    LLM_BASE_URL: fake.baseURL,
    // Every passage counts as relevant: these tests are about what reaches Discord, not the not-found rules.
    NOT_FOUND_THRESHOLD: '0',
    ENTITY_MIN_COVERAGE: '0',
    RELATED_DOC_MIN: '0',
    ...extra,
  });
}

/** The service, with a promise that resolves once `count` questions have been handed to it. */
function counting<S extends CollabService>(
  service: S,
  count: number,
): { service: CollabService; reached: Promise<void> } {
  let calls = 0;
  let reach!: () => void;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  return {
    reached,
    service: {
      ask(question: string, options?: AskOptions) {
        const answer = service.ask(question, options);
        if (++calls === count) reach();
        return answer;
      },
      sources: () => service.sources(),
      reindex: (options) => service.reindex(options),
      get reindexing() {
        return service.reindexing;
      },
      get busy() {
        return service.busy;
      },
      stats: () => service.stats(),
      collaborations: (filter) => service.collaborations(filter),
      parties: (prefix, limit) => service.parties(prefix, limit),
      close: () => service.close(),
    },
  };
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collab-ask-'));
  await cp(CORPUS, join(dir, 'corpus'), { recursive: true });
  fake = await startFakeOpenAI();
});
after(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

describe('/ask with every answer worker occupied (one worker, a queue of one)', () => {
  let pooled: PooledService;
  before(async () => {
    pooled = await createPooledService(serviceConfig({ ASK_WORKERS: '1', ASK_QUEUE: '1', LLM_TIMEOUT_MS: '600000' }));
  });
  after(() => pooled.close());

  test("a third question is refused at once, privately, in the asker's language; the others are answered", async (t) => {
    const streamed = 'The MoU covers AI tools for reading cancer scans [1]. Further';
    fake.script({ kind: 'stall', content: `${streamed} text.`, sent: streamed.length });
    const { service, reached } = counting(pooled, 2);
    const h = await startHarness(service, { botOptions: { shutdownGraceMs: 0 } });
    t.after(() => h.close());

    // A holds the only worker: its first checked sentence is on screen and the model stalls.
    const a = h.fake.sendSlashCommand({ name: 'ask', options: { question: QUESTION } });
    await h.fake.waitForRequest(
      (r) =>
        h.fake.is.editOriginal(a)(r) &&
        embedsOf(r)[0]?.description === 'The MoU covers AI tools for reading cancer scans [1].',
      WAIT,
    );
    // B waits in the queue.
    const b = h.fake.sendSlashCommand({ name: 'ask', options: { question: QUESTION } });
    await reached;
    assert.equal(pooled.busy, true);

    const c = h.fake.sendSlashCommand({ name: 'ask', options: { question: QUESTION }, locale: Locale.Russian });
    const refusal = await h.fake.waitForRequest(h.fake.is.callback(c), WAIT);
    assert.equal(refusal.body.type, InteractionResponseType.ChannelMessageWithSource, 'answered at once, not deferred');
    assert.equal(isEphemeral(refusal), true);
    assert.equal(refusal.body.data.content, translate('ru', 'reliability:busy'));
    assert.match(refusal.body.data.content, /\p{Script=Cyrillic}/u);
    assert.equal(h.fake.requests.some(h.fake.is.editOriginal(c)), false);

    // A and B were acknowledged at once; closing the harness cancels both (A in its worker, B in the queue).
    const acks = [a, b].map((i) => h.fake.requests.find(h.fake.is.callback(i))?.body.type);
    assert.deepEqual(acks, [
      InteractionResponseType.DeferredChannelMessageWithSource,
      InteractionResponseType.DeferredChannelMessageWithSource,
    ]);
  });
});

describe('/ask with an LLM that misbehaves (in-process service)', () => {
  let service: CollabService;
  const log = capturingLogger();
  before(async () => {
    service = await createService(serviceConfig({ LLM_TIMEOUT_MS: '1000' }), { logger: log.logger });
  });
  after(() => service.close());

  test('streamed text without a valid citation never reaches a message; cited sentences do', async (t) => {
    const h = await startHarness(service);
    t.after(() => h.close());

    // Control: a cited sentence streams into a progress edit, so edits do happen while the model writes.
    const cited = 'The MoU covers AI tools for reading cancer scans [1]. Fur';
    fake.script({ kind: 'stall', content: `${cited}ther.`, sent: cited.length });
    const control = h.fake.sendSlashCommand({ name: 'ask', options: { question: QUESTION } });
    const progress = await h.fake.waitForRequest(
      (r) => h.fake.is.editOriginal(control)(r) && embedsOf(r)[0]?.footer?.text === 'Writing the answer…',
      WAIT,
    );
    assert.equal(embedsOf(progress)[0]!.description, 'The MoU covers AI tools for reading cancer scans [1].');
    await h.fake.waitForRequest(
      (r) => h.fake.is.editOriginal(control)(r) && embedsOf(r)[0]?.footer?.text !== 'Writing the answer…',
      WAIT,
    );

    // The attack: complete sentences, no valid citation ([7] names no passage), then the model stalls.
    const pwned =
      'PWNED @everyone: the hospital on the Moon is open to all [7]. Visit it today. Free beds for everyone! Ca';
    fake.script({ kind: 'stall', content: `${pwned}ll now.`, sent: pwned.length });
    const ask = h.fake.sendSlashCommand({ name: 'ask', options: { question: QUESTION } });
    const final = await h.fake.waitForRequest(
      (r) => h.fake.is.editOriginal(ask)(r) && embedsOf(r)[0]?.footer?.text !== 'Writing the answer…',
      WAIT,
    );
    const edits = h.fake.requests.filter((r) => h.fake.is.editOriginal(ask)(r));
    assert.ok(edits.length >= 1);
    for (const edit of edits)
      assert.doesNotMatch(textOf(edit), /PWNED|on the Moon|@everyone|Free beds|Visit it/i, `edit ${edit.seq}`);
    assert.ok(final.seq === edits.at(-1)!.seq);
  });

  test('an LLM error shows a short note with an error id in the footer; the upstream text is only in the log', async (t) => {
    const h = await startHarness(service);
    t.after(() => h.close());
    const upstream =
      'Incorrect API key provided: sk-pr****wxyz. You can find your API key at https://platform.openai.com/account/api-keys.';
    fake.script({ kind: 'status', status: 401, message: upstream });
    const ask = h.fake.sendSlashCommand({ name: 'ask', options: { question: QUESTION } });
    const final = await h.fake.waitForRequest(
      (r) => h.fake.is.editOriginal(ask)(r) && (r.body?.components?.length ?? 0) > 0,
      WAIT,
    );
    const footer = embedsOf(final).at(-1)?.footer?.text ?? '';
    const errorId = /error id ([0-9a-f]{8})/.exec(footer)?.[1];
    assert.ok(errorId, footer);
    assert.doesNotMatch(textOf(final), /Incorrect|sk-pr|api-keys|langchain|troubleshooting|401/i);
    const logged = log.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry['errorId'] === errorId);
    assert.ok(logged, 'the log line carries the same error id');
    assert.match(JSON.stringify(logged), /Incorrect API key provided/);
  });
});
