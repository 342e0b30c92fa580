// Schema migrations: plain versioned SQL files in migrations/ (NNN_name.sql), applied in order, each in its
// own transaction together with its row in schema_version, so a failed migration leaves the schema as it
// was. Running them again does nothing (idempotent). A schema newer than this code is refused, never
// "downgraded". A migration tool (node-pg-migrate, postgres-migrations) would add a dependency for the few
// lines below; plain SQL also keeps the schema readable by a database administrator.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type pg from 'pg';
import { UserError } from '../../errors.ts';
import { createPool, databaseError, describeDatabase, inTransaction, withClient } from './connect.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));
/** Any constant: migrations of two processes at once wait for each other. */
const MIGRATION_LOCK = 7_140_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function migrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .map((f) => ({ version: Number(f.slice(0, f.indexOf('_'))), name: f, sql: readFileSync(join(dir, f), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/** The schema version this code reads and writes. */
export const SCHEMA_VERSION = Math.max(...migrations().map((m) => m.version));

async function appliedVersion(client: pg.ClientBase): Promise<number | undefined> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('schema_version')::text AS t`);
  if (!exists.rows[0]?.t) return undefined;
  const row = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
  return row.rows[0]?.v ?? undefined;
}

function newerSchema(where: string, version: number, known: number): UserError {
  return new UserError(
    'database.schemaNewer',
    `The database at ${where} has schema version ${version}, newer than this collab-bot's ${known}; upgrade collab-bot (or point DATABASE_URL at another database).`,
    { database: where, version, known },
  );
}

/** Refuses a database whose schema is not this code's: older → `npm run db:migrate`, newer → upgrade. */
export async function assertSchemaCurrent(client: pg.ClientBase, url: string): Promise<void> {
  const where = describeDatabase(url);
  const version = await appliedVersion(client);
  if (version === SCHEMA_VERSION) return;
  if (version !== undefined && version > SCHEMA_VERSION) throw newerSchema(where, version, SCHEMA_VERSION);
  throw new UserError(
    'database.schemaOutdated',
    version === undefined
      ? `The database at ${where} has no collab-bot schema yet; run \`npm run db:migrate\` once.`
      : `The database at ${where} has schema version ${version}, this collab-bot needs ${SCHEMA_VERSION}; run \`npm run db:migrate\`.`,
    { database: where, ...(version === undefined ? {} : { version }), known: SCHEMA_VERSION },
  );
}

export interface MigrateResult {
  applied: string[];
  version: number;
}

/** Applies the pending migrations to the database at `url`. */
export async function migrate(url: string, list: readonly Migration[] = migrations()): Promise<MigrateResult> {
  const pool = createPool(url);
  const where = describeDatabase(url);
  const known = Math.max(...list.map((m) => m.version));
  try {
    return await withClient(pool, url, async (client) => {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        const current = (await appliedVersion(client)) ?? 0;
        if (current > known) throw newerSchema(where, current, known);
        const applied: string[] = [];
        for (const migration of list.filter((m) => m.version > current)) {
          try {
            await inTransaction(client, async () => {
              // In the migration's transaction: a failed first migration leaves the database as it was.
              await client.query(
                'CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
              );
              await client.query(migration.sql);
              await client.query('INSERT INTO schema_version (version, name) VALUES ($1, $2)', [
                migration.version,
                migration.name,
              ]);
            });
          } catch (error) {
            const typed = databaseError(error, url);
            if (typed !== error) throw typed;
            throw new Error(
              `migration ${migration.name} failed (nothing of it was applied): ${(error as Error).message}`,
              { cause: error },
            );
          }
          applied.push(migration.name);
        }
        return { applied, version: Math.max(current, ...applied.map((n) => Number(n.slice(0, n.indexOf('_'))))) };
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      }
    });
  } finally {
    await pool.end();
  }
}
