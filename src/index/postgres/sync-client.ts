// Synchronous queries for the parts of IndexSnapshot that are synchronous (lexical search, chunk texts):
// the query runs in a worker thread (sync-worker.mjs, its own connection) while this thread waits on an
// Atomics flag, then takes the reply off the port with receiveMessageOnPort — the pattern of synckit. Each
// call blocks this thread for one round trip (well under a millisecond to a server nearby; a lexical search
// makes about one per query term), which keeps the retrieval code the same for both backends.
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { CONNECT_TIMEOUT_MS, databaseError } from './connect.ts';

const WORKER = new URL('./sync-worker.mjs', import.meta.url);
/** A query that takes longer than this (server gone mid-query) fails instead of blocking forever. */
const QUERY_TIMEOUT_MS = CONNECT_TIMEOUT_MS + 20_000;

type Reply<R> = { id: number } & ({ rows: R[] } | { error: { message: string; code?: string } });

export class SyncClient {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private last = 0;

  constructor(private readonly url: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER, {
      workerData: { url, port: port2, signal: this.flag.buffer, connectTimeoutMs: CONNECT_TIMEOUT_MS },
      transferList: [port2],
    });
    // The thread never keeps the process alive; close() ends it.
    this.worker.unref();
    this.port.unref();
  }

  query<R>(sql: string, params: readonly unknown[] = []): R[] {
    const id = ++this.last;
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ id, sql, params });
    const deadline = Date.now() + QUERY_TIMEOUT_MS;
    for (;;) {
      Atomics.wait(this.flag, 0, 0, Math.max(0, deadline - Date.now()));
      const message = receiveMessageOnPort(this.port)?.message as Reply<R> | undefined;
      if (message && message.id !== id) {
        // The late reply of a query that timed out before: dropped, keep waiting for this one's.
        Atomics.store(this.flag, 0, 0);
        continue;
      }
      if (!message) {
        throw databaseError(
          Object.assign(new Error(`no reply within ${QUERY_TIMEOUT_MS} ms`), { code: 'ETIMEDOUT' }),
          this.url,
        );
      }
      if ('error' in message)
        throw databaseError(Object.assign(new Error(message.error.message), message.error), this.url);
      return message.rows;
    }
  }

  async close(): Promise<void> {
    this.port.close();
    await this.worker.terminate();
  }
}
