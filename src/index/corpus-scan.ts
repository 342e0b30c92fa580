// Which corpus files changed since the previous build, from the cheapest evidence up: a file whose size and
// mtime match what the manifest recorded is unchanged without being read; otherwise its bytes are hashed,
// and only a file whose bytes differ is parsed again.
import { createHash } from 'node:crypto';
import { statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { join } from 'node:path';
import { ArticleLoadError, loadArticleFile, slugFromFileName, walkCorpus, type LoadOptions } from '../ingest/load.ts';
import type { Article, LoadFailure } from '../ingest/types.ts';
import type { FileStamp, ManifestDocument } from './types.ts';

/** Files stat'ed between two turns of the event loop. */
const STAT_BATCH = 256;

function statOrError(file: string): Stats | Error {
  try {
    return statSync(file);
  } catch (error) {
    return error as Error;
  }
}

export interface ScannedArticle {
  article: Article;
  file: FileStamp;
}

export interface CorpusScan {
  /** Files to (re)index: new, or changed since the previous build (all of them without a previous build). */
  articles: ScannedArticle[];
  /** Previous documents whose file is unchanged (stamp refreshed when only the mtime moved). */
  unchanged: ManifestDocument[];
  failures: LoadFailure[];
  /** Unchanged documents whose file had to be read to know it (mtime moved, bytes did not). */
  rehashed: number;
}

export function hashBytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Scans `corpusDir` against `previous` documents (by path); without them every file is loaded. */
export async function scanCorpus(
  corpusDir: string,
  previous: readonly ManifestDocument[] | undefined,
  options: LoadOptions = {},
): Promise<CorpusScan> {
  const byPath = new Map(previous?.map((d) => [d.path, d]) ?? []);
  const listing = await walkCorpus(corpusDir);
  const scan: CorpusScan = { articles: [], unchanged: [], failures: [...listing.problems], rehashed: 0 };
  const pathById = new Map<string, string>();
  const paths: string[] = [];
  const ids: string[] = [];
  for (const path of listing.files) {
    // The id is claimed before loading, so the later of two same-named files fails even if the first does.
    const id = slugFromFileName(path);
    const firstPath = pathById.get(id);
    if (firstPath !== undefined)
      scan.failures.push({
        path,
        reason: `duplicate article id "${id}": ${firstPath} already uses it (rename one of the files)`,
      });
    else {
      pathById.set(id, path);
      paths.push(path);
      ids.push(id);
    }
  }
  // A stat of a listed file is a metadata read the walk just brought into the kernel's cache: done
  // synchronously (a promise per file costs more than the call itself), a batch at a time, letting the event
  // loop turn between batches so an interrupt is handled.
  const stamps: (Stats | Error)[] = [];
  for (let start = 0; start < paths.length; start += STAT_BATCH) {
    for (const path of paths.slice(start, start + STAT_BATCH)) stamps.push(statOrError(join(corpusDir, path)));
    await nextTurn();
  }
  for (const [i, path] of paths.entries()) {
    const id = ids[i]!;
    try {
      const info = stamps[i]!;
      if (info instanceof Error) throw info;
      const before = byPath.get(path);
      const stamp = { size: Number(info.size), mtimeMs: Number(info.mtimeMs) };
      if (
        before?.file &&
        before.id === id &&
        before.file.size === stamp.size &&
        before.file.mtimeMs === stamp.mtimeMs
      ) {
        scan.unchanged.push(before);
        continue;
      }
      const absolute = join(corpusDir, path);
      const bytes = await readFile(absolute);
      const file: FileStamp = { ...stamp, hash: hashBytes(bytes) };
      if (before?.file && before.id === id && before.file.hash === file.hash) {
        scan.unchanged.push({ ...before, file });
        scan.rehashed++;
        continue;
      }
      scan.articles.push({ article: await loadArticleFile(absolute, corpusDir, options), file });
    } catch (error) {
      const reason =
        error instanceof ArticleLoadError ? error.reason : `cannot read the file: ${(error as Error).message}`;
      scan.failures.push({ path, reason });
    }
  }
  return scan;
}
