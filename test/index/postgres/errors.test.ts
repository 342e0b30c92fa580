// INDEX_BACKEND=postgres, bad input: each failure is one line naming the cause and the fix, and nothing is
// half-written. Checked through the real commands (`npm run db:migrate`, `npm run reindex` as child
// processes: exit code 1 and exactly one line on stderr) and through the bot's backend. PGlite does not check
// passwords, so wrong credentials are tested against a stand-in server on 127.0.0.1 that answers the
// PostgreSQL start-up as a server does when the password is wrong (SQLSTATE 28P01).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA_VERSION, migrate } from '../../../src/index/postgres/migrate.ts';
import { PostgresBackend } from '../../../src/index/postgres/backend.ts';
import { reindex } from '../../../src/index/reindex.ts';
import { readCurrentBuildId } from '../../../src/index/layout.ts';
import { ConfigError, loadConfig } from '../../../src/config.ts';
import { isUserError, type UserErrorId } from '../../../src/errors.ts';
import { FIXTURE_CORPUS, countingEmbedder, makeWorkspace, testConfig } from '../../fixtures/index/helpers.ts';
import { sql, startPglite, usePglite } from '../../fixtures/index/postgres.ts';
import { runEntry } from '../../fixtures/run-entry.ts';

/** A command that does not exit by then is killed (and the test fails): a bound, not a speed requirement. */
const COMMAND_BOUND_MS = 180_000;

interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The command's INDEX_DIR: what it left on disk. */
  indexFiles: string[];
}

/**
 * Runs `npm run <script>` (scripts/<script>.ts under tsx, as npm does) in an empty folder (no .env) with only
 * these settings, as a person would with a wrong DATABASE_URL.
 */
async function command(script: 'db-migrate' | 'reindex', env: Record<string, string>): Promise<CommandRun> {
  const cwd = await mkdtemp(join(tmpdir(), 'collab-pg-command-'));
  try {
    const settings = { CORPUS_DIR: FIXTURE_CORPUS, INDEX_DIR: join(cwd, 'index'), EMBEDDINGS: 'hash', ...env };
    const run = await runEntry(`scripts/${script}.ts`, [], { cwd, env: settings, timeoutMs: COMMAND_BOUND_MS });
    const indexFiles = await readdir(join(cwd, 'index'), { recursive: true }).catch(() => [] as string[]);
    return { ...run, indexFiles: indexFiles.map(String) };
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/** The command failed with exit code 1 and exactly one line on stderr, matching `pattern`, no password. */
function assertOneLine(run: CommandRun, pattern: RegExp): void {
  assert.equal(run.code, 1, `exit code\n${run.stdout}${run.stderr}`);
  const lines = run.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${run.stderr}`);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(run.stderr + run.stdout, /secret/, 'the password is never shown');
}

function oneLine(id: UserErrorId, pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(isUserError(error, id), `expected UserError ${id}, got ${String(error)}`);
    assert.doesNotMatch(error.message, /\n/);
    assert.match(error.message, pattern);
    assert.doesNotMatch(error.message, /secret/, 'the password is never shown');
    return true;
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Answers any start-up with a cleartext password request, then with "password authentication failed". */
async function wrongPasswordServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    let stage = 0;
    socket.on('data', () => {
      if (stage++ === 0) {
        const auth = Buffer.alloc(9);
        auth.write('R', 0);
        auth.writeInt32BE(8, 1);
        auth.writeInt32BE(3, 5);
        socket.write(auth);
        return;
      }
      const fields = ['SFATAL', 'VFATAL', 'C28P01', 'Mpassword authentication failed for user "collab"'];
      const body = Buffer.concat([...fields.map((f) => Buffer.from(`${f}\0`)), Buffer.from([0])]);
      const head = Buffer.alloc(5);
      head.write('E', 0);
      head.writeInt32BE(body.length + 4, 1);
      socket.end(Buffer.concat([head, body]));
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

describe('postgres backend: bad input', () => {
  const server = usePglite();

  test('INDEX_BACKEND and DATABASE_URL are validated, naming the variable and the fix', () => {
    assert.throws(
      () => loadConfig({ INDEX_BACKEND: 'mysql' }),
      (e: unknown) => e instanceof ConfigError && e.variable === 'INDEX_BACKEND' && /local, postgres/.test(e.message),
    );
    assert.throws(
      () => loadConfig({ INDEX_BACKEND: 'postgres' }),
      (e: unknown) =>
        e instanceof ConfigError && e.variable === 'DATABASE_URL' && /INDEX_BACKEND=local/.test(e.message),
    );
    assert.throws(
      () => loadConfig({ INDEX_BACKEND: 'postgres', DATABASE_URL: 'http://user:secret@db/x' }),
      (e: unknown) =>
        e instanceof ConfigError &&
        e.variable === 'DATABASE_URL' &&
        /postgres:\/\//.test(e.message) &&
        !e.message.includes('secret'),
    );
    assert.equal(loadConfig({}).INDEX_BACKEND, 'local');
  });

  test('an unreachable database: one line from db:migrate and reindex, before the reindex builds anything', async () => {
    const url = `postgres://collab:secret@127.0.0.1:${await freePort()}/collab`;
    const unreachable =
      /^Cannot reach PostgreSQL at 127\.0\.0\.1:\d+\/collab \(ECONNREFUSED\); start the server or fix the host and port in DATABASE_URL\.$/;
    assertOneLine(await command('db-migrate', { DATABASE_URL: url }), unreachable);
    const reindexRun = await command('reindex', { INDEX_BACKEND: 'postgres', DATABASE_URL: url });
    assertOneLine(reindexRun, unreachable);
    assert.deepEqual(reindexRun.indexFiles, [], 'no local build was made either');

    await assert.rejects(
      migrate(url),
      oneLine('database.unreachable', /Cannot reach PostgreSQL at 127\.0\.0\.1:\d+\/collab.*DATABASE_URL/),
    );
    const backend = new PostgresBackend(loadConfig({ INDEX_BACKEND: 'postgres', DATABASE_URL: url }));
    await assert.rejects(backend.currentBuildId(), oneLine('database.unreachable', /start the server/));
    await backend.close();
    const ws = await makeWorkspace();
    try {
      const config = testConfig(ws.corpusDir, ws.indexDir, { INDEX_BACKEND: 'postgres', DATABASE_URL: url });
      await assert.rejects(
        reindex(config, { embedder: countingEmbedder() }),
        oneLine('database.unreachable', /DATABASE_URL/),
      );
      assert.equal(await readCurrentBuildId(ws.indexDir), undefined, 'no local build was made either');
    } finally {
      await ws.cleanup();
    }
  });

  test('wrong credentials: one line naming the user and DATABASE_URL, from db:migrate, reindex and the bot', async () => {
    const { server: fake, port } = await wrongPasswordServer();
    try {
      const url = `postgres://collab:secret@127.0.0.1:${port}/collab`;
      const refused =
        /^PostgreSQL at 127\.0\.0\.1:\d+\/collab refused user "collab" \(password authentication failed for user "collab"\); fix the user name and password in DATABASE_URL\.$/;
      assertOneLine(await command('db-migrate', { DATABASE_URL: url }), refused);
      const reindexRun = await command('reindex', { INDEX_BACKEND: 'postgres', DATABASE_URL: url });
      assertOneLine(reindexRun, refused);
      assert.deepEqual(reindexRun.indexFiles, [], 'no local build was made either');
      await assert.rejects(
        migrate(url),
        oneLine('database.auth', /refused user "collab".*fix the user name and password in DATABASE_URL/),
      );
      const backend = new PostgresBackend(loadConfig({ INDEX_BACKEND: 'postgres', DATABASE_URL: url }));
      await assert.rejects(backend.open(countingEmbedder()), oneLine('database.auth', /DATABASE_URL/));
      await backend.close();
    } finally {
      await new Promise<void>((resolve) => fake.close(() => resolve()));
    }
  });

  test('a server without pgvector: one line from db:migrate, and nothing is created', async () => {
    const bare = await startPglite({ vector: false });
    try {
      assertOneLine(
        await command('db-migrate', { DATABASE_URL: bare.url }),
        /^PostgreSQL at 127\.0\.0\.1:\d+\/postgres has no pgvector extension \(.*\); install pgvector on the server \(or use a managed PostgreSQL that offers it\) and run `npm run db:migrate`\.$/,
      );
      await assert.rejects(migrate(bare.url), oneLine('database.noVector', /no pgvector extension.*install pgvector/));
      // Not even the migrations' own bookkeeping table: the failed migration's transaction held it too.
      assert.deepEqual(await sql(bare.url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`), []);
      // The bot and the reindex, before db:migrate succeeded, ask for it.
      const reindexRun = await command('reindex', { INDEX_BACKEND: 'postgres', DATABASE_URL: bare.url });
      assertOneLine(reindexRun, /has no collab-bot schema yet; run `npm run db:migrate` once\.$/);
      assert.deepEqual(reindexRun.indexFiles, []);
    } finally {
      await bare.stop();
    }
  });

  test('a schema newer than the code is refused by db:migrate, reindex and the bot; an unmigrated one asks for db:migrate', async () => {
    const config = loadConfig({ INDEX_BACKEND: 'postgres', DATABASE_URL: server.url });
    const fresh = new PostgresBackend(config);
    await assert.rejects(fresh.currentBuildId(), oneLine('database.schemaOutdated', /run `npm run db:migrate`/));
    await fresh.close();

    await migrate(server.url);
    await sql(server.url, `INSERT INTO schema_version (version, name) VALUES (999, '999_future.sql')`);
    const versions = await sql(server.url, 'SELECT version, name, applied_at FROM schema_version ORDER BY version');
    const newer = new RegExp(
      `^The database at 127\\.0\\.0\\.1:\\d+/postgres has schema version 999, newer than this collab-bot's ${SCHEMA_VERSION}; upgrade collab-bot \\(or point DATABASE_URL at another database\\)\\.$`,
    );
    assertOneLine(await command('db-migrate', { DATABASE_URL: server.url }), newer);
    const reindexRun = await command('reindex', { INDEX_BACKEND: 'postgres', DATABASE_URL: server.url });
    assertOneLine(reindexRun, newer);
    assert.deepEqual(reindexRun.indexFiles, [], 'no local build was made either');
    await assert.rejects(migrate(server.url), oneLine('database.schemaNewer', newer));
    const backend = new PostgresBackend(config);
    await assert.rejects(backend.open(countingEmbedder()), oneLine('database.schemaNewer', /upgrade collab-bot/));
    await backend.close();
    // Nothing was written: no build, no migration recorded or undone.
    assert.deepEqual(await sql(server.url, 'SELECT count(*)::int AS n FROM builds'), [{ n: 0 }]);
    assert.deepEqual(
      await sql(server.url, 'SELECT version, name, applied_at FROM schema_version ORDER BY version'),
      versions,
    );
  });

  test('no build yet: index.missing names `npm run reindex`', async () => {
    await migrate(server.url);
    const backend = new PostgresBackend(loadConfig({ INDEX_BACKEND: 'postgres', DATABASE_URL: server.url }));
    await assert.rejects(backend.open(countingEmbedder()), oneLine('index.missing', /npm run reindex/));
    await backend.close();
  });
});
