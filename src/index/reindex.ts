// Incremental reindex: load the corpus, chunk every article, reuse cached vectors for every chunk text
// seen before, embed only the rest, write a complete new build, then switch the pointer to it.
// HNSWLib has no per-document delete, so the graph is always rebuilt, from (mostly cached) vectors.
import { stat } from 'node:fs/promises';
import { ConfigError, resolvePath, type Config } from '../config.ts';
import { isUserError } from '../errors.ts';
import { silentLogger, type Logger } from '../log.ts';
import { chunkArticle } from '../ingest/chunk.ts';
import { describeEmbedder, documentRef } from '../types.ts';
import { loadCorpus } from '../ingest/load.ts';
import type { Article, LoadFailure } from '../ingest/types.ts';
import { readBuildChunks, readBuildManifest, WRITE_STEPS, writeBuild } from './build-files.ts';
import { EmbeddingCache } from './embedding-cache.ts';
import { embeddingText } from './embedding-text.ts';
import { acquireReindexLock } from './lock.ts';
import { assertShrinkAllowed } from './shrink-guard.ts';
import { newBuildId, readCurrentBuildId, removeBuildsExcept, writeCurrentBuildId } from './layout.ts';
import { createManifest, sameEmbedder } from './manifest.ts';
import type {
  EmbedderHandle,
  Manifest,
  ManifestDocument,
  ReindexProgress,
  ReindexSummary,
  StoredChunk,
} from './types.ts';
import { VectorStore } from './vector-store.ts';
import { writeRegistry } from './registry-store.ts';

export interface ReindexOptions {
  embedder: EmbedderHandle;
  /** Rebuild from scratch: no comparison shortcuts, no cached vectors for this embedder. */
  full?: boolean;
  /** Publish the new build even when it removes more than half of the indexed articles (see shrink-guard.ts). */
  allowShrink?: boolean;
  onProgress?: ReindexProgress;
  logger?: Logger;
}

/** Write-phase steps after the build directory is complete. */
const FINAL_STEPS = ['embedding cache', 'switch to new build'] as const;

interface PreviousBuild {
  buildId: string;
  manifest: Manifest;
}

/**
 * Rebuilds the index under INDEX_DIR from CORPUS_DIR. Holds the reindex lock (throws
 * UserError('reindex.alreadyRunning') when another reindex holds it; UserError('reindex.shrink') when it would
 * remove more than half of the indexed articles without `allowShrink`). Files that fail to load are listed
 * in `failed`; their previously indexed version stays in the index. The new build becomes live only as
 * the very last step, so an interrupted reindex leaves the previous index in place.
 */
export async function reindex(config: Config, options: ReindexOptions): Promise<ReindexSummary> {
  const started = performance.now();
  const indexDir = resolvePath(config.INDEX_DIR);
  const corpusDir = resolvePath(config.CORPUS_DIR);
  await assertCorpusDir(corpusDir, config.CORPUS_DIR);
  const lock = await acquireReindexLock(indexDir);
  try {
    return await buildAndSwap(config, indexDir, corpusDir, options, started);
  } finally {
    await lock.release();
  }
}

async function buildAndSwap(
  config: Config,
  indexDir: string,
  corpusDir: string,
  options: ReindexOptions,
  started: number,
): Promise<ReindexSummary> {
  const { embedder } = options;
  const logger = options.logger ?? silentLogger;
  const progress: ReindexProgress = options.onProgress ?? (() => {});

  const previous = await readPreviousBuild(indexDir, logger);
  const embedderChanged = previous !== undefined && !sameEmbedder(previous.manifest.embedder, embedder.info);
  const fullReason = options.full ? 'requested' : embedderChanged ? 'embedderChanged' : undefined;
  if (embedderChanged) {
    logger.warn(
      { previous: previous.manifest.embedder, current: embedder.info },
      `the index was built with ${describeEmbedder(previous.manifest.embedder)}; rebuilding it in full with ${describeEmbedder(embedder.info)}`,
    );
  }

  progress({ phase: 'load', done: 0, total: 1, detail: config.CORPUS_DIR });
  const corpus = await loadCorpus(corpusDir, { maxArticleBytes: config.MAX_ARTICLE_BYTES });
  progress({ phase: 'load', done: 1, total: 1, detail: `${corpus.articles.length} articles` });

  const plan = await planDocuments(corpus.articles, corpus.failures, previous, indexDir, config);
  assertShrinkAllowed({ before: previous?.manifest.documents.length ?? 0, removed: plan.changes.removed.length, after: plan.documents.length, corpusDir: config.CORPUS_DIR, allowShrink: options.allowShrink === true });

  const texts = plan.chunks.map(embeddingText);
  const cache = await EmbeddingCache.open(indexDir, embedder.info, { fresh: options.full === true, logger });
  const { vectors, embedded } = await cache.embed(texts, embedder.embeddings, (done, total) =>
    progress({ phase: 'embed', done, total }),
  );

  const store = await VectorStore.create(
    embedder.embeddings,
    embedder.info.dimension,
    plan.chunks.map((chunk, i) => ({ chunkId: chunk.id, vector: vectors[i]! })),
    config.SEARCH_EF,
  );
  const manifest = createManifest(embedder.info, plan.documents);
  const buildId = newBuildId();
  const totalSteps = WRITE_STEPS.length + FINAL_STEPS.length;
  await writeBuild(indexDir, buildId, { vectors: store, chunks: plan.chunks, manifest }, (step, index) =>
    progress({ phase: 'write', done: index, total: totalSteps, detail: step }),
  );
  // The collaboration records of the same documents, written before the switch (see registry-store.ts).
  await writeRegistry(indexDir, buildId, previous?.buildId, corpus.articles, manifest.documents, { full: options.full === true, logger });
  progress({ phase: 'write', done: WRITE_STEPS.length, total: totalSteps, detail: FINAL_STEPS[0] });
  await cache.save(texts);
  progress({ phase: 'write', done: WRITE_STEPS.length + 1, total: totalSteps, detail: FINAL_STEPS[1] });
  await writeCurrentBuildId(indexDir, buildId);
  progress({ phase: 'write', done: totalSteps, total: totalSteps, detail: 'done' });

  // The previous build is kept one more round: a process that read the old pointer just before the switch
  // can still load it. Everything older, and temp dirs of interrupted runs, go.
  try {
    const keep = new Set([buildId, ...(previous ? [previous.buildId] : [])]);
    const removed = await removeBuildsExcept(indexDir, keep);
    if (removed.length > 0) logger.debug({ removed }, 'removed old index builds');
  } catch (error) {
    logger.warn({ err: error }, 'could not remove old index builds; they only take disk space');
  }

  const summary: ReindexSummary = {
    ...plan.changes,
    failed: plan.failed,
    documents: manifest.documents.length,
    chunks: manifest.chunkCount,
    embedded,
    seconds: Math.round((performance.now() - started) / 10) / 100,
    embedder: embedder.info,
    buildId,
    ...(fullReason ? { full: fullReason } : {}),
    ...(embedderChanged ? { previousEmbedder: previous.manifest.embedder } : {}),
  };
  logger.debug({ summary }, 'reindex done');
  return summary;
}

interface DocumentPlan {
  chunks: StoredChunk[];
  documents: ManifestDocument[];
  changes: Pick<ReindexSummary, 'added' | 'changed' | 'removed' | 'unchanged'>;
  failed: ReindexSummary['failed'];
}

/**
 * Decides what the new build holds: every loaded article, re-chunked (cheap; the embedding cache makes
 * unchanged chunks free), plus the previous version of any document whose file failed to load.
 */
async function planDocuments(
  articles: readonly Article[],
  failures: readonly LoadFailure[],
  previous: PreviousBuild | undefined,
  indexDir: string,
  config: Config,
): Promise<DocumentPlan> {
  const previousDocs = new Map(previous?.manifest.documents.map((d) => [d.id, d]) ?? []);
  const plan: DocumentPlan = {
    chunks: [],
    documents: [],
    changes: { added: [], changed: [], removed: [], unchanged: [] },
    failed: [],
  };
  const present = new Map<string, string>(); // doc id -> path

  for (const article of [...articles].sort((a, b) => a.path.localeCompare(b.path))) {
    const clash = present.get(article.id);
    if (clash !== undefined) {
      plan.failed.push({
        path: article.path,
        reason: `it has the same document id "${article.id}" as ${clash}; rename one of them (ids are file names without extension)`,
      });
      continue;
    }
    present.set(article.id, article.path);
    const chunks = chunkArticle(article, { size: config.CHUNK_SIZE, overlap: config.CHUNK_OVERLAP }).map(
      (chunk): StoredChunk => ({
        id: chunk.id,
        docId: article.id,
        index: chunk.index,
        ...documentFields(article),
        text: chunk.text,
        start: chunk.start,
        end: chunk.end,
      }),
    );
    plan.chunks.push(...chunks);
    plan.documents.push({
      id: article.id,
      ...documentFields(article),
      contentHash: article.contentHash,
      chunkIds: chunks.map((c) => c.id),
    });
    const before = previousDocs.get(article.id);
    const bucket = !before
      ? plan.changes.added
      : before.contentHash !== article.contentHash || before.path !== article.path
        ? plan.changes.changed
        : plan.changes.unchanged;
    bucket.push(article.id);
  }

  // A file that fails to load keeps its previously indexed version: a typo in one article must not
  // make it vanish from the answers.
  let previousChunks: Map<string, StoredChunk[]> | undefined;
  for (const failure of [...failures].sort((a, b) => a.path.localeCompare(b.path))) {
    const before = previous?.manifest.documents.find((d) => d.path === failure.path && !present.has(d.id));
    let kept = false;
    if (before && previous) {
      previousChunks ??= groupByDoc(await readBuildChunks(indexDir, previous.buildId).catch(() => []));
      const chunks = previousChunks.get(before.id) ?? [];
      if (chunks.length === before.chunkIds.length) {
        plan.chunks.push(...chunks);
        plan.documents.push(before);
        present.set(before.id, before.path);
        kept = true;
      }
    }
    plan.failed.push({ path: failure.path, reason: failure.reason, kept });
  }

  for (const id of previousDocs.keys()) if (!present.has(id)) plan.changes.removed.push(id);
  return plan;
}

function groupByDoc(chunks: readonly StoredChunk[]): Map<string, StoredChunk[]> {
  const byDoc = new Map<string, StoredChunk[]>();
  for (const chunk of chunks) {
    const list = byDoc.get(chunk.docId) ?? [];
    list.push(chunk);
    byDoc.set(chunk.docId, list);
  }
  return byDoc;
}

/** The live build's manifest, if any. An unreadable previous build only costs incrementality. */
async function readPreviousBuild(indexDir: string, logger: Logger): Promise<PreviousBuild | undefined> {
  try {
    const buildId = await readCurrentBuildId(indexDir);
    if (buildId === undefined) return undefined;
    return { buildId, manifest: await readBuildManifest(indexDir, buildId) };
  } catch (error) {
    if (!isUserError(error, 'index.corrupt')) throw error;
    logger.warn({ err: error }, 'the current index cannot be read; building a new one from scratch');
    return undefined;
  }
}

/** A mistyped CORPUS_DIR must not silently publish an empty index. */
async function assertCorpusDir(corpusDir: string, configured: string): Promise<void> {
  const info = await stat(corpusDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new ConfigError(
      'CORPUS_DIR',
      `Invalid CORPUS_DIR=${JSON.stringify(configured)}: ${corpusDir} is not a directory. Point CORPUS_DIR (or --corpus) at the folder of articles.`,
    );
  }
}

/** The article fields every chunk and the manifest carry, so a citation needs nothing else. */
function documentFields(article: Article) {
  return { ...documentRef(article), institutions: article.institutions };
}
