import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { silentLogger } from '../src/log.ts';
import { lowerThreadPriority } from '../src/priority.ts';

/** Runs lowerThreadPriority(atLeast) in a fresh worker thread; resolves with what it returned and the thread's nice value. */
function inThread(atLeast: number): Promise<{ returned: number | null; nice: number }> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const module = new URL('../src/priority.ts', import.meta.url).href;
  const code = `
    const { parentPort, workerData } = await import('node:worker_threads');
    const { getPriority } = await import('node:os');
    (await import(${JSON.stringify(tsx)})).register();
    const { lowerThreadPriority } = await import(${JSON.stringify(module)});
    const returned = lowerThreadPriority(workerData, 'TEST_NICE', { warn() {} });
    parentPort.postMessage({ returned: returned ?? null, nice: getPriority(0) });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: atLeast, type: 'module' } as never);
    worker.once('message', (m) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe(
  'lowerThreadPriority',
  { skip: process.platform !== 'linux' && 'niceness is per thread on Linux only' },
  () => {
    test('lowers the calling worker thread only, never the event loop that started it', async () => {
      const before = getPriority(0);
      const result = await inThread(Math.max(before, 7) + 1);
      assert.equal(result.nice, Math.max(before, 7) + 1);
      assert.equal(result.returned, result.nice);
      assert.equal(getPriority(0), before, 'the main thread keeps its priority');
    });

    test('never raises the priority of a thread that is already nicer, and caps at 19', async () => {
      assert.equal((await inThread(40)).nice, 19);
      const before = getPriority(0);
      assert.equal((await inThread(before)).nice, before);
    });

    test('0 asks for nothing', () => {
      assert.equal(lowerThreadPriority(0, 'TEST_NICE', silentLogger), undefined);
    });
  },
);
