// Reindex presentation shared by `npm run reindex` and `npm run ask` (which builds the index on first use):
// a progress bar on a terminal, plain lines otherwise, and the summary.
import cliProgress from 'cli-progress';
import type { ReindexProgress, ReindexSummary } from '../service/types.ts';
import { describeEmbedder } from '../types.ts';

type ProgressEvent = Parameters<ReindexProgress>[0];

const PHASE_LABEL: Record<ProgressEvent['phase'], string> = {
  load: 'Loading ',
  embed: 'Embedding',
  write: 'Writing ',
};

export function formatReindexSummary(s: ReindexSummary): string {
  const lines = [
    `Indexed ${s.documents} document(s), ${s.chunks} chunk(s) in ${s.seconds.toFixed(1)} s with ${describeEmbedder(s.embedder)}.`,
    `  added ${s.added.length}, changed ${s.changed.length}, removed ${s.removed.length}, unchanged ${s.unchanged.length}, failed ${s.failed.length}`,
    `  chunks embedded: ${s.embedded} of ${s.chunks} (the others reused cached vectors)`,
  ];
  if (s.full === 'embedderChanged' && s.previousEmbedder) {
    lines.push(`  full rebuild: the previous index was built with ${describeEmbedder(s.previousEmbedder)}`);
  } else if (s.full === 'requested') {
    lines.push('  full rebuild (--full)');
  } else if (s.full === 'settingsChanged') {
    lines.push('  full rebuild: CHUNK_SIZE or CHUNK_OVERLAP changed since the previous build');
  }
  if (s.unchangedBuild) lines.push('  nothing changed: the index was left as it was');
  if (s.compacted) lines.push('  the vector index was compacted (too many deleted entries)');
  return lines.join('\n');
}

/** A progress bar on a terminal (stderr, so stdout keeps only the summary). */
class BarProgress implements ProgressReporter {
  private readonly bar = new cliProgress.SingleBar(
    {
      format: '{phase} [{bar}] {value}/{total} {detail}',
      hideCursor: true,
      clearOnComplete: true,
      stream: process.stderr,
    },
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
class LineProgress implements ProgressReporter {
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

export interface ProgressReporter {
  update(event: ProgressEvent): void;
  stop(): void;
}

/** The reporter that suits stderr: a bar on a terminal, lines otherwise. */
export function createProgressReporter(): ProgressReporter {
  return process.stderr.isTTY ? new BarProgress() : new LineProgress();
}
