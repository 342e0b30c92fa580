// `npm run reindex [-- --full]`: (re)builds the index from the corpus. Parsing and presentation only;
// the work is in src/index/reindex.ts.
import { basename, join } from 'node:path';
import cliProgress from 'cli-progress';
import { COMMON_HELP, EXIT, parseCommandLine, runCommand } from '../src/cli/common.ts';
import { createEmbeddings } from '../src/index/embeddings/select.ts';
import { describeEmbedder } from '../src/index/manifest.ts';
import { reindex } from '../src/index/reindex.ts';
import type { ReindexProgress, ReindexSummary } from '../src/index/types.ts';
import { createLogger } from '../src/log.ts';

const USAGE = `Usage: npm run reindex -- [options]

Indexes the articles of the corpus. Incremental: only new or changed articles are embedded; deleted ones
leave the index. The new index replaces the old one only when it is complete.
Exits 1 when a file failed to load (the other files are still indexed), 2 on a usage or configuration error.

Options:
  --full         rebuild from scratch, recomputing every embedding
${COMMON_HELP}`;

type ProgressEvent = Parameters<ReindexProgress>[0];

const PHASE_LABEL: Record<ProgressEvent['phase'], string> = {
  load: 'Loading ',
  embed: 'Embedding',
  write: 'Writing ',
};

async function main(): Promise<number> {
  const cli = parseCommandLine(process.argv.slice(2), { full: { type: 'boolean' } });
  if (cli.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const config = cli.loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const embedder = await createEmbeddings(config, { onWarning: (line: string) => process.stderr.write(`${line}\n`) });

  const progress = process.stderr.isTTY ? new BarProgress() : new LineProgress();
  let summary: ReindexSummary;
  try {
    summary = await reindex(config, {
      embedder,
      full: cli.values.full === true,
      logger,
      onProgress: (event) => progress.update(event),
    });
  } finally {
    progress.stop();
  }

  process.stdout.write(`${formatSummary(summary)}\n`);
  if (summary.failed.length > 0) {
    process.stderr.write(`${summary.failed.length} file(s) could not be loaded:\n`);
    for (const failure of summary.failed) {
      const kept = failure.kept ? ' (its previously indexed version is kept)' : '';
      process.stderr.write(`  ${basename(failure.path)} (${join(config.CORPUS_DIR, failure.path)}): ${failure.reason}${kept}\n`);
    }
    return EXIT.failure;
  }
  return EXIT.ok;
}

function formatSummary(s: ReindexSummary): string {
  const lines = [
    `Indexed ${s.documents} document(s), ${s.chunks} chunk(s) in ${s.seconds.toFixed(1)} s with ${describeEmbedder(s.embedder)}.`,
    `  added ${s.added.length}, changed ${s.changed.length}, removed ${s.removed.length}, unchanged ${s.unchanged.length}, failed ${s.failed.length}`,
    `  chunks embedded: ${s.embedded} of ${s.chunks} (the others reused cached vectors)`,
  ];
  if (s.full === 'embedderChanged' && s.previousEmbedder) {
    lines.push(`  full rebuild: the previous index was built with ${describeEmbedder(s.previousEmbedder)}`);
  } else if (s.full === 'requested') {
    lines.push('  full rebuild (--full)');
  }
  return lines.join('\n');
}

/** A progress bar on a terminal (stderr, so stdout keeps only the summary). */
class BarProgress {
  private readonly bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {value}/{total} {detail}', hideCursor: true, clearOnComplete: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  private phase: ProgressEvent['phase'] | undefined;

  update(event: ProgressEvent): void {
    const payload = { phase: PHASE_LABEL[event.phase], detail: event.detail ?? '' };
    if (event.phase !== this.phase) {
      if (this.phase) this.bar.stop();
      this.phase = event.phase;
      this.bar.start(Math.max(event.total, 1), event.done, payload);
    } else {
      this.bar.setTotal(Math.max(event.total, 1));
      this.bar.update(event.done, payload);
    }
  }

  stop(): void {
    if (this.phase) this.bar.stop();
  }
}

/** Plain lines when stderr is not a terminal (CI, logs): one per step, embedding every ~10%. */
class LineProgress {
  private lastEmbedTenth = -1;

  update(event: ProgressEvent): void {
    if (event.phase === 'embed') {
      if (event.total === 0) return;
      const tenth = Math.floor((event.done / event.total) * 10);
      if (tenth === this.lastEmbedTenth) return;
      this.lastEmbedTenth = tenth;
      process.stderr.write(`embedding: ${event.done}/${event.total} chunks\n`);
      return;
    }
    if (event.phase === 'load') {
      process.stderr.write(event.done === 0 ? `loading: ${event.detail ?? ''}\n` : `loaded: ${event.detail ?? ''}\n`);
      return;
    }
    // Writing is quick: announce it once, and the switch that makes the new index live.
    if (event.done === 0) process.stderr.write('writing the new index\n');
    else if (event.detail === 'switch to new build') process.stderr.write('switching to the new index\n');
  }

  stop(): void {}
}

await runCommand(main, USAGE);
