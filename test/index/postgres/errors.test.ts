// INDEX_BACKEND=postgres, bad input: each failure is one line naming the cause and the fix, and nothing is
// half-written. PGlite does not check passwords, so wrong credentials are tested against a stand-in server
// that answers the PostgreSQL start-up as a server does when the password is wrong (SQLSTATE 28P01).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { migrate, SCHEMA_VERSION } from '../../../src/index/postgres/migrate.ts';
import { PostgresBackend } from '../../../src/index/postgres/backend.ts';
import { reindex } from '../../../src/index/reindex.ts';
import { readCurrentBuildId } from '../../../src/index/layout.ts';
import { ConfigError, loadConfig } from '../../../src/config.ts';
import { isUserError, type UserErrorId } from '../../../src/errors.ts';
import { countingEmbedder, makeWorkspace, testConfig } from '../../fixtures/index/helpers.ts';
import { sql, startPglite, usePglite } from '../../fixtures/index/postgres.ts';

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

  test('an unreachable database: one line, before the reindex builds anything', async () => {
    const url = `postgres://collab:secret@127.0.0.1:${await freePort()}/collab`;
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

  test('wrong credentials: one line naming the user and DATABASE_URL', async () => {
    const { server: fake, port } = await wrongPasswordServer();
    try {
      const url = `postgres://collab:secret@127.0.0.1:${port}/collab`;
      await assert.rejects(
        migrate(url),
        oneLine('database.auth', /refused user "collab".*fix the user name and password in DATABASE_URL/),
      );
    } finally {
      await new Promise<void>((resolve) => fake.close(() => resolve()));
    }
  });

  test('a server without pgvector: one line, and no table of the schema is created', async () => {
    const bare = await startPglite({ vector: false });
    try {
      await assert.rejects(migrate(bare.url), oneLine('database.noVector', /no pgvector extension.*install pgvector/));
      const tables = await sql<{ t: string }>(
        bare.url,
        `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`,
      );
      assert.deepEqual(
        tables.map((r) => r.t),
        ['schema_version'],
      );
      assert.deepEqual(await sql(bare.url, 'SELECT * FROM schema_version'), []);
    } finally {
      await bare.stop();
    }
  });

  test('a schema newer than the code is refused by db:migrate and by the bot; an unmigrated one asks for db:migrate', async () => {
    const config = loadConfig({ INDEX_BACKEND: 'postgres', DATABASE_URL: server.url });
    const fresh = new PostgresBackend(config);
    await assert.rejects(fresh.currentBuildId(), oneLine('database.schemaOutdated', /run `npm run db:migrate`/));
    await fresh.close();

    await migrate(server.url);
    await sql(server.url, `INSERT INTO schema_version (version, name) VALUES (999, '999_future.sql')`);
    await assert.rejects(
      migrate(server.url),
      oneLine(
        'database.schemaNewer',
        new RegExp(`schema version 999, newer than this collab-bot's ${SCHEMA_VERSION}; upgrade collab-bot`),
      ),
    );
    const backend = new PostgresBackend(config);
    await assert.rejects(backend.open(countingEmbedder()), oneLine('database.schemaNewer', /upgrade collab-bot/));
    await backend.close();
    assert.deepEqual(await sql(server.url, 'SELECT count(*)::int AS n FROM builds'), [{ n: 0 }]);
  });

  test('no build yet: index.missing names `npm run reindex`', async () => {
    await migrate(server.url);
    const backend = new PostgresBackend(loadConfig({ INDEX_BACKEND: 'postgres', DATABASE_URL: server.url }));
    await assert.rejects(backend.open(countingEmbedder()), oneLine('index.missing', /npm run reindex/));
    await backend.close();
  });
});
