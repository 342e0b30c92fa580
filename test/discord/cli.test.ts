// The two Discord entry points as users run them: `npm run register` against the fake Discord, and
// `npm start` without its required settings, with --help, and when Discord refuses the login.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GatewayIntentBits, InteractionResponseType, PermissionFlagsBits } from 'discord-api-types/v10';
import { FakeDiscord } from '../fixtures/fake-discord/server.ts';
import { runEntry } from '../fixtures/run-entry.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** Runs a TypeScript entry point in a fresh temp directory (so no .env is read) with exactly `env`. */
async function runScript(script: string, args: string[], env: Record<string, string>) {
  const cwd = await mkdtemp(join(tmpdir(), 'collab-cli-'));
  try {
    return await runEntry(script, args, { cwd, env, timeoutMs: 60_000 });
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

test('npm run register PUTs the full command list to the guild, idempotently', async (t) => {
  const fake = await FakeDiscord.start();
  t.after(() => fake.close());
  const env = {
    DISCORD_TOKEN: fake.token,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: fake.guildId,
  };

  const first = await runScript('scripts/register-commands.ts', [], env);
  assert.equal(first.code, 0, first.stderr);
  assert.match(
    first.stdout,
    new RegExp(`Registered 5 commands in guild ${fake.guildId}: /ask, /sources, /collaborations, /reindex, /help`),
  );
  const afterFirst = structuredClone(fake.commands.guild.get(fake.guildId));
  const second = await runScript('scripts/register-commands.ts', [], env);
  assert.equal(second.code, 0, second.stderr);

  const puts = fake.requests.filter((r) => r.method === 'PUT');
  assert.deepEqual(
    puts.map((r) => r.path),
    Array(2).fill(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`),
  );
  assert.deepEqual(puts[0]!.body, puts[1]!.body, 'the same full list both times');
  assert.deepEqual(
    fake.commands.guild.get(fake.guildId)!.map((c) => [c.name, c.id]),
    afterFirst!.map((c) => [c.name, c.id]),
  );

  const ask = puts[0]!.body.find((c: { name: string }) => c.name === 'ask');
  assert.deepEqual(
    ask.options.map((o: { name: string; required?: boolean }) => [o.name, o.required ?? false]),
    [
      ['question', true],
      ['public', false],
    ],
  );
  const reindex = puts[0]!.body.find((c: { name: string }) => c.name === 'reindex');
  assert.equal(reindex.default_member_permissions, PermissionFlagsBits.ManageGuild.toString());

  const global = await runScript('scripts/register-commands.ts', ['--global'], env);
  assert.equal(global.code, 0, global.stderr);
  assert.equal(fake.requests.at(-1)!.path, `/applications/${fake.applicationId}/commands`);
  assert.equal(fake.commands.global.length, 5);
});

test('npm start without DISCORD_TOKEN or DISCORD_CLIENT_ID exits at once with one line naming the variable', async () => {
  const noToken = await runScript('src/discord/main.ts', [], {});
  assert.equal(noToken.code, 1);
  assert.equal(noToken.stdout, '');
  const lines = noToken.stderr.trim().split('\n');
  assert.equal(lines.length, 1, noToken.stderr);
  assert.match(lines[0]!, /DISCORD_TOKEN/);
  assert.match(lines[0]!, /\.env\.example/);

  const noClientId = await runScript('src/discord/main.ts', [], { DISCORD_TOKEN: 'some-token' });
  assert.equal(noClientId.code, 1);
  assert.match(noClientId.stderr.trim(), /^DISCORD_CLIENT_ID is not set.*\.env\.example/);
  assert.doesNotMatch(noClientId.stderr, /some-token/);
});

test('npm start with an unwritable FEEDBACK_LOG exits at once with one line naming the variable', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'collab-feedback-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  // A regular file where the log's folder should be: unwritable for any user, root included.
  await writeFile(join(dir, 'not-a-folder'), 'x');
  const path = join(dir, 'not-a-folder', 'feedback.jsonl');
  const run = await runScript('src/discord/main.ts', [], {
    DISCORD_TOKEN: 'some-token',
    DISCORD_CLIENT_ID: '123456789012345678',
    FEEDBACK_LOG: path,
  });
  assert.equal(run.code, 1);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  assert.match(
    lines[0]!,
    new RegExp(
      `^FEEDBACK_LOG=${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not writable \\((ENOTDIR|EEXIST)\\): point FEEDBACK_LOG at a file`,
    ),
  );
});

test('npm start with a missing corpus exits with the plain line naming CORPUS_DIR, not a JSON log record', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'collab-nocorpus-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const run = await runScript('src/discord/main.ts', [], {
    DISCORD_TOKEN: 'some-token',
    DISCORD_CLIENT_ID: '123456789012345678',
    EMBEDDINGS: 'hash',
    CORPUS_DIR: join(dir, 'missing'),
    INDEX_DIR: join(dir, 'index'),
    FEEDBACK_LOG: join(dir, 'feedback.jsonl'),
  });
  assert.equal(run.code, 1);
  const last = run.stderr.trim().split('\n').at(-1)!;
  assert.match(last, /^Invalid CORPUS_DIR=".*missing": .* is not a directory\. Point CORPUS_DIR/);
  assert.doesNotMatch(run.stderr, /"level":60/);
});

test('npm start loads the index, logs one summary line, answers, and shuts down cleanly on SIGTERM', async (t) => {
  const fake = await FakeDiscord.start();
  const dir = await mkdtemp(join(tmpdir(), 'collab-start-'));
  t.after(async () => {
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  });
  await cp(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
  const { PATH = '', HOME = '' } = process.env;
  const child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'src/discord/main.ts')], {
    cwd: dir,
    env: {
      PATH,
      HOME,
      DISCORD_TOKEN: fake.token,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_DIR: 'corpus',
      INDEX_DIR: 'index',
      EMBEDDINGS: 'hash',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const exited = once(child, 'exit');
  t.after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  await fake.waitForIdentify({ timeoutMs: 60_000 });
  const ask = fake.sendSlashCommand({ name: 'ask', options: { question: 'Which hospitals signed an MoU?' } });
  const ack = await fake.waitForRequest(fake.is.callback(ask), { timeoutMs: 10_000 });
  assert.equal(ack.body.type, InteractionResponseType.DeferredChannelMessageWithSource);
  // Answered by an answer worker of the pooled service: the edit carries the sources, not an apology.
  const answer = await fake.waitForRequest(fake.is.editOriginal(ask), { timeoutMs: 60_000 });
  assert.ok(
    answer.body.embeds?.[0]?.fields?.some((f: { name: string }) => f.name === 'Sources'),
    JSON.stringify(answer.body),
  );

  child.kill('SIGTERM');
  const [code] = await exited;
  assert.equal(code, 0, stderr);
  const logs = stderr
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const loaded = logs.filter(
    (l) => typeof l['documents'] === 'number' && typeof l['chunks'] === 'number' && typeof l['embedder'] === 'string',
  );
  assert.equal(loaded.length, 1, 'one line with documents, chunks and embedder');
  assert.match(String(loaded[0]!['embedder']), /^hash/);
  assert.ok(
    logs.some((l) => l['msg'] === 'stopped'),
    'shut down through the graceful path',
  );
  assert.ok(!stderr.includes(fake.token), 'the token is never logged');
});

test('npm start -- --help prints the usage without loading anything; other arguments are a usage error', async () => {
  const help = await runScript('src/discord/main.ts', ['--help'], {});
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /^Usage: npm start/);
  assert.match(help.stdout, /\.env/);
  assert.equal(help.stderr, '');
  const wrong = await runScript('src/discord/main.ts', ['--port', '80'], {});
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /takes no arguments \(got --port 80\)/);
});

/** npm start against the fake, with the corpus of the repo and a throwaway index; `lines`: what is not a JSON log line. */
async function startAgainst(fake: FakeDiscord, token: string) {
  const result = await runScript('src/discord/main.ts', [], {
    DISCORD_TOKEN: token,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    CORPUS_DIR: join(ROOT, 'corpus'),
    INDEX_DIR: 'index',
    EMBEDDINGS: 'hash',
    LOG_LEVEL: 'warn',
  });
  return {
    ...result,
    lines: result.stderr
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('{')),
  };
}

test('npm start names the cause of a failed login in one line: an invalid token, disallowed intents', async (t) => {
  const fake = await FakeDiscord.start({ disallowedIntents: GatewayIntentBits.GuildMessages });
  t.after(() => fake.close());

  const badToken = await startAgainst(fake, 'not-the-token');
  assert.equal(badToken.code, 1);
  assert.deepEqual(badToken.lines.length, 1, badToken.stderr);
  assert.match(badToken.lines[0]!, /^Discord rejected DISCORD_TOKEN \(401 Unauthorized\): .*Reset Token/);
  assert.doesNotMatch(badToken.stderr, /not-the-token/);

  const intents = await startAgainst(fake, fake.token);
  assert.equal(intents.code, 1);
  assert.deepEqual(intents.lines.length, 1, intents.stderr);
  assert.match(intents.lines[0]!, /4014, disallowed intents.*Privileged Gateway Intents/);
});

test('npm run register names a refused connection and an invalid token in one line', async (t) => {
  const fake = await FakeDiscord.start();
  t.after(() => fake.close());
  const env = { DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId };

  // Port 9 (discard) on the loopback interface: nothing listens there, so the connection is refused at once.
  const refused = await runScript('scripts/register-commands.ts', [], {
    ...env,
    DISCORD_API_URL: 'http://127.0.0.1:9/api',
  });
  assert.equal(refused.code, 1);
  assert.equal(refused.stderr.trim().split('\n').length, 1, refused.stderr);
  assert.match(refused.stderr, /refused the connection \(ECONNREFUSED\)\. Check DISCORD_API_URL/);

  const badToken = await runScript('scripts/register-commands.ts', [], {
    ...env,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_TOKEN: 'wrong',
  });
  assert.equal(badToken.code, 1);
  assert.match(badToken.stderr.trim(), /^Discord rejected DISCORD_TOKEN \(401 Unauthorized\)/);
});
