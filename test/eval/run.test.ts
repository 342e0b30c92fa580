// runEval's corpus and question handling: several distractor folders, the untuned-split filter.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEval } from '../../src/eval/run.ts';
import { listArticleFiles } from '../../src/ingest/load.ts';
import { readIdList, UNTUNED_IDS } from '../../scripts/eval.ts';

const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

test('the untuned split keeps exactly its listed ids, and both distractor folders are indexed', async () => {
  const workDir = await mkdtemp(join(tmpdir(), 'collab-eval-test-'));
  dirs.push(workDir);
  const ids = await readIdList(UNTUNED_IDS);
  const distractors = ['test/fixtures/distractors', 'test/fixtures/distractors-shared'];
  const report = await runEval({
    questionsFile: ['test/fixtures/eval/dev.jsonl', 'test/fixtures/eval/dev-2.jsonl'],
    corpusDir: 'corpus',
    distractorsDir: distractors,
    filter: { ids, mode: 'only' },
    k: 5,
    baseline: false,
    embeddings: 'hash',
    workDir,
  });
  assert.deepEqual(report.system.items.map((i) => i.id).sort(), [...ids].sort());
  let articles = (await listArticleFiles('corpus')).length;
  for (const dir of distractors) articles += (await listArticleFiles(dir)).length;
  assert.equal(report.articles, articles);
  // Stratified by language: every language has untuned questions.
  assert.deepEqual([...new Set(report.system.items.map((i) => i.lang))].sort(), ['bn', 'en', 'hi', 'ru']);
});
