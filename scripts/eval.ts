// npm run eval -- --questions FILE [--k 5] [--baseline] [--corpus DIR] [--with-distractors] [--json]
// Thin wrapper: argument parsing and printing; the work is in src/eval/.
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { runEval } from '../src/eval/run.ts';
import { checkCriteria, formatReport, jsonSummary } from '../src/eval/report.ts';

const USAGE = `Usage: npm run eval -- --questions FILE [options]

Asks every question of FILE (JSON Lines, see ../shared/eval/README.md) through the bot's service and scores
the answers: recall@1, recall@k, MRR, fact coverage, not-found accuracy, per-question misses.

Options:
  --questions FILE        question file (required)
  --k N                   passages per answer and the k of recall@k (default TOP_K, 5)
  --corpus DIR            article folder (default CORPUS_DIR, corpus)
  --with-distractors      add the synthetic distractor articles (test/fixtures/distractors)
  --distractors DIR       add the articles of DIR instead
  --baseline              also run the textbook LangChain pipeline on the same corpus and embedder
  --embeddings KIND       hash | local | auto (default EMBEDDINGS)
  --index DIR             index folder (default: a temp folder dedicated to this corpus; never data/index)
  --explain               show how retrieval scored the top articles of each question
  --json                  print only the JSON summary (with every item)
  --check                 exit 1 when an acceptance criterion fails
  -h, --help              this help`;

async function main(): Promise<number> {
  // The registry's extraction eval has its own options (scripts/eval-registry.ts).
  if (process.argv.includes('--registry')) return (await import('./eval-registry.ts')).main(process.argv.slice(2));
  let args;
  try {
    args = parseArgs({
      options: {
        questions: { type: 'string' },
        k: { type: 'string' },
        corpus: { type: 'string' },
        'with-distractors': { type: 'boolean', default: false },
        distractors: { type: 'string' },
        baseline: { type: 'boolean', default: false },
        embeddings: { type: 'string' },
        index: { type: 'string' },
        explain: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (!args.questions) {
    console.error(`--questions FILE is required.\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const k = args.k === undefined ? config.TOP_K : Number(args.k);
  if (!Number.isInteger(k) || k < 1 || k > 50) {
    console.error(`--k ${args.k}: expected a whole number from 1 to 50.`);
    return 2;
  }
  const embeddings = args.embeddings;
  if (embeddings !== undefined && embeddings !== 'hash' && embeddings !== 'local' && embeddings !== 'auto') {
    console.error(`--embeddings ${embeddings}: allowed values are hash, local, auto.`);
    return 2;
  }
  const distractorsDir = args.distractors ?? (args['with-distractors'] ? 'test/fixtures/distractors' : undefined);

  const report = await runEval({
    questionsFile: args.questions,
    corpusDir: args.corpus ?? config.CORPUS_DIR,
    ...(distractorsDir ? { distractorsDir } : {}),
    k,
    baseline: args.baseline,
    ...(args.index ? { indexDir: args.index } : {}),
    ...(embeddings ? { embeddings } : {}),
    explain: args.explain,
    onNotice: (line) => console.error(line),
  });
  if (args.json) {
    console.log(JSON.stringify(jsonSummary(report, true), null, 2));
  } else {
    console.log(formatReport(report));
    console.log('');
    console.log(JSON.stringify(jsonSummary(report, false), null, 2));
  }
  return args.check && checkCriteria(report).some((c) => !c.pass) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
