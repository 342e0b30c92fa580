// `npm start` with SHARDS=auto against the fake Discord, whose GET /gateway/bot recommends 2 shards:
// discord.js's ShardingManager spawns one bot process per shard, both identify with their own shard id, both
// become ready on the same index, the guild's interactions reach the shard that owns it, and SIGTERM stops
// every shard process. All on 127.0.0.1; every wait is bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeDiscord } from '../fixtures/fake-discord/server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = import.meta.resolve('tsx');

test('SHARDS=auto starts the shards Discord recommends; both identify and become ready; SIGTERM stops them', async (t) => {
  const fake = await FakeDiscord.start({ shards: 2 });
  t.after(() => fake.close());
  const cwd = await mkdtemp(join(tmpdir(), 'collab-shards-'));
  t.after(() => rm(cwd, { recursive: true, force: true }));
  const { PATH = '', HOME = '' } = process.env;
  const manager = spawn(process.execPath, ['--import', TSX, join(ROOT, 'src/discord/main.ts')], {
    cwd,
    env: {
      PATH,
      HOME,
      SHARDS: 'auto',
      DISCORD_TOKEN: fake.token,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_DIR: join(ROOT, 'test/fixtures/index/corpus'),
      INDEX_DIR: join(cwd, 'index'),
      EMBEDDINGS: 'hash',
      ASK_WORKERS: '1',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(manager, 'exit');
  t.after(() => {
    if (manager.exitCode === null && manager.signalCode === null) manager.kill('SIGKILL');
  });
  let output = '';
  const seen = (pattern: RegExp, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(output)) return;
        clearTimeout(timer);
        manager.stdout.off('data', check);
        manager.stderr.off('data', check);
        resolve();
      };
      const timer = setTimeout(
        () => reject(new Error(`not seen within ${timeoutMs} ms: ${pattern}\n${output}`)),
        timeoutMs,
      );
      manager.stdout.on('data', check);
      manager.stderr.on('data', check);
      check();
    });
  for (const stream of [manager.stdout, manager.stderr]) stream.on('data', (chunk) => (output += String(chunk)));

  // discord.js waits 5.5 s between two shards' start (Discord's identify rate); the first one builds the index.
  await seen(/all 2 shards ready \(of 2 in total\)/, 120_000);
  assert.deepEqual(
    fake.identifies.map((identify) => identify.shard).sort(),
    [
      [0, 2],
      [1, 2],
    ],
    'one IDENTIFY per shard, each with its own id',
  );
  assert.match(output, /shard 0 ready/);
  assert.match(output, /shard 1 ready/);
  assert.equal(
    fake.requests.filter((r) => r.method === 'GET' && r.path === '/gateway/bot').length >= 1,
    true,
    'SHARDS=auto asked the configured API (not discord.com) for the count',
  );

  // The guild lives on one shard; its /ask is acknowledged by that shard's bot.
  const interaction = fake.sendSlashCommand({ name: 'ask', options: { question: 'Who signed the MoU?' } });
  const ack = await fake.waitForRequest(fake.is.callback(interaction), { timeoutMs: 30_000 });
  assert.equal(ack.body?.type, 5, 'deferred reply');

  manager.kill('SIGTERM');
  let bound: NodeJS.Timeout | undefined;
  const [code] = (await Promise.race([
    exited,
    new Promise((_, reject) => {
      bound = setTimeout(() => reject(new Error(`no exit after SIGTERM\n${output}`)), 30_000);
    }),
  ]).finally(() => clearTimeout(bound))) as [number | null];
  assert.equal(code, 0, output);
  assert.match(output, /stopping every shard/);
});
