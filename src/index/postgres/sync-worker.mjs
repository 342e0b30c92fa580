// The thread behind sync-client.ts: runs each query it is sent on its own connection, posts the rows (or the
// error) back on the port and wakes the waiting caller. Plain JavaScript: it needs no TypeScript loader.
import { workerData } from 'node:worker_threads';
import pg from 'pg';

const { url, port, signal, connectTimeoutMs } = workerData;
const flag = new Int32Array(signal);
let client;

async function connection() {
  if (client) return client;
  const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  next.on('error', () => {
    if (client === next) client = undefined;
  });
  await next.connect();
  client = next;
  return client;
}

port.on('message', async ({ id, sql, params }) => {
  let reply;
  try {
    const result = await (await connection()).query(sql, params);
    reply = { id, rows: result.rows };
  } catch (error) {
    if (client && error && typeof error === 'object' && !('code' in error && /^[0-9A-Z]{5}$/.test(error.code))) {
      // A broken connection (not an SQL error): the next query opens a new one.
      client.end().catch(() => {});
      client = undefined;
    }
    reply = { id, error: { message: error?.message ?? String(error), code: error?.code } };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
