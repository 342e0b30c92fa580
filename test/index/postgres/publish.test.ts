// INDEX_BACKEND=postgres against a real PostgreSQL engine with pgvector (PGlite over the wire protocol):
// migrations, a full and an incremental reindex, a reader during a publish, two services hot-reloading one
// build, and the same search results as the local backend.
import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reindex } from '../../../src/index/reindex.ts';
import { openIndex } from '../../../src/index/store.ts';
import { SCHEMA_VERSION, migrate, migrations } from '../../../src/index/postgres/migrate.ts';
import { PostgresBackend } from '../../../src/index/postgres/backend.ts';
import { publishBuild } from '../../../src/index/postgres/publish.ts';
import { readCurrentBuildId } from '../../../src/index/layout.ts';
import { createService } from '../../../src/service/service.ts';
import { silentLogger } from '../../../src/log.ts';
import {
  HASH_DIMENSIONS,
  countingEmbedder,
  editArticle,
  makeWorkspace,
  testConfig,
  type Workspace,
} from '../../fixtures/index/helpers.ts';
import { sql, usePglite } from '../../fixtures/index/postgres.ts';
import type { Config } from '../../../src/config.ts';
import type { IndexSnapshot } from '../../../src/index/types.ts';
import { nearestSql } from '../../../src/index/postgres/snapshot.ts';

const QUERIES = ['cancer research hospital', 'memorandum of understanding', 'AIIMS', 'university medical'];

function pgConfig(ws: Workspace, url: string): Config {
  return testConfig(ws.corpusDir, ws.indexDir, { INDEX_BACKEND: 'postgres', DATABASE_URL: url });
}

async function results(snapshot: IndexSnapshot): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const q of QUERIES) {
    out.push(snapshot.searchLexical(q, 10).map((h) => [h.chunk.id, h.score.toFixed(9), h.chunk.text]));
    out.push((await snapshot.searchDense(q, 10)).map((h) => [h.chunk.id, h.score.toFixed(5)]));
  }
  return out;
}

describe('postgres backend', () => {
  const server = usePglite();
  let ws: Workspace;
  const embedder = countingEmbedder();
  const backends: PostgresBackend[] = [];
  const backend = (config: Config) => {
    const b = new PostgresBackend(config);
    backends.push(b);
    return b;
  };

  beforeEach(async () => {
    ws = await makeWorkspace();
    embedder.embeddings.reset();
  });
  afterEach(async () => {
    for (const b of backends.splice(0)) await b.close();
    await ws.cleanup();
  });

  test('db:migrate creates the schema once; running it again changes nothing', async () => {
    const first = await migrate(server.url);
    assert.deepEqual(first.applied, ['001_index.sql', '002_registry_parties.sql']);
    const second = await migrate(server.url);
    assert.deepEqual(second.applied, []);
    assert.equal(second.version, first.version);
    const tables = await sql<{ t: string }>(
      server.url,
      `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
    );
    assert.deepEqual(
      tables.map((r) => r.t),
      ['builds', 'chunks', 'current_build', 'postings', 'schema_version'],
    );
    assert.deepEqual(await sql(server.url, 'SELECT version FROM schema_version ORDER BY version'), [
      { version: 1 },
      { version: 2 },
    ]);
  });

  test('an older schema: the bot asks for db:migrate, which applies only the newer migrations', async () => {
    const all = migrations();
    assert.ok(all.length >= 2, 'there is a later migration to upgrade to');
    await migrate(server.url, all.slice(0, 1));
    const older = backend(pgConfig(ws, server.url));
    await assert.rejects(
      older.currentBuildId(),
      /schema version 1, this collab-bot needs \d+; run `npm run db:migrate`/,
    );
    const upgrade = await migrate(server.url);
    assert.deepEqual(
      upgrade.applied,
      all.slice(1).map((m) => m.name),
    );
    assert.equal(upgrade.version, SCHEMA_VERSION);
    assert.deepEqual((await migrate(server.url)).applied, []);
    assert.equal(await backend(pgConfig(ws, server.url)).currentBuildId(), undefined);
  });

  test('a full reindex publishes the build; searches rank exactly as the local backend', async () => {
    await migrate(server.url);
    const config = pgConfig(ws, server.url);
    const summary = await reindex(config, { embedder });
    const local = await openIndex(config, embedder);
    const pgIndex = await backend(config).open(embedder);
    assert.equal(pgIndex.buildId, summary.buildId);
    assert.equal(pgIndex.chunks.size, local.chunks.size);
    assert.deepEqual(
      pgIndex.manifest.documents.map((d) => d.id),
      local.manifest.documents.map((d) => d.id),
    );
    assert.deepEqual(await results(pgIndex), await results(local));
    assert.ok((await results(pgIndex)).some((r) => (r as unknown[]).length > 0));
    // Vectors in a pgvector column with an HNSW index of the embedder's dimension.
    const indexes = await sql<{ indexdef: string }>(
      server.url,
      `SELECT indexdef FROM pg_indexes WHERE tablename = 'chunks' AND indexdef LIKE '%hnsw%'`,
    );
    assert.equal(indexes.length, 1);
    assert.match(indexes[0]!.indexdef, /vector_cosine_ops/);
    // ...that the dense query can be served by (the planner may still scan a table this small).
    const [head] = await sql<{ seq: string }>(server.url, 'SELECT build_seq AS seq FROM current_build');
    const query = nearestSql(Number(head!.seq), HASH_DIMENSIONS, await embedder.embeddings.embedQuery('MoU'), 5);
    const client = new pg.Client(server.url);
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      const plan = await client.query(`EXPLAIN ${query}`);
      await client.query('COMMIT');
      assert.match(JSON.stringify(plan.rows), new RegExp(`chunks_embedding_hnsw_${HASH_DIMENSIONS}`));
    } finally {
      await client.end();
    }
    local.close();
  });

  test('an incremental reindex writes only the changed article; the result equals a full rebuild', async () => {
    await migrate(server.url);
    const config = pgConfig(ws, server.url);
    await reindex(config, { embedder });
    const before = await sql<{ n: string }>(server.url, 'SELECT count(*) AS n FROM chunks');
    await editArticle(
      ws,
      'iit-aiims.md',
      'The partners will also open a joint telemedicine centre for rural districts.',
    );
    const summary = await reindex(config, { embedder });
    assert.deepEqual(summary.changed, ['iit-aiims']);
    const [head] = await sql<{ seq: string }>(server.url, 'SELECT build_seq AS seq FROM current_build');
    const written = await sql<{ doc_id: string }>(
      server.url,
      'SELECT DISTINCT doc_id FROM chunks WHERE from_build = $1',
      [head!.seq],
    );
    assert.deepEqual(
      written.map((r) => r.doc_id),
      ['iit-aiims'],
    );
    const total = await sql<{ n: string }>(server.url, 'SELECT count(*) AS n FROM chunks');
    assert.ok(Number(total[0]!.n) > Number(before[0]!.n), 'the previous build stays readable one more round');
    // A posting carries its chunk's build range.
    assert.deepEqual(
      await sql(
        server.url,
        `SELECT count(*)::int AS n FROM postings p JOIN chunks c ON c.seq = p.chunk_seq
         WHERE p.from_build <> c.from_build OR p.until_build IS DISTINCT FROM c.until_build OR p.ordinal <> c.ordinal`,
      ),
      [{ n: 0 }],
    );

    const pgIndex = await backend(config).open(embedder);
    const local = await openIndex(config, embedder);
    assert.deepEqual(await results(pgIndex), await results(local));
    assert.ok(pgIndex.searchLexical('telemedicine rural', 3)[0]?.chunk.text.includes('telemedicine'));
    local.close();

    // A third build collects rows that neither it nor the previous build can see.
    await writeFile(
      join(ws.corpusDir, 'new-one.md'),
      '---\ntitle: Another agreement\n---\n\nA college and a clinic signed an agreement.\n',
    );
    await reindex(config, { embedder });
    const builds = await sql<{ n: string }>(server.url, 'SELECT count(*) AS n FROM builds');
    assert.equal(Number(builds[0]!.n), 2);
  });

  test('a reader keeps its build during and after a publish; a failed publish leaves nothing behind', async () => {
    await migrate(server.url);
    const config = pgConfig(ws, server.url);
    await reindex(config, { embedder });
    const reader = await backend(config).open(embedder);
    const before = await results(reader);

    // Build the next version locally (INDEX_BACKEND=local), then publish it by hand to control the commit.
    await editArticle(ws, 'msu-sechenov.md', 'A second phase adds a shared laboratory for medical imaging.');
    const localConfig = testConfig(ws.corpusDir, ws.indexDir);
    const next = await reindex(localConfig, { embedder });
    const failing = publishBuild(config, ws.indexDir, next.buildId!, {
      atStep: async (step) => {
        if (step === 'inserted') throw new Error('failed half-way');
      },
    });
    await assert.rejects(failing, /failed half-way/);
    const other = backend(config);
    assert.equal(await other.currentBuildId(), reader.buildId);
    assert.deepEqual(await sql(server.url, 'SELECT build_id FROM builds'), [{ build_id: reader.buildId }]);
    assert.deepEqual(await sql(server.url, 'SELECT count(*)::int AS n FROM chunks WHERE until_build IS NOT NULL'), [
      { n: 0 },
    ]);

    // A second reader asking while the publish transaction is open gets a whole build, the old or the new
    // one (PGlite runs one transaction at a time, so here it waits for the commit; a server gives the old).
    let during: Promise<IndexSnapshot> | undefined;
    await publishBuild(config, ws.indexDir, next.buildId!, {
      atStep: async (step) => {
        if (step === 'switched') during = other.open(embedder);
      },
    });
    const seen = await during!;
    assert.equal(seen.buildId, next.buildId);
    assert.equal(seen.chunks.size, seen.manifest.chunkCount);
    // The first reader still answers from its own build, unchanged.
    assert.deepEqual(await results(reader), before);
    assert.equal(await other.currentBuildId(), next.buildId);
    assert.ok(seen.searchLexical('medical imaging laboratory', 3)[0]?.chunk.text.includes('imaging'));
  });

  test('two running services pick up a build published by a third process', async () => {
    await migrate(server.url);
    const config = pgConfig(ws, server.url);
    await reindex(config, { embedder });
    const a = await createService(config, { embedder, logger: silentLogger, prepareIndex: false });
    const b = await createService(config, { embedder, logger: silentLogger, prepareIndex: false });
    try {
      assert.equal((await a.stats()).documents, 3);
      assert.equal((await b.stats()).documents, 3);
      await writeFile(
        join(ws.corpusDir, 'kyoto-osaka.md'),
        '---\ntitle: Kyoto and Osaka universities sign robotics MoU\nsource: Test Wire\ndate: 2024-05-01\n---\n\nKyoto University and Osaka University signed a memorandum of understanding on robotics research.\n',
      );
      const published = await reindex(config, { embedder });
      assert.equal(published.added.length, 1);
      for (const service of [a, b]) {
        assert.equal((await service.stats()).documents, 4);
        const answer = await service.ask('Which universities signed an MoU on robotics research?');
        assert.ok(
          answer.citations.some((c) => c.docId === 'kyoto-osaka'),
          JSON.stringify(answer.citations),
        );
      }
    } finally {
      await a.close();
      await b.close();
    }
    assert.equal(await readCurrentBuildId(ws.indexDir), await backend(config).currentBuildId());
  });
});
