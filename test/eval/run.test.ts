// The acceptance run of issue 4, on the seed corpus, with the offline hash embedder: the product's
// retrieval must meet the targets and beat the LangChain baseline on the dev questions.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEval } from '../../src/eval/run.ts';
import { listArticleFiles } from '../../src/ingest/load.ts';
import { checkCriteria, formatReport } from '../../src/eval/report.ts';

const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function evaluate(distractors: boolean) {
  const workDir = await mkdtemp(join(tmpdir(), 'collab-eval-test-'));
  dirs.push(workDir);
  return runEval({
    questionsFile: 'test/fixtures/eval/dev.jsonl',
    corpusDir: 'corpus',
    ...(distractors ? { distractorsDir: 'test/fixtures/distractors' } : {}),
    k: 5,
    baseline: true,
    embeddings: 'hash',
    workDir,
  });
}

describe('npm run eval on the dev questions (hash embedder)', () => {
  for (const distractors of [false, true]) {
    test(`meets every criterion on the seeds${distractors ? ' + distractors' : ''}`, async () => {
      const report = await evaluate(distractors);
      const failed = checkCriteria(report).filter((c) => !c.pass);
      assert.deepEqual(failed, [], formatReport(report));
      const seeds = (await listArticleFiles('corpus')).length;
      const extra = distractors ? (await listArticleFiles('test/fixtures/distractors')).length : 0;
      assert.equal(report.articles, seeds + extra);
    });
  }
});
