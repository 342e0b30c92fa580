// Same answers and citations on both backends (issue 14): the dev questions over the same corpus (seeds and
// every distractor), hash embedder, once with INDEX_BACKEND=local and once with INDEX_BACKEND=postgres (a
// real PostgreSQL with pgvector: PGlite over the wire protocol). The document rankings retrieval computed,
// the cited articles and the answers must be identical.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEval, type EvalReport } from '../../src/eval/run.ts';
import { migrate } from '../../src/index/postgres/migrate.ts';
import { sql, startPglite, type PgliteServer } from '../fixtures/index/postgres.ts';

let server: PgliteServer;
const dirs: string[] = [];
const saved = { INDEX_BACKEND: process.env['INDEX_BACKEND'], DATABASE_URL: process.env['DATABASE_URL'] };

before(async () => {
  server = await startPglite();
  await migrate(server.url);
});
after(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await server.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function run(backend: 'local' | 'postgres'): Promise<EvalReport> {
  // runEval reads its settings from the environment, as `npm run eval` does.
  process.env['INDEX_BACKEND'] = backend;
  if (backend === 'postgres') process.env['DATABASE_URL'] = server.url;
  else delete process.env['DATABASE_URL'];
  const workDir = await mkdtemp(join(tmpdir(), `collab-parity-${backend}-`));
  dirs.push(workDir);
  return runEval({
    questionsFile: 'test/fixtures/eval/dev.jsonl',
    corpusDir: 'corpus',
    distractorsDir: ['test/fixtures/distractors', 'test/fixtures/distractors-shared'],
    k: 5,
    baseline: false,
    embeddings: 'hash',
    explain: true,
    workDir,
  });
}

test('the dev questions rank, cite and answer identically on the local and the postgres backend', async () => {
  const local = await run('local');
  const postgres = await run('postgres');
  assert.equal(postgres.articles, local.articles);
  assert.ok(local.system.items.length >= 10);
  const view = (report: EvalReport) =>
    report.system.items.map((item) => ({
      id: item.id,
      ranking: item.explain?.documents.map((d) => d.docId),
      scores: item.explain?.documents.map((d) => d.score.toFixed(6)),
      cited: item.docs,
      answer: item.answer,
    }));
  assert.ok(
    view(local).some((item) => (item.ranking?.length ?? 0) > 1),
    'the rankings are not trivially empty',
  );
  assert.deepEqual(view(postgres), view(local));
  assert.deepEqual(postgres.system.summary, local.system.summary);
  // The postgres run did serve from the database: its build is there, with every chunk.
  const [build] = await sql<{ n: number }>(server.url, 'SELECT chunk_count AS n FROM builds');
  assert.ok(build && build.n > 0);
});
