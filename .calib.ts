import { runEval } from './src/eval/run.ts';
process.env.EMBEDDINGS = 'hash';
for (const file of ['../shared/eval/dev.jsonl', 'test/fixtures/eval/heldout.jsonl']) for (const d of [undefined, 'test/fixtures/distractors']) {
  const r = await runEval({ questionsFile: file, corpusDir: 'corpus', ...(d ? { distractorsDir: d } : {}), k: 5, baseline: false, explain: true });
  const rows = r.system.items.map((i) => {
    const ent = i.explain!.documents.filter((x) => x.entityCoverage >= 0.75);
    return `${i.id}${i.answerable ? '' : '(U)'}=${ent.length ? Math.max(...ent.map((x) => x.coverage)).toFixed(2) : '-'}`;
  });
  console.log(file.split('/').pop(), d ? '+d' : '', rows.join(' '));
}
