#!/usr/bin/env node
// A throwaway PostgreSQL (PGlite, WASM) with pgvector, served over the wire protocol on 127.0.0.1 so `pg`
// connects to it exactly as to a server. For tests and `npm run bench -- --backend postgres` without a
// DATABASE_URL: no system service needed. Prints one JSON line {"port": N} once listening; stops on SIGTERM,
// SIGINT or when its parent closes stdin. A line `stats` on stdin is answered with one JSON line of the socket
// server's counts ({"stats": {"activeConnections", "queuedQueries", ...}}): tests use it to know that a query
// is waiting behind an open transaction. `--no-vector` starts it without the pgvector extension (to test
// that error). Data lives in memory only.
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const withVector = !process.argv.includes('--no-vector');
const db = await PGlite.create(withVector ? { extensions: { vector } } : {});
// Several clients at once (a reader pool, the synchronous reader thread, a publisher): queries are queued.
const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 32 });
await server.start();
const conn = server.getServerConn();
const port = Number(conn.slice(conn.lastIndexOf(':') + 1));
process.stdout.write(`${JSON.stringify({ port })}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => {});
  await db.close().catch(() => {});
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
let input = '';
process.stdin.on('data', (data) => {
  input += data.toString();
  for (let end = input.indexOf('\n'); end !== -1; end = input.indexOf('\n')) {
    const line = input.slice(0, end).trim();
    input = input.slice(end + 1);
    if (line === 'stats') process.stdout.write(`${JSON.stringify({ stats: server.getStats() })}\n`);
  }
});
