// Two first runs at once on a fresh index: the second waits for the build in progress (another process
// holds the reindex lock) and answers from it, instead of failing; the wait is bounded.
import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HASH_DIMENSIONS, makeWorkspace, type Workspace } from '../fixtures/index/helpers.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('../fixtures/index/reindex-child.ts', import.meta.url));
const ASK = join(REPO, 'src', 'cli', 'ask.ts');
const TSX = import.meta.resolve('tsx');
const PROCESS_TIMEOUT_MS = 60_000;

interface Running {
  child: ChildProcessWithoutNullStreams;
  output: { stdout: string; stderr: string };
  /** Resolves once `pattern` appears in stdout or stderr. */
  saw(pattern: RegExp): Promise<void>;
  ended: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function start(args: string[], env: Record<string, string>, cwd: string): Running {
  const child = spawn(process.execPath, ['--import', TSX, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(output.stdout) || waiter.pattern.test(output.stderr)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout.on('data', (d: Buffer) => ((output.stdout += d.toString()), check()));
  child.stderr.on('data', (d: Buffer) => ((output.stderr += d.toString()), check()));
  const timer = setTimeout(() => child.kill('SIGKILL'), PROCESS_TIMEOUT_MS);
  const ended = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ...output });
    });
  });
  const saw = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      waiters.push({ pattern, resolve });
      check();
      void ended.then(() =>
        reject(
          new Error(`process ended before printing ${pattern}; stdout: ${output.stdout}; stderr: ${output.stderr}`),
        ),
      );
    });
  return { child, output, saw, ended };
}

describe('concurrent first runs', () => {
  let ws: Workspace;
  let env: Record<string, string>;
  beforeEach(async () => {
    ws = await makeWorkspace();
    // The settings of testConfig (the child reindex's), so both processes build and read the same index.
    env = {
      CORPUS_DIR: ws.corpusDir,
      INDEX_DIR: ws.indexDir,
      EMBEDDINGS: 'hash',
      HASH_DIMENSIONS: String(HASH_DIMENSIONS),
      CHUNK_SIZE: '200',
      CHUNK_OVERLAP: '40',
      LLM_PROVIDER: 'none',
    };
  });
  afterEach(async () => {
    await ws.cleanup();
  });

  /** A first build in another process, frozen mid-way while holding the reindex lock. */
  async function buildInProgress(): Promise<Running> {
    const builder = start([CHILD], { ...env, STOP_AT: 'embed', STOP_MODE: 'stdin' }, REPO);
    await builder.saw(/STOPPED/);
    return builder;
  }

  test('a second `ask` waits for the build in progress, then answers from it', async () => {
    const builder = await buildInProgress();
    const asker = start([ASK, 'Which hospitals did HKUST sign MoUs with?'], env, ws.root);
    await asker.saw(/Another process is building the index .*waiting for it/);
    builder.child.stdin.end('go');

    const built = await builder.ended;
    assert.equal(built.code, 0, built.stderr);
    const answered = await asker.ended;
    assert.equal(answered.code, 0, answered.stderr);
    assert.match(answered.stdout, /\[1\]/);
    assert.match(answered.stdout, /Sources:/);
    const builds = await readdir(join(ws.indexDir, 'builds'));
    assert.equal(builds.length, 1, `one build, the other process's: ${builds.join(', ')}`);
  });

  test('the wait is bounded: INDEX_WAIT_SECONDS later it gives up with one clear line', async () => {
    const builder = await buildInProgress();
    try {
      const asker = start(
        [ASK, 'Which hospitals did HKUST sign MoUs with?'],
        { ...env, INDEX_WAIT_SECONDS: '1' },
        ws.root,
      );
      const gaveUp = await asker.ended;
      assert.equal(gaveUp.code, 1, gaveUp.stderr);
      assert.match(
        gaveUp.stderr,
        new RegExp(
          `Gave up after waiting 1 s \\(INDEX_WAIT_SECONDS\\) for the index build of process ${builder.child.pid} `,
        ),
      );
      assert.doesNotMatch(gaveUp.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      builder.child.stdin.end('go');
      await builder.ended;
    }
  });

  test('a first run on an empty corpus folder says so, and why every answer is "not found"', async () => {
    const empty = join(ws.root, 'empty');
    await mkdir(empty);
    const asker = start([ASK, 'Which hospitals did HKUST sign MoUs with?'], { ...env, CORPUS_DIR: empty }, ws.root);
    const run = await asker.ended;
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /The index is empty: .*empty holds no articles .*run `npm run reindex`/);
    assert.match(run.stdout, /I found nothing about that in the corpus/);
  });
});
