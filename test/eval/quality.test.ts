// CI's quality check (issue 9): the eval over dev + dev-2 on the seeds + both distractor folders (the in-repo
// copies, so a fresh clone runs it), hash embedder, must stay within 0.05 of the figures the README states.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEval } from '../../src/eval/run.ts';
import { formatReport } from '../../src/eval/report.ts';
import { listArticleFiles } from '../../src/ingest/load.ts';

const TOLERANCE = 0.05;
const COLUMN = 'dev + dev-2, seeds + all distractors';

const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** The README's figures in the column COLUMN of the table under "## Evaluation": metric → value. */
async function readmeFigures(): Promise<Map<string, number>> {
  const readme = await readFile('README.md', 'utf8');
  const lines = readme.split('\n');
  const headerIndex = lines.findIndex((l) => l.startsWith('| metric |') && l.includes(COLUMN));
  assert.ok(headerIndex >= 0, `README.md has no figures table with a "${COLUMN}" column`);
  const cells = (l: string) =>
    l
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim().replace(/\*/g, ''));
  const column = cells(lines[headerIndex]!).indexOf(COLUMN);
  const figures = new Map<string, number>();
  for (const line of lines.slice(headerIndex + 2)) {
    if (!line.startsWith('|')) break;
    const row = cells(line);
    figures.set(row[0]!, Number.parseFloat(row[column]!));
  }
  return figures;
}

test('dev + dev-2 with all distractors stays within 0.05 of the README figures', async () => {
  const workDir = await mkdtemp(join(tmpdir(), 'collab-quality-'));
  dirs.push(workDir);
  const distractors = ['test/fixtures/distractors', 'test/fixtures/distractors-shared'];
  const report = await runEval({
    questionsFile: ['test/fixtures/eval/dev.jsonl', 'test/fixtures/eval/dev-2.jsonl'],
    corpusDir: 'corpus',
    distractorsDir: distractors,
    k: 5,
    baseline: false,
    embeddings: 'hash',
    workDir,
  });
  let articles = (await listArticleFiles('corpus')).length;
  for (const dir of distractors) articles += (await listArticleFiles(dir)).length;
  assert.equal(report.articles, articles);

  const readme = await readmeFigures();
  const s = report.system.summary;
  const higherIsBetter: [string, number][] = [
    ['recall@1', s.recallAt1],
    ['recall@5', s.recallAtK],
    ['MRR', s.mrr],
    ['not-found accuracy', s.notFoundAccuracy],
    ['answer facts', s.answerFacts],
  ];
  const failures: string[] = [];
  for (const [metric, value] of higherIsBetter) {
    const stated = readme.get(metric);
    assert.ok(stated !== undefined && Number.isFinite(stated), `README table lacks ${metric}`);
    if (value < stated - TOLERANCE) failures.push(`${metric} ${value.toFixed(3)} < README ${stated} - ${TOLERANCE}`);
  }
  const stated = readme.get('false not-found rate');
  assert.ok(stated !== undefined && Number.isFinite(stated), 'README table lacks false not-found rate');
  if (s.falseNotFoundRate > stated + TOLERANCE)
    failures.push(`false not-found rate ${s.falseNotFoundRate.toFixed(3)} > README ${stated} + ${TOLERANCE}`);
  assert.deepEqual(failures, [], formatReport(report));
});
