// `npm run reindex [-- --full]`: (re)builds the index from the corpus. Parsing and presentation only;
// the work is the service's (src/service), which runs src/index/reindex.ts.
import { basename, join } from 'node:path';
import { COMMON_HELP, EXIT, parseCommandLine, runCommand } from '../src/cli/common.ts';
import { createProgressReporter, formatReindexSummary } from '../src/cli/progress.ts';
import { createLogger } from '../src/log.ts';
import { createService } from '../src/service/service.ts';
import type { ReindexSummary } from '../src/service/types.ts';
import { emptyIndexNotice } from '../src/service/notices.ts';

const USAGE = `Usage: npm run reindex -- [options]

Indexes the articles of the corpus. Incremental: only new or changed articles are embedded; deleted ones
leave the index. The new index replaces the old one only when it is complete.
Exits 1 when a file failed to load (the other files are still indexed), or when the reindex would remove
more than half of the indexed articles (an empty or wrong corpus folder, a disk that is not mounted: the
index is left as it was); 2 on a usage or configuration error.

Options:
  --full          rebuild from scratch, recomputing every embedding
  --allow-shrink  publish the new index even if it removes more than half of the indexed articles
${COMMON_HELP}`;

async function main(): Promise<number> {
  const cli = parseCommandLine(process.argv.slice(2), {
    full: { type: 'boolean' },
    'allow-shrink': { type: 'boolean' },
  });
  if (cli.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const config = cli.loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const progress = createProgressReporter();
  const service = await createService(config, {
    logger,
    prepareIndex: false,
    reindexInProcess: true,
    onNotice: (line: string) => process.stderr.write(`${line}\n`),
    onProgress: (event) => progress.update(event),
  });
  let summary: ReindexSummary;
  try {
    summary = await service.reindex({
      full: cli.values.full === true,
      allowShrink: cli.values['allow-shrink'] === true,
    });
  } finally {
    progress.stop();
    await service.close();
  }

  process.stdout.write(`${formatReindexSummary(summary)}\n`);
  if (summary.documents === 0) process.stderr.write(`${emptyIndexNotice(config)}\n`);
  if (summary.failed.length > 0) {
    process.stderr.write(`${summary.failed.length} file(s) could not be loaded:\n`);
    for (const failure of summary.failed) {
      const kept = failure.kept ? ' (its previously indexed version is kept)' : '';
      process.stderr.write(
        `  ${basename(failure.path)} (${join(config.CORPUS_DIR, failure.path)}): ${failure.reason}${kept}\n`,
      );
    }
    return EXIT.failure;
  }
  return EXIT.ok;
}

await runCommand(main, USAGE);
