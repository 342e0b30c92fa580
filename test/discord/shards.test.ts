// `npm start` with SHARDS=auto against the fake Discord, whose GET /gateway/bot recommends 2 shards:
// discord.js's ShardingManager spawns one bot process per shard, both identify with their own shard id, both
// become ready on the same index, the guild's interactions reach the shard that owns it, and SIGTERM stops
// every shard process. All on 127.0.0.1; every wait is bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBotProcess } from '../fixtures/fake-discord/bot-process.ts';
import { FakeDiscord } from '../fixtures/fake-discord/server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('SHARDS=auto starts the shards Discord recommends; both identify and become ready; SIGTERM stops them', async (t) => {
  const fake = await FakeDiscord.start({ shards: 2 });
  t.after(() => fake.close());
  const cwd = await mkdtemp(join(tmpdir(), 'collab-shards-'));
  t.after(() => rm(cwd, { recursive: true, force: true }));
  const bot = startBotProcess(t, cwd, {
    SHARDS: 'auto',
    DISCORD_TOKEN: fake.token,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    CORPUS_DIR: join(ROOT, 'test/fixtures/index/corpus'),
    INDEX_DIR: join(cwd, 'index'),
    EMBEDDINGS: 'hash',
    ASK_WORKERS: '1',
    LOG_LEVEL: 'info',
  });

  // discord.js waits 5.5 s between two shards' start (Discord's identify rate); the first one builds the index.
  await bot.seen(/all 2 shards ready \(of 2 in total\)/, 120_000);
  assert.deepEqual(
    fake.identifies.map((identify) => identify.shard).sort(),
    [
      [0, 2],
      [1, 2],
    ],
    'one IDENTIFY per shard, each with its own id',
  );
  assert.match(bot.output(), /shard 0 ready/);
  assert.match(bot.output(), /shard 1 ready/);
  assert.equal(
    fake.requests.filter((r) => r.method === 'GET' && r.path === '/gateway/bot').length >= 1,
    true,
    'SHARDS=auto asked the configured API (not discord.com) for the count',
  );

  // The guild lives on one shard; its /ask is acknowledged by that shard's bot.
  const interaction = fake.sendSlashCommand({ name: 'ask', options: { question: 'Who signed the MoU?' } });
  const ack = await fake.waitForRequest(fake.is.callback(interaction), { timeoutMs: 30_000 });
  assert.equal(ack.body?.type, 5, 'deferred reply');

  const code = await bot.stop(30_000);
  assert.equal(code, 0, bot.output());
  assert.match(bot.output(), /stopping every shard/);
});
