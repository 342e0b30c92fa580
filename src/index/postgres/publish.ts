// INDEX_BACKEND=postgres, the writing side: after the reindex has built (incrementally, with its change
// detection and embedding cache) the new build in its work folder INDEX_DIR, this copies what changed into
// PostgreSQL and switches `current_build`, all in ONE transaction: a reader sees the previous build or the
// new one, never a part. Rows whose content is unchanged (same embedder, analyzer, ordinal and chunk) stay
// and get the new build added to their range; only new chunks are inserted with their vectors and postings,
// and chunks that left get their range closed. Rows that neither the new nor the previous build can see are
// deleted afterwards (the previous build stays readable one more round, like the local backend's files).
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import { silentLogger } from '../../log.ts';
import { createAnalyzer } from '../../text/analyze.ts';
import { openBuildReader, readBuildManifest, readBuildVectors } from '../build-files.ts';
import { FIELDS, analyzeDocument, chunkPostings, fieldLengths, groupByDocument } from '../lexical.ts';
import { loadRegistry } from '../registry-store.ts';
import type { StoredChunk } from '../types.ts';
import { createPool, inTransaction, withClient } from './connect.ts';
import { assertSchemaCurrent } from './migrate.ts';
import { inBuild } from './snapshot.ts';

/** Rows sent per INSERT. */
const INSERT_BATCH = 500;
/** Any constant: two publishers at once take turns. */
const PUBLISH_LOCK = 7_140_002;

export interface PublishResult {
  buildId: string;
  /** Chunks inserted (with vectors and postings) and chunks whose range was closed. */
  inserted: number;
  removed: number;
  kept: number;
  /** The database already served this build. */
  unchanged: boolean;
}

/** The writes of a publish, in order; all of them are in one transaction. */
export const PUBLISH_STEPS = ['build', 'closed', 'inserted', 'totals', 'switched'] as const;
export type PublishStep = (typeof PUBLISH_STEPS)[number];

export interface PublishOptions {
  logger?: Logger;
  /**
   * Tests: called inside the open transaction after each step's writes ('switched', the last, is just before
   * the commit), so a test can hold, fail or kill the publish at any point of it.
   */
  atStep?: (step: PublishStep) => Promise<void>;
}

/** Publishes the local build `buildId` of `indexDir` to the database at DATABASE_URL. */
export async function publishBuild(
  config: Config,
  indexDir: string,
  buildId: string,
  options: PublishOptions = {},
): Promise<PublishResult> {
  const url = config.DATABASE_URL!;
  const logger = options.logger ?? silentLogger;
  const manifest = await readBuildManifest(indexDir, buildId);
  const reader = openBuildReader(indexDir, buildId);
  const pool = createPool(url);
  try {
    const lexicalVersion = reader.meta.lexicalVersion;
    const rows = [...reader.chunkRows()];
    const keyOf = (ordinal: number, chunk: StoredChunk) =>
      createHash('sha256')
        .update(`${manifest.embedder.id}\u0000${lexicalVersion}\u0000${ordinal}\u0000${JSON.stringify(chunk)}`)
        .digest('hex');
    const wanted = rows.map((r) => ({ ...r, key: keyOf(r.ordinal, r.chunk) }));
    const loadedRegistry = await loadRegistry(indexDir, buildId);
    const registry = loadedRegistry?.records;
    const step = options.atStep ?? (async () => {});

    const result = await withClient(pool, url, async (client) => {
      await assertSchemaCurrent(client, url);
      return inTransaction(client, async () => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
        const current = (
          await client.query<{ seq: string; build_id: string }>(
            'SELECT b.seq, b.build_id FROM current_build c JOIN builds b ON b.seq = c.build_seq',
          )
        ).rows[0];
        if (current?.build_id === buildId)
          return { buildId, inserted: 0, removed: 0, kept: rows.length, unchanged: true };
        const previousSeq = current ? Number(current.seq) : undefined;
        const seq =
          Number((await client.query<{ n: string }>('SELECT coalesce(max(seq), 0) AS n FROM builds')).rows[0]!.n) + 1;

        // What the live build has, by content key.
        const live = new Map<string, number>();
        if (previousSeq !== undefined) {
          for (const r of (
            await client.query<{ seq: string; content_key: string }>(
              `SELECT seq, content_key FROM chunks WHERE ${inBuild('$1')}`,
              [previousSeq],
            )
          ).rows)
            live.set(r.content_key, Number(r.seq));
        }
        // An article is kept whole or written whole (its aliases and title terms are per article).
        const docsToWrite = new Set(wanted.filter((w) => !live.has(w.key)).map((w) => w.chunk.docId));
        const keep = wanted.filter((w) => !docsToWrite.has(w.chunk.docId)).map((w) => live.get(w.key)!);
        const keepSet = new Set(keep);
        const close = [...live.values()].filter((s) => !keepSet.has(s));
        const fresh = wanted.filter((w) => docsToWrite.has(w.chunk.docId));

        await client.query(
          `INSERT INTO builds (seq, build_id, manifest, lexical_version, embedder_id, dimension, chunk_count, field_totals, registry)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            seq,
            buildId,
            JSON.stringify(manifest),
            lexicalVersion,
            manifest.embedder.id,
            manifest.embedder.dimension,
            rows.length,
            FIELDS.map(() => 0),
            registry === undefined ? null : JSON.stringify(registry),
          ],
        );
        // Migration 002: the registry's party graph, as the local build stores it.
        if (loadedRegistry?.parties)
          await client.query('UPDATE builds SET registry_parties = $2 WHERE seq = $1', [
            seq,
            JSON.stringify(loadedRegistry.parties),
          ]);
        await step('build');
        if (close.length > 0)
          await client.query(`UPDATE chunks SET until_build = $1 WHERE seq = ANY($2::bigint[]);`, [seq, close]);
        if (close.length > 0)
          await client.query('UPDATE postings SET until_build = $1 WHERE chunk_seq = ANY($2::bigint[])', [seq, close]);
        await step('closed');
        await ensureVectorIndex(client, manifest.embedder.dimension);
        if (fresh.length > 0) {
          const vectors = readBuildVectors(
            indexDir,
            buildId,
            manifest.embedder.dimension,
            config.SEARCH_EF,
            reader.meta.deletedSlots,
          );
          await insertChunks(client, seq, manifest.embedder.dimension, fresh, (o) => vectors.vector(o));
        }
        await step('inserted');
        // BM25's field averages over exactly this build's chunks.
        await client.query(
          `UPDATE builds SET field_totals = (
             SELECT array_agg(coalesce(t.total, 0) ORDER BY f.i) FROM generate_series(1, $2::int) AS f(i)
             LEFT JOIN (SELECT u.i, sum(u.l) AS total FROM chunks, unnest(chunks.lengths) WITH ORDINALITY AS u(l, i)
                        WHERE ${inBuild('$1')} GROUP BY u.i) t ON t.i = f.i)
           WHERE seq = $1`,
          [seq, FIELDS.length],
        );
        await step('totals');
        await client.query(
          `INSERT INTO current_build (singleton, build_seq) VALUES (true, $1)
           ON CONFLICT (singleton) DO UPDATE SET build_seq = excluded.build_seq`,
          [seq],
        );
        await step('switched');
        return {
          buildId,
          inserted: fresh.length,
          removed: close.length,
          kept: keep.length,
          unchanged: false,
          seq,
          previousSeq,
        };
      });
    });
    if (!result.unchanged && 'seq' in result) await collect(pool, url, result.previousSeq, logger);
    logger.debug({ ...result }, 'build published to PostgreSQL');
    return {
      buildId,
      inserted: result.inserted,
      removed: result.removed,
      kept: result.kept,
      unchanged: result.unchanged,
    };
  } finally {
    reader.close();
    await pool.end();
  }
}

/** The HNSW index of one embedding dimension (an expression index: the column is untyped). */
async function ensureVectorIndex(client: pg.ClientBase, dimension: number): Promise<void> {
  const d = Math.floor(dimension);
  await client.query(
    `CREATE INDEX IF NOT EXISTS chunks_embedding_hnsw_${d} ON chunks
     USING hnsw ((embedding::vector(${d})) vector_cosine_ops) WHERE dimension = ${d}`,
  );
}

async function insertChunks(
  client: pg.ClientBase,
  seq: number,
  dimension: number,
  fresh: readonly { ordinal: number; chunk: StoredChunk; key: string }[],
  vectorOf: (ordinal: number) => number[],
): Promise<void> {
  const analyzer = createAnalyzer();
  const byOrdinal = new Map(fresh.map((f) => [f.chunk.id, f]));
  for (const docChunks of groupByDocument(fresh.map((f) => f.chunk))) {
    const lexical = analyzeDocument(docChunks, analyzer);
    for (let start = 0; start < docChunks.length; start += INSERT_BATCH) {
      const batch = docChunks.slice(start, start + INSERT_BATCH);
      const entries = batch.map((chunk) => byOrdinal.get(chunk.id)!);
      const terms = batch.map((_, i) => lexical.chunks[start + i]!);
      const inserted = await client.query<{ seq: string; ordinal: number }>(
        `INSERT INTO chunks (from_build, ordinal, chunk_id, doc_id, position, content_key, data, lengths, aliases, dimension, embedding)
         SELECT $1, o, id, doc, pos, k, d, string_to_array(l, ',')::int[], a::jsonb, $2, e::vector
         FROM unnest($3::int[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
           AS t(o, id, doc, pos, k, d, l, a, e)
         RETURNING seq, ordinal`,
        [
          seq,
          dimension,
          entries.map((e) => e.ordinal),
          batch.map((c) => c.id),
          batch.map((c) => c.docId),
          batch.map((c) => c.index),
          entries.map((e) => e.key),
          entries.map((e) => JSON.stringify(e.chunk)),
          terms.map((t) => fieldLengths(t).join(',')),
          batch.map((_, i) => (start + i === 0 && lexical.aliases.length > 0 ? JSON.stringify(lexical.aliases) : null)),
          entries.map((e) => `[${vectorOf(e.ordinal).join(',')}]`),
        ],
      );
      const seqOf = new Map(inserted.rows.map((r) => [r.ordinal, r.seq]));
      const postings = {
        chunk: [] as string[],
        term: [] as string[],
        field: [] as number[],
        ordinal: [] as number[],
        packed: [] as number[],
      };
      batch.forEach((_, i) => {
        const chunkSeq = seqOf.get(entries[i]!.ordinal)!;
        for (const p of chunkPostings(terms[i]!)) {
          postings.chunk.push(chunkSeq);
          postings.term.push(p.term);
          postings.field.push(p.field);
          postings.ordinal.push(entries[i]!.ordinal);
          postings.packed.push(p.packed);
        }
      });
      await client.query(
        `INSERT INTO postings (chunk_seq, term, field, ordinal, packed, from_build)
         SELECT c, t, f, o, p, $6 FROM unnest($1::bigint[], $2::text[], $3::smallint[], $4::int[], $5::bigint[]) AS u(c, t, f, o, p)`,
        [postings.chunk, postings.term, postings.field, postings.ordinal, postings.packed, seq],
      );
    }
  }
}

/** Deletes rows and builds that neither the new build nor the previous one can see. */
async function collect(pool: pg.Pool, url: string, previousSeq: number | undefined, logger: Logger): Promise<void> {
  try {
    await withClient(pool, url, (client) =>
      inTransaction(client, async () => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK]);
        if (previousSeq === undefined) return;
        const gone = await client.query('DELETE FROM chunks WHERE until_build IS NOT NULL AND until_build <= $1', [
          previousSeq,
        ]);
        await client.query('DELETE FROM builds WHERE seq < $1', [previousSeq]);
        if (gone.rowCount) logger.debug({ rows: gone.rowCount }, 'removed chunks of old builds from PostgreSQL');
      }),
    );
    // Fresh statistics for the planner after a large change (autovacuum would do it later).
    await withClient(pool, url, (client) => client.query('ANALYZE chunks; ANALYZE postings; ANALYZE builds;'));
  } catch (error) {
    logger.warn({ err: error }, 'could not remove old builds from PostgreSQL; they only take space');
  }
}

/** Checked before a reindex does any work: the database is reachable, the user accepted, the schema current. */
export async function assertDatabaseReady(config: Config): Promise<void> {
  const url = config.DATABASE_URL!;
  const pool = createPool(url);
  try {
    await withClient(pool, url, (client) => assertSchemaCurrent(client, url));
  } finally {
    await pool.end();
  }
}
