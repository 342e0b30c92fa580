// `npm run sources [-- --json]`: the indexed articles (title, source, date, language, chunks), through the same
// service as the bot's /sources. Builds the index first if there is none.
import type { IndexStats, SourceInfo } from '../service/types.ts';
import { COMMON_HELP, EXIT, openCliService, parseCommandLine, runCommand } from './common.ts';

const USAGE = `Usage: npm run sources -- [options]

Lists the indexed articles: date, language, number of chunks, title — source, and the file in the corpus.
Builds the index first if there is none (or if it was built with another embedder).

Options:
  --json         print [{docId, path, title, source, date, url, language, chunks}] as JSON
${COMMON_HELP}`;

/** One line per article; columns first so the list scans down by date and language. */
export function formatSources(sources: SourceInfo[], stats: IndexStats): string {
  const header = `${stats.documents} article(s), ${stats.chunks} chunk(s), embedder ${stats.embedder.id}, built ${stats.builtAt}`;
  const width = Math.max(1, ...sources.map((s) => String(s.chunks).length));
  const lines = sources.map((s) => {
    const date = (s.date ?? '—').padEnd(10);
    const chunks = `${String(s.chunks).padStart(width)} chunk${s.chunks === 1 ? ' ' : 's'}`;
    return `${date}  ${s.language.padEnd(3)} ${chunks}  ${s.title} — ${s.source}  (${s.path})`;
  });
  return [header, ...lines].join('\n');
}

async function main(): Promise<number> {
  const cli = parseCommandLine(process.argv.slice(2), { json: { type: 'boolean' } });
  if (cli.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const config = cli.loadConfig();
  const service = await openCliService(config);
  try {
    const sources = await service.sources();
    const output = cli.values.json ? JSON.stringify(sources, null, 2) : formatSources(sources, await service.stats());
    process.stdout.write(`${output}\n`);
  } finally {
    await service.close();
  }
  return EXIT.ok;
}

await runCommand(main, USAGE);
