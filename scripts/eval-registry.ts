// npm run eval:registry [-- --gold FILE --corpus DIR --seeds DIR --json]   (also: npm run eval -- --registry)
// Per-field precision and recall of the collaboration records extracted from the seed articles.
import { parseArgs } from 'node:util';
import { formatRegistryReport, runRegistryEval } from '../src/eval/registry.ts';

const USAGE = `Usage: npm run eval:registry [-- options]    (or: npm run eval -- --registry [options])

Extracts the collaboration record of each gold article and prints per-field precision (P) and recall (R):
for the curated articles (front matter used), the same articles with their front-matter institutions
ignored (parties from the text alone), and the raw pages.

Options:
  --gold FILE     gold records (default test/fixtures/registry/gold.json)
  --corpus DIR    curated articles (default corpus)
  --seeds DIR     raw pages (default test/fixtures/registry/seeds, a copy of ../shared/seeds)
  --check-distractors DIR   also score parties read from the text alone against the front-matter
                  institutions of the articles of DIR (repeatable; articles without gold)
  --json          print the scores as JSON
  -h, --help      this help`;

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv.filter((a) => a !== '--registry'),
      options: {
        gold: { type: 'string', default: 'test/fixtures/registry/gold.json' },
        corpus: { type: 'string', default: 'corpus' },
        seeds: { type: 'string', default: 'test/fixtures/registry/seeds' },
        json: { type: 'boolean', default: false },
        'check-distractors': { type: 'string', multiple: true },
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
  const report = await runRegistryEval({ goldFile: args.gold, corpusDir: args.corpus, seedsDir: args.seeds });
  if (args.json) {
    console.log(
      JSON.stringify(
        { curated: report.curated.scores, textOnly: report.textOnly.scores, raw: report.raw.scores },
        null,
        2,
      ),
    );
  } else {
    console.log(formatRegistryReport(report));
  }
  for (const dir of args['check-distractors'] ?? []) {
    const { scoreTextPartiesAgainstFrontMatter } = await import('../src/eval/registry.ts');
    const s = await scoreTextPartiesAgainstFrontMatter([dir]);
    console.log(
      `\nParties from the text alone vs front-matter institutions, ${s.articles} articles of ${dir}: precision ${s.precision.toFixed(2)}, recall ${s.recall.toFixed(2)}`,
    );
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
