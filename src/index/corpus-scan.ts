// Which corpus files changed since the previous build, from the cheapest evidence up: a file whose size and
// mtime match what the manifest recorded is unchanged without being read; otherwise its bytes are hashed,
// and only a file whose bytes differ is parsed again.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ArticleLoadError, loadArticleFile, slugFromFileName, walkCorpus, type LoadOptions } from '../ingest/load.ts';
import type { Article, LoadFailure } from '../ingest/types.ts';
import type { FileStamp, ManifestDocument } from './types.ts';

/** Files stat'ed at once. */
const STAT_BATCH = 64;

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
    }
  }
  // Stats are independent: issued a batch at a time rather than one after the other.
  const stamps: (Awaited<ReturnType<typeof stat>> | Error)[] = [];
  for (let start = 0; start < paths.length; start += STAT_BATCH) {
    const batch = paths
      .slice(start, start + STAT_BATCH)
      .map((path) => stat(join(corpusDir, path)).catch((error: unknown) => error as Error));
    stamps.push(...(await Promise.all(batch)));
  }
  for (const [i, path] of paths.entries()) {
    const id = slugFromFileName(path);
    const absolute = join(corpusDir, path);
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
