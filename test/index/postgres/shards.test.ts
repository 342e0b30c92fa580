// Sharded start-up on the database: `npm start` with SHARDS=auto and INDEX_BACKEND=postgres against the fake
// Discord (its /gateway/bot recommends 2 shards) and a PGlite server on 127.0.0.1. Both shard processes open
// the one build in the database (their INDEX_DIR and CORPUS_DIR are empty folders: like bot machines without
// the corpus), the guild's /ask is answered from it, a build a reindex publishes meanwhile is answered from
// at the next question, and SIGTERM stops every shard. Every wait is bounded; the process is killed in teardown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reindex } from '../../../src/index/reindex.ts';
import { migrate } from '../../../src/index/postgres/migrate.ts';
import { startBotProcess } from '../../fixtures/fake-discord/bot-process.ts';
import { FakeDiscord, type RecordedRequest } from '../../fixtures/fake-discord/server.ts';
import { HASH_DIMENSIONS, countingEmbedder, makeWorkspace, testConfig } from '../../fixtures/index/helpers.ts';
import { startPglite } from '../../fixtures/index/postgres.ts';

const answerText = (r: RecordedRequest) => JSON.stringify(r.body ?? {});

test('SHARDS=auto with INDEX_BACKEND=postgres: both shards serve the one build in the database and hot-reload it', async (t) => {
  const db = await startPglite();
  t.after(() => db.stop());
  const ws = await makeWorkspace();
  t.after(() => ws.cleanup());
  await migrate(db.url);
  const config = testConfig(ws.corpusDir, ws.indexDir, { INDEX_BACKEND: 'postgres', DATABASE_URL: db.url });
  const embedder = countingEmbedder();
  await reindex(config, { embedder });

  const fake = await FakeDiscord.start({ shards: 2 });
  t.after(() => fake.close());
  const cwd = await mkdtemp(join(tmpdir(), 'collab-pg-shards-'));
  t.after(() => rm(cwd, { recursive: true, force: true }));
  await mkdir(join(cwd, 'corpus'));
  const bot = startBotProcess(t, cwd, {
    SHARDS: 'auto',
    DISCORD_TOKEN: fake.token,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    INDEX_BACKEND: 'postgres',
    DATABASE_URL: db.url,
    CORPUS_DIR: join(cwd, 'corpus'),
    INDEX_DIR: join(cwd, 'index'),
    EMBEDDINGS: 'hash',
    HASH_DIMENSIONS: String(HASH_DIMENSIONS),
    ASK_WORKERS: '1',
    LOG_LEVEL: 'info',
  });

  await bot.seen(/all 2 shards ready \(of 2 in total\)/, 180_000);
  assert.deepEqual(fake.identifies.map((identify) => identify.shard).sort(), [
    [0, 2],
    [1, 2],
  ]);
  // Each shard process loaded the build from the database (nothing to build: no corpus, no index on disk).
  assert.equal(bot.output().match(/index loaded: 3 documents/g)?.length, 2, bot.output());

  const question = 'Which universities signed an MoU on robotics research?';
  const ask = async () => {
    const interaction = fake.sendSlashCommand({ name: 'ask', options: { question } });
    const ack = await fake.waitForRequest(fake.is.callback(interaction), { timeoutMs: 60_000 });
    assert.equal(ack.body?.type, 5, 'deferred reply');
    return answerText(
      await fake.waitForRequest((r) => fake.is.editOriginal(interaction)(r) && r.status !== 0, {
        timeoutMs: 120_000,
        what: 'the answer',
      }),
    );
  };
  assert.doesNotMatch(await ask(), /Kyoto/);

  // A reindex on another machine (here: this process) publishes a new build to the database.
  await writeFile(
    join(ws.corpusDir, 'kyoto-osaka.md'),
    '---\ntitle: Kyoto and Osaka universities sign robotics MoU\nsource: Test Wire\ndate: 2024-05-01\n---\n\nKyoto University and Osaka University signed a memorandum of understanding on robotics research.\n',
  );
  assert.deepEqual((await reindex(config, { embedder })).added, ['kyoto-osaka']);
  assert.match(await ask(), /Kyoto/);

  assert.deepEqual(await readdir(join(cwd, 'corpus')), []);
  assert.deepEqual(await readdir(join(cwd, 'index')).catch(() => []), [], 'no index on the bot machine');

  const code = await bot.stop(60_000);
  assert.equal(code, 0, bot.output());
});
