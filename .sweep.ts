import { runEval } from './src/eval/run.ts';
process.env.EMBEDDINGS = 'hash';
const grid = JSON.parse(process.argv[2] ?? '[{}]') as Record<string, string>[];
const files = (process.argv[3] ?? '../shared/eval/dev.jsonl').split(',');
for (const params of grid) {
  for (const [k, v] of Object.entries(params)) process.env[k] = v;
  const cells: string[] = [];
  for (const file of files) for (const distractorsDir of [undefined, 'test/fixtures/distractors']) {
    const r = await runEval({ questionsFile: file, corpusDir: 'corpus', ...(distractorsDir ? { distractorsDir } : {}), k: 5, baseline: false });
    const s = r.system.summary;
    cells.push(`${file.split('/').pop()!.slice(0,5)}${distractorsDir ? '+d' : ''}: r1 ${s.recallAt1.toFixed(2)} r5 ${s.recallAtK.toFixed(2)} mrr ${s.mrr.toFixed(2)} f ${s.factCoverage.toFixed(2)} nf ${s.notFoundAccuracy.toFixed(2)} fnf ${s.falseNotFound} | miss ${r.system.items.filter(i => i.misses.length).map(i => i.id).join(',')}`);
  }
  console.log(JSON.stringify(params)); for (const c of cells) console.log('   ', c);
}
