// npm run eval -- --questions FILE [--questions FILE2] [--distractors DIR]... [--split untuned|fit] [--json]
// Thin wrapper: argument parsing and printing (shared CLI helpers: a config error exits 2); the work is in
// src/eval/.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { EXIT, UsageError, parseCommandLine, runCommand } from '../src/cli/common.ts';
import { runEval } from '../src/eval/run.ts';
import { checkCriteria, formatReport, jsonSummary } from '../src/eval/report.ts';

/** The in-repo copies of the distractor folders (test/fixtures/distractors and the shared 30). */
export const DEFAULT_DISTRACTORS = ['test/fixtures/distractors', 'test/fixtures/distractors-shared'];
/** The frozen untuned split: dev-2 ids the fit never saw. */
export const UNTUNED_IDS = 'test/fixtures/eval/untuned-ids.txt';

const USAGE = `Usage: npm run eval -- --questions FILE [options]

Asks every question of FILE (JSON Lines, see ../shared/eval/README.md) through the bot's service and scores
the answers: recall@1, recall@k, MRR, fact coverage, not-found accuracy, answer-level facts, per language
and per question type, and the misses of each question.

Options:
  --questions FILE        question file (required; repeat to combine files)
  --k N                   passages per answer and the k of recall@k (default TOP_K, 5)
  --corpus DIR            article folder (default CORPUS_DIR, corpus)
  --with-distractors      add both distractor folders (${DEFAULT_DISTRACTORS.join(', ')})
  --distractors DIR       add the articles of DIR (repeat for several folders)
  --split untuned|fit     keep only the untuned split (${UNTUNED_IDS}) or only the rest
  --baseline              also run the textbook LangChain pipeline on the same corpus and embedder
  --embeddings KIND       hash | local | auto (default EMBEDDINGS)
  --index DIR             index folder (default: a temp folder dedicated to this corpus; never data/index)
  --explain               show how retrieval scored the top articles of each question
  --json                  print only the JSON summary (with every item)
  --check                 exit 1 when an acceptance criterion fails
  -h, --help              this help`;

export async function readIdList(file: string): Promise<Set<string>> {
  const text = await readFile(file, 'utf8');
  return new Set(
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#')),
  );
}

async function main(): Promise<number> {
  // The registry's extraction eval has its own options (scripts/eval-registry.ts).
  if (process.argv.includes('--registry')) return (await import('./eval-registry.ts')).main(process.argv.slice(2));
  const { values, help, loadConfig } = parseCommandLine(process.argv.slice(2), {
    questions: { type: 'string', multiple: true },
    k: { type: 'string' },
    'with-distractors': { type: 'boolean' },
    distractors: { type: 'string', multiple: true },
    split: { type: 'string' },
    baseline: { type: 'boolean' },
    embeddings: { type: 'string' },
    explain: { type: 'boolean' },
    json: { type: 'boolean' },
    check: { type: 'boolean' },
  });
  if (help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  const v = values as Record<string, unknown>;
  const questions = (v.questions as string[] | undefined) ?? [];
  if (questions.length === 0) throw new UsageError('--questions FILE is required.');
  const config = loadConfig();
  const k = v.k === undefined ? config.TOP_K : Number(v.k);
  if (!Number.isInteger(k) || k < 1 || k > 50)
    throw new UsageError(`--k ${String(v.k)}: expected a whole number from 1 to 50.`);
  const embeddings = v.embeddings as string | undefined;
  if (embeddings !== undefined && embeddings !== 'hash' && embeddings !== 'local' && embeddings !== 'auto') {
    throw new UsageError(`--embeddings ${embeddings}: allowed values are hash, local, auto.`);
  }
  const split = v.split as string | undefined;
  if (split !== undefined && split !== 'untuned' && split !== 'fit')
    throw new UsageError(`--split ${split}: allowed values are untuned, fit.`);
  const distractors = [
    ...((v.distractors as string[] | undefined) ?? []),
    ...(v['with-distractors'] === true ? DEFAULT_DISTRACTORS : []),
  ];

  const report = await runEval({
    questionsFile: questions,
    corpusDir: config.CORPUS_DIR,
    ...(distractors.length > 0 ? { distractorsDir: [...new Set(distractors)] } : {}),
    ...(split
      ? {
          filter: {
            ids: await readIdList(UNTUNED_IDS),
            mode: split === 'untuned' ? ('only' as const) : ('except' as const),
          },
        }
      : {}),
    k,
    baseline: v.baseline === true,
    ...(typeof v.index === 'string' ? { indexDir: v.index } : {}),
    ...(embeddings ? { embeddings } : {}),
    explain: v.explain === true,
    onNotice: (line) => console.error(line),
  });
  if (v.json === true) {
    console.log(JSON.stringify(jsonSummary(report, true), null, 2));
  } else {
    console.log(formatReport(report));
    console.log('');
    console.log(JSON.stringify(jsonSummary(report, false), null, 2));
  }
  return v.check === true && checkCriteria(report).some((c) => !c.pass) ? EXIT.failure : EXIT.ok;
}

// Run only as a command: the fit script and the tests import the helpers above.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  await runCommand(main, USAGE);
