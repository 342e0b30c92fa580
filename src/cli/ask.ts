// `npm run ask -- "question"`: answers from the terminal through the same service as the Discord bot.
import { COMMON_HELP, EXIT, openCliService, UsageError, parseCommandLine, runCommand } from './common.ts';
import { formatAnswerText } from './format.ts';
import type { Answer } from '../service/types.ts';

const USAGE = `Usage: npm run ask -- [options] "question"

Answers a question about the collaborations in the corpus, with numbered citations.
Builds the index first if there is none (or if it was built with another embedder).

Options:
  --json         print {question, answer, found, citations:[...]} as JSON
${COMMON_HELP}

Examples:
  npm run ask -- "Which hospitals did HKUST sign MoUs with?"
  npm run ask -- --json "What does the KSSSCI MoU cover?"`;

async function main(): Promise<number> {
  const cli = parseCommandLine(process.argv.slice(2), { json: { type: 'boolean' } }, true);
  if (cli.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const question = cli.positionals.join(' ').trim();
  if (question === '') throw new UsageError('Missing the question.');
  const config = cli.loadConfig();

  const service = await openCliService(config);
  try {
    const answer = await service.ask(question);
    process.stdout.write(
      cli.values.json ? `${JSON.stringify(toJson(answer), null, 2)}\n` : `${formatAnswerText(answer)}\n`,
    );
  } finally {
    await service.close();
  }
  return EXIT.ok;
}

/** The documented --json shape (README): a stable contract for scripts, so fields are listed explicitly. */
function toJson(answer: Answer) {
  return {
    question: answer.question,
    answer: answer.answer,
    found: answer.found,
    ...(answer.note ? { note: answer.note } : {}),
    citations: answer.citations.map((c) => ({
      n: c.n,
      docId: c.docId,
      path: c.path,
      title: c.title,
      source: c.source,
      date: c.date ?? null,
      url: c.url ?? null,
      language: c.language,
      text: c.text,
      score: c.score,
    })),
  };
}

await runCommand(main, USAGE);
