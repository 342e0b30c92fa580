// INDEX_BACKEND=postgres across processes, against one PGlite server on 127.0.0.1 (a real PostgreSQL engine
// with pgvector, over the wire protocol):
// - two bot processes (each runs the service as `npm start` does, with an empty INDEX_DIR of its own: like
//   two machines) hot-reload the build a reindex publishes, and answer from it;
// - a reader that asks while a publish is in progress gets one whole build, the old or the new one. The
//   publisher is a third process held open inside its transaction at a chosen step; the test checks (from
//   the server's own queue, or the readers' answers) that the readers asked during it, then kills the
//   publisher (a real crash: the connection drops mid-transaction) or lets it commit. (Without the
//   transaction, the readers are answered at once from the half-written build, and these tests fail.)
//   PGlite runs one transaction at a time, so there the readers' queries wait for the publish to end; a
//   PostgreSQL server answers them at once from the last committed state (MVCC), which is the old build. In
//   both cases what a reader can get is a committed build, and every read of a snapshot is restricted to its
//   build's rows, so it is whole.
// Every wait is bounded; child processes are killed in teardown.
import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reindex } from '../../../src/index/reindex.ts';
import { openIndex } from '../../../src/index/store.ts';
import { migrate } from '../../../src/index/postgres/migrate.ts';
import { PostgresBackend } from '../../../src/index/postgres/backend.ts';
import { PUBLISH_STEPS, type PublishStep } from '../../../src/index/postgres/publish.ts';
import type { Config } from '../../../src/config.ts';
import type { IndexSnapshot } from '../../../src/index/types.ts';
import type { IndexStats } from '../../../src/service/types.ts';
import {
  countingEmbedder,
  editArticle,
  makeWorkspace,
  testConfig,
  type Workspace,
} from '../../fixtures/index/helpers.ts';
import { sql, usePglite } from '../../fixtures/index/postgres.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/index/', import.meta.url));
const TSX = import.meta.resolve('tsx');
/** Longest wait for one line of a child (tsx start-up on a loaded machine included): a bound, not a limit. */
const LINE_BOUND_MS = 180_000;
/** Polls of the server's queue before giving up (20 ms apart). */
const QUEUE_POLLS = 1500;

const QUERIES = ['cancer research hospital', 'memorandum of understanding', 'medical imaging laboratory', 'AIIMS'];
const ROBOTICS_ARTICLE =
  '---\ntitle: Kyoto and Osaka universities sign robotics MoU\nsource: Test Wire\ndate: 2024-05-01\n---\n\nKyoto University and Osaka University signed a memorandum of understanding on robotics research.\n';

/** A child process spoken to in lines. */
class Child {
  private output = '';
  private readonly waiters = new Set<() => void>();
  readonly exited: Promise<void>;

  constructor(readonly process: ChildProcessWithoutNullStreams) {
    process.stdout.on('data', (d: Buffer) => {
      this.output += d.toString();
      for (const wake of this.waiters) wake();
    });
    let stderr = '';
    process.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    this.exited = new Promise((resolve) =>
      process.once('exit', () => {
        this.output += stderr ? `\n[stderr] ${stderr}` : '';
        for (const wake of this.waiters) wake();
        resolve();
      }),
    );
  }

  static start(script: string, env: Record<string, string>): Child {
    const { PATH = '', HOME = '' } = process.env;
    return new Child(
      spawn(process.execPath, ['--import', TSX, join(FIXTURES, script)], {
        env: { PATH, HOME, ...env },
        stdio: ['pipe', 'pipe', 'pipe'],
      }),
    );
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** The next complete stdout line (removed from the buffer). */
  nextLine(): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const end = this.output.indexOf('\n');
        if (end !== -1) {
          done();
          const line = this.output.slice(0, end);
          this.output = this.output.slice(end + 1);
          return resolve(line);
        }
        if (!this.running) {
          done();
          reject(new Error(`child exited (${this.process.exitCode ?? this.process.signalCode}): ${this.output}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no line from the child within ${LINE_BOUND_MS} ms: ${this.output}`));
      }, LINE_BOUND_MS);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  send(line: string): void {
    this.process.stdin.write(`${line}\n`);
  }

  /** A request to a bot child and its JSON reply. */
  async request<T>(request: unknown): Promise<T> {
    this.send(JSON.stringify(request));
    const reply = JSON.parse(await this.nextLine()) as T & { error?: string };
    if (reply.error) throw new Error(`the bot process failed: ${reply.error}`);
    return reply;
  }

  async kill(): Promise<void> {
    if (!this.running) return;
    this.process.kill('SIGKILL');
    await this.exited;
  }
}

async function results(snapshot: IndexSnapshot): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const q of QUERIES) {
    out.push(snapshot.searchLexical(q, 10).map((h) => [h.chunk.id, h.score.toFixed(9), h.chunk.text]));
    out.push(await dense(snapshot, q));
  }
  return out;
}

async function dense(snapshot: IndexSnapshot, query: string): Promise<unknown[]> {
  return (await snapshot.searchDense(query, 10)).map((h) => [h.chunk.id, h.score.toFixed(5)]);
}

/** The live build in the database: its id and its manifest's builtAt (what a service's stats report). */
async function liveBuild(url: string): Promise<{ buildId: string; builtAt: string; seq: number }> {
  const [row] = await sql<{ build_id: string; built_at: string; seq: string }>(
    url,
    `SELECT b.build_id, b.manifest->>'builtAt' AS built_at, b.seq FROM current_build c JOIN builds b ON b.seq = c.build_seq`,
  );
  assert.ok(row, 'a build is live');
  return { buildId: row.build_id, builtAt: row.built_at, seq: Number(row.seq) };
}

describe('postgres backend across processes', () => {
  const server = usePglite();
  let ws: Workspace;
  let config: Config;
  const embedder = countingEmbedder();
  const children: Child[] = [];
  const backends: PostgresBackend[] = [];
  const dirs: string[] = [];
  const backend = () => {
    const b = new PostgresBackend(config);
    backends.push(b);
    return b;
  };
  const start = (script: string, env: Record<string, string>) => {
    const child = Child.start(script, { DATABASE_URL: server.url, CORPUS_DIR: ws.corpusDir, ...env });
    children.push(child);
    return child;
  };

  beforeEach(async () => {
    ws = await makeWorkspace();
    config = testConfig(ws.corpusDir, ws.indexDir, { INDEX_BACKEND: 'postgres', DATABASE_URL: server.url });
    await migrate(server.url);
    await reindex(config, { embedder });
  });
  afterEach(async () => {
    // Killed first: a held publisher keeps its transaction (and the server) until its connection drops.
    for (const child of children.splice(0)) await child.kill();
    for (const b of backends.splice(0)) await b.close();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
    await ws.cleanup();
  });

  test('two bot processes hot-reload the build a reindex publishes, and answer from it', async () => {
    const bots: Child[] = [];
    for (let i = 0; i < 2; i++) {
      // Each bot has an INDEX_DIR of its own that stays empty: it reads the index from the database only.
      const indexDir = await mkdtemp(join(tmpdir(), `collab-pg-bot-${i}-`));
      dirs.push(indexDir);
      bots.push(start('pg-bot-child.ts', { INDEX_DIR: indexDir }));
    }
    for (const bot of bots) assert.deepEqual(JSON.parse(await bot.nextLine()), { ready: true });

    const first = await liveBuild(server.url);
    const question = { op: 'ask', question: 'Which universities signed an MoU on robotics research?' };
    for (const bot of bots) {
      const { stats } = await bot.request<{ stats: IndexStats }>({ op: 'stats' });
      assert.equal(stats.documents, 3);
      assert.equal(stats.builtAt, first.builtAt);
      const { answer } = await bot.request<{ answer: { docIds: string[] } }>(question);
      assert.ok(!answer.docIds.includes('kyoto-osaka'));
    }

    // A reindex (here: this process; any machine with the same DATABASE_URL) publishes a new build.
    await writeFile(join(ws.corpusDir, 'kyoto-osaka.md'), ROBOTICS_ARTICLE);
    const published = await reindex(config, { embedder });
    assert.deepEqual(published.added, ['kyoto-osaka']);
    const second = await liveBuild(server.url);
    assert.equal(second.buildId, published.buildId);
    assert.notEqual(second.builtAt, first.builtAt);

    // The very next request of each bot is served from the new build (checked before every question).
    for (const bot of bots) {
      const { stats } = await bot.request<{ stats: IndexStats }>({ op: 'stats' });
      assert.equal(stats.documents, 4);
      assert.equal(stats.builtAt, second.builtAt);
      const { answer } = await bot.request<{ answer: { docIds: string[]; text: string } }>(question);
      assert.ok(answer.docIds.includes('kyoto-osaka'), JSON.stringify(answer));
    }
    for (const dir of dirs) assert.deepEqual(await readdir(dir), [], 'a bot process wrote nothing to its disk');
    for (const bot of bots) assert.ok(bot.running);
  });

  /**
   * Starts a publisher process of the next build, held inside its transaction after `step`; then two readers
   * ask meanwhile (one with a snapshot of the old build, one opening a snapshot now). Returns once each reader
   * has either got its answer (a server that does not make readers wait) or has its query waiting in the
   * server's queue behind the open transaction (PGlite) — in both cases while the publish is in progress.
   */
  async function publishWithReadersWaiting(step: PublishStep, nextBuildId: string) {
    const oldReader = await backend().open(embedder);
    const oldResults = await results(oldReader);
    const opener = backend();
    // Its connection and schema check made now, so that during the publish its first query is a read.
    await opener.currentBuildId();

    const publisher = start('pg-publish-child.ts', {
      INDEX_DIR: ws.indexDir,
      BUILD_ID: nextBuildId,
      STOP_AT: step,
    });
    assert.equal(await publisher.nextLine(), `STOPPED ${step}`);
    const queuedBefore = (await server.stats()).queuedQueries;
    let pending = 2;
    const settle = <T>(p: Promise<T>) => {
      void p.finally(() => pending--).catch(() => {});
      return p;
    };
    const duringDense = settle(dense(oldReader, QUERIES[0]!));
    const duringOpen = settle(opener.open(embedder));
    for (let polls = 0; ; polls++) {
      const queued = (await server.stats()).queuedQueries - queuedBefore;
      if (pending === 0 || queued >= pending) break;
      assert.ok(polls < QUEUE_POLLS, 'each reader was answered or had its query waiting at the server');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok(publisher.running, 'the publish was still in progress');
    return { publisher, oldReader, oldResults, duringDense, duringOpen };
  }

  async function nextLocalBuild(): Promise<{ buildId: string; local: Awaited<ReturnType<typeof openIndex>> }> {
    // The next version of the corpus, built locally (INDEX_BACKEND=local, same work folder) to be published
    // by the publisher process.
    await editArticle(ws, 'msu-sechenov.md', 'A second phase adds a shared laboratory for medical imaging.');
    await writeFile(join(ws.corpusDir, 'kyoto-osaka.md'), ROBOTICS_ARTICLE);
    const localConfig = testConfig(ws.corpusDir, ws.indexDir);
    const next = await reindex(localConfig, { embedder });
    return { buildId: next.buildId!, local: await openIndex(localConfig, embedder) };
  }

  for (const step of PUBLISH_STEPS.filter((s) => s === 'inserted' || s === 'switched')) {
    test(`a reader during a publish killed after "${step}" gets the whole old build; nothing of the new one remains`, async () => {
      const old = await liveBuild(server.url);
      const { buildId, local } = await nextLocalBuild();
      const { publisher, oldReader, oldResults, duringDense, duringOpen } = await publishWithReadersWaiting(
        step,
        buildId,
      );
      await publisher.kill();

      const opened = await duringOpen;
      assert.equal(opened.buildId, old.buildId);
      assert.equal(opened.chunks.size, opened.manifest.chunkCount);
      assert.deepEqual(await results(opened), oldResults);
      assert.deepEqual(await duringDense, oldResults[1]);
      assert.deepEqual(await results(oldReader), oldResults);
      assert.notDeepEqual(await results(local), oldResults, 'the killed publish had something to change');
      // The server rolled the transaction back: no row of the new build, the old one untouched.
      assert.deepEqual(await liveBuild(server.url), old);
      assert.deepEqual(await sql(server.url, 'SELECT build_id FROM builds'), [{ build_id: old.buildId }]);
      assert.deepEqual(
        await sql(
          server.url,
          `SELECT (SELECT count(*)::int FROM chunks WHERE from_build > $1 OR until_build IS NOT NULL) AS chunks,
                  (SELECT count(*)::int FROM postings WHERE from_build > $1 OR until_build IS NOT NULL) AS postings`,
          [old.seq],
        ),
        [{ chunks: 0, postings: 0 }],
      );
      local.close();
    });
  }

  test('a reader during a publish that commits gets the whole new build; an open snapshot keeps the old one', async () => {
    const old = await liveBuild(server.url);
    const { buildId, local } = await nextLocalBuild();
    const { publisher, oldReader, oldResults, duringDense, duringOpen } = await publishWithReadersWaiting(
      'inserted',
      buildId,
    );
    publisher.send('go');
    assert.equal(await publisher.nextLine(), 'PUBLISHED');

    // The reader that opened during the publish has one whole build: the new one here (PGlite made it wait
    // for the commit), the old one on a server that answered it at once.
    const opened = await duringOpen;
    assert.ok([old.buildId, buildId].includes(opened.buildId));
    assert.equal(opened.chunks.size, opened.manifest.chunkCount);
    const whole = opened.buildId === buildId ? await results(local) : oldResults;
    assert.deepEqual(await results(opened), whole);
    // The snapshot opened before keeps answering from its own build, during and after.
    assert.deepEqual(await duringDense, oldResults[1]);
    assert.deepEqual(await results(oldReader), oldResults);
    // A reader after the commit: the whole new build, ranked as the local build of the same corpus.
    assert.equal((await liveBuild(server.url)).buildId, buildId);
    const after = await backend().open(embedder);
    assert.equal(after.buildId, buildId);
    assert.equal(after.chunks.size, local.chunks.size);
    assert.deepEqual(await results(after), await results(local));
    assert.ok(after.searchLexical('medical imaging laboratory', 3)[0]?.chunk.text.includes('imaging'));
    local.close();
  });
});
