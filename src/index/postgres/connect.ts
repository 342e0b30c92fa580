// Connections to the PostgreSQL of INDEX_BACKEND=postgres, and the one-line errors for what goes wrong
// reaching it: each names the cause and the fix, and never shows the password of DATABASE_URL.
import pg from 'pg';
import { UserError, isUserError } from '../../errors.ts';

/** How long a connection attempt may take before the server counts as unreachable. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** Connections a bot process keeps (dense searches, build checks); lexical reads have their own (sync-client.ts). */
const POOL_SIZE = 4;

/** host:port/database of a DATABASE_URL, without user or password: what messages show. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname || '/'}`;
  } catch {
    return 'DATABASE_URL';
  }
}

export function userOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).username) || 'postgres';
  } catch {
    return '?';
  }
}

export function createPool(url: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

/** A connection error (or a query error) as the UserError that says what to do, else the error itself. */
export function databaseError(error: unknown, url: string): unknown {
  if (isUserError(error)) return error;
  const e = error as { code?: string; message?: string };
  const where = describeDatabase(url);
  const message = e.message ?? String(error);
  const code = e.code ?? '';
  if (
    ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(
      code,
    ) ||
    /timeout|terminated unexpectedly|Connection terminated/i.test(message)
  ) {
    return new UserError(
      'database.unreachable',
      `Cannot reach PostgreSQL at ${where} (${code || message}); start the server or fix the host and port in DATABASE_URL.`,
      { database: where, code },
    );
  }
  if (code === '28P01' || code === '28000') {
    return new UserError(
      'database.auth',
      `PostgreSQL at ${where} refused user "${userOf(url)}" (${message}); fix the user name and password in DATABASE_URL.`,
      { database: where, code },
    );
  }
  if (code === '3D000') {
    return new UserError(
      'database.unreachable',
      `PostgreSQL at ${where} has no such database (${message}); create it (createdb) or fix the database name in DATABASE_URL.`,
      { database: where, code },
    );
  }
  if (/extension "vector"|vector\.control|type "vector" does not exist/i.test(message)) {
    return new UserError(
      'database.noVector',
      `PostgreSQL at ${where} has no pgvector extension (${message}); install pgvector on the server (or use a managed PostgreSQL that offers it) and run \`npm run db:migrate\`.`,
      { database: where, code },
    );
  }
  return error;
}

/** Runs `work` with one client of `pool`; connection and server errors become the UserErrors above. */
export async function withClient<T>(
  pool: pg.Pool,
  url: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw databaseError(error, url);
  }
  try {
    return await work(client);
  } catch (error) {
    throw databaseError(error, url);
  } finally {
    client.release();
  }
}

/** Runs `work` in a transaction: committed when it resolves, rolled back (nothing written) when it throws. */
export async function inTransaction<T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
