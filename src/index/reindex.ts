// Incremental reindex. Change detection is per file (size + mtime, then the bytes' hash, see corpus-scan.ts);
// when nothing changed the live build stays as it is and nothing is written. Otherwise the new build starts
// as a copy of the live one and is edited in place: the chunks of removed and changed articles are deleted
// (HNSW markDelete, their postings dropped), those of new and changed articles added (vectors from the
// embedding cache or the embedder, HNSW addPoint into free slots), then published with the same atomic
// pointer switch as a full build. `--full`, an embedder change or new chunking settings start from empty.
// The collaboration records are kept per unchanged article only while the live build's registry is complete
// and of the current extractor version; otherwise the unchanged articles' files are read too (not embedded)
// and every article's records are extracted again into the new build.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ConfigError, resolvePath, type Config } from '../config.ts';
import { isUserError } from '../errors.ts';
import { silentLogger, type Logger } from '../log.ts';
import { chunkArticle } from '../ingest/chunk.ts';
import type { Article } from '../ingest/types.ts';
import { createAnalyzer, type Analyzer } from '../text/analyze.ts';
import type { BuildWriter } from './build-db.ts';
import { describeEmbedder, documentRef } from '../types.ts';
import {
  finishBuild,
  openBuildReader,
  readBuildManifest,
  startBuild,
  WRITE_STEPS,
  type OpenBuild,
} from './build-files.ts';
import { scanCorpus, type ScannedArticle } from './corpus-scan.ts';
import { ArticleLoadError, loadArticleFile, type LoadOptions } from '../ingest/load.ts';
import { ARTICLE_RECORD_STEPS, type ArticleRecordStep } from './article-records.ts';
import { EmbeddingCache } from './embedding-cache.ts';
import { embeddingText } from './embedding-text.ts';
import { LEXICAL_VERSION, analyzeDocument, groupByDocument } from './lexical.ts';
import { acquireReindexLock } from './lock.ts';
import { assertShrinkAllowed } from './shrink-guard.ts';
import { newBuildId, readCurrentBuildId, removeBuildsExcept, writeCurrentBuildId } from './layout.ts';
import { createManifest, sameEmbedder } from './manifest.ts';
import type {
  ChunkingSettings,
  EmbedderHandle,
  Manifest,
  ManifestDocument,
  ReindexProgress,
  ReindexSummary,
  StoredChunk,
} from './types.ts';
import { VectorStore } from './vector-store.ts';
import {
  CURRENT_EXTRACTOR,
  REGISTRY_FORMAT_VERSION,
  registryHeadOf,
  writeRegistry,
  type RecordExtractor,
} from './registry-store.ts';

export interface ReindexOptions {
  embedder: EmbedderHandle;
  /** Rebuild from scratch: no comparison shortcuts, no cached vectors for this embedder. */
  full?: boolean;
  /** Publish the new build even when it removes more than half of the indexed articles (see shrink-guard.ts). */
  allowShrink?: boolean;
  onProgress?: ReindexProgress;
  logger?: Logger;
  /** Per-article record steps (default: ARTICLE_RECORD_STEPS of src/index/article-records.ts). */
  recordSteps?: readonly ArticleRecordStep[];
  /** The collaboration record extractor (default: src/ingest/records at EXTRACTOR_VERSION). */
  recordExtractor?: RecordExtractor;
}

/** Write-phase steps after the build directory is complete. */
const FINAL_STEPS = ['embedding cache', 'switch to new build'] as const;

/**
 * Above this share of deleted slots in the graph, it is rebuilt from its live vectors (no embedding).
 * Deleted slots are reused by additions, so the share only grows when a corpus shrinks; a fifth is the
 * point where hnswlib's search starts to spend noticeable time walking deleted nodes.
 */
export const COMPACTION_DELETED_SHARE = 0.2;

/** New chunks are embedded and added in batches of about this many, so memory stays bounded. */
const ADD_BATCH_CHUNKS = 512;

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
  // INDEX_BACKEND=postgres: INDEX_DIR is the work folder; the build is then published to the database.
  const postgres = config.INDEX_BACKEND === 'postgres' ? await import('./postgres/publish.ts') : undefined;
  await postgres?.assertDatabaseReady(config);
  const lock = await acquireReindexLock(indexDir);
  try {
    const summary = await buildAndSwap(config, indexDir, corpusDir, options, started);
    if (postgres && summary.buildId) {
      await postgres.publishBuild(config, indexDir, summary.buildId, options.logger ? { logger: options.logger } : {});
    }
    return summary;
  } finally {
    await lock.release();
  }
}

type FullReason = NonNullable<ReindexSummary['full']>;

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
  const chunking: ChunkingSettings = { size: config.CHUNK_SIZE, overlap: config.CHUNK_OVERLAP };

  const previous = await readPreviousBuild(indexDir, logger);
  const embedderChanged = previous !== undefined && !sameEmbedder(previous.manifest.embedder, embedder.info);
  const chunkingChanged = previous !== undefined && !sameChunking(previous.manifest.chunking, chunking);
  const fullReason: FullReason | undefined = options.full
    ? 'requested'
    : embedderChanged
      ? 'embedderChanged'
      : chunkingChanged
        ? 'settingsChanged'
        : undefined;
  if (embedderChanged) {
    logger.warn(
      { previous: previous.manifest.embedder, current: embedder.info },
      `the index was built with ${describeEmbedder(previous.manifest.embedder)}; rebuilding it in full with ${describeEmbedder(embedder.info)}`,
    );
  }
  // The build edited in place, when there is one to start from.
  const base = previous !== undefined && fullReason === undefined ? previous : undefined;

  progress({ phase: 'load', done: 0, total: 1, detail: config.CORPUS_DIR });
  const scan = await scanCorpus(corpusDir, base?.manifest.documents, { maxArticleBytes: config.MAX_ARTICLE_BYTES });
  progress({ phase: 'load', done: 1, total: 1, detail: `${scan.articles.length + scan.unchanged.length} articles` });

  const plan = planChanges(scan.articles, scan.unchanged, scan.failures, previous, base !== undefined);
  const extractor = options.recordExtractor ?? CURRENT_EXTRACTOR;
  const stored = base ? await storedFormatsOf(indexDir, base, extractor) : undefined;
  assertShrinkAllowed({
    before: previous?.manifest.documents.length ?? 0,
    removed: plan.changes.removed.length,
    after: plan.documents.length + plan.articles.length,
    corpusDir: config.CORPUS_DIR,
    allowShrink: options.allowShrink === true,
  });
  const summaryOf = (
    manifest: Manifest,
    buildId: string,
    embedded: number,
    extra: Partial<ReindexSummary> = {},
  ): ReindexSummary => ({
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
    ...extra,
  });

  if (base && plan.articles.length === 0 && plan.touched.size === 0 && stored?.current === true) {
    const summary = summaryOf(base.manifest, base.buildId, 0, { unchangedBuild: true });
    logger.debug({ summary }, 'reindex: nothing changed, the live build stays');
    return summary;
  }

  // Records of another extractor, or none for some articles: those articles are read again for them (only
  // for them: no chunking, no embedding), in writeRegistry below.
  const recordsRederived = stored?.records;
  if (recordsRederived) {
    logger.info(
      { reason: recordsRederived },
      'the collaboration records of the live build are not all current; extracting them again from the article files',
    );
  }
  const loadOptions: LoadOptions = { maxArticleBytes: config.MAX_ARTICLE_BYTES };
  let reloads = 0;
  const reload = async (doc: ManifestDocument): Promise<Article | undefined> => {
    if (++reloads % 64 === 0) await nextTurn();
    return reloadArticle(corpusDir, doc, loadOptions, logger);
  };

  const newDocuments = plan.articles.map((a) => chunksOf(a.article, chunking, a.file));
  plan.documents.push(...newDocuments.map((d) => d.document!));
  const buildId = newBuildId();
  const build = await startBuild(indexDir, buildId, {
    dimension: embedder.info.dimension,
    searchEf: config.SEARCH_EF,
    ...(base ? { from: base.buildId } : {}),
  });
  const cache = await EmbeddingCache.open(indexDir, embedder.info, { fresh: options.full === true, logger });
  let embedded: number;
  let compacted = false;
  const forgotten: string[] = [];
  try {
    const analyzer = createAnalyzer();
    if (build.writer.meta.lexicalVersion !== LEXICAL_VERSION) reanalyze(build.writer, analyzer);
    for (const docId of plan.touched) forgotten.push(...removeDocument(build, docId, analyzer));
    const keptFromPrevious = base ? [] : await previousChunksOf(indexDir, previous, plan.keptDocuments);
    const additions = [...newDocuments, ...keptFromPrevious];
    embedded = await addDocuments(
      build,
      additions,
      cache,
      embedder,
      analyzer,
      progress,
      options.recordSteps ?? ARTICLE_RECORD_STEPS,
    );
    if (build.vectors.deletedShare > COMPACTION_DELETED_SHARE) {
      build.vectors = compactVectors(build, embedder.info.dimension, config.SEARCH_EF);
      compacted = true;
    }
  } catch (error) {
    build.writer.abort();
    cache.close();
    throw error;
  }

  const manifest = createManifest(embedder.info, plan.documents, new Date(), chunking);
  const totalSteps = WRITE_STEPS.length + FINAL_STEPS.length;
  await finishBuild(
    indexDir,
    build,
    manifest,
    (step, index) => progress({ phase: 'write', done: index, total: totalSteps, detail: step }),
    // The collaboration records of the same documents, in the build before it is synced (see
    // registry-store.ts): extracted for the articles loaded now (added or changed), taken over when current,
    // extracted from the file read again otherwise.
    (dir) =>
      writeRegistry(
        indexDir,
        buildId,
        previous?.buildId,
        scan.articles.map((a) => a.article),
        manifest.documents,
        { full: options.full === true, logger, dir, extractor, reload },
      ),
  );
  progress({ phase: 'write', done: WRITE_STEPS.length, total: totalSteps, detail: FINAL_STEPS[0] });
  const newTexts = new Set(newDocuments.flatMap((d) => d.chunks.map(embeddingText)));
  if (base) cache.forget(forgotten.filter((text) => !newTexts.has(text)));
  else await cache.save(await allEmbeddingTexts(indexDir, buildId));
  cache.close();
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

  const summary = summaryOf(manifest, buildId, embedded, {
    ...(compacted ? { compacted } : {}),
    ...(recordsRederived ? { recordsRederived } : {}),
  });
  logger.debug({ summary }, 'reindex done');
  return summary;
}

interface ChangePlan {
  /** Articles to add (new or changed), with their file stamps. */
  articles: ScannedArticle[];
  /** Every document of the new build. */
  documents: ManifestDocument[];
  /** Documents of the base build whose chunks go (changed or removed). */
  touched: Set<string>;
  /** Previous documents kept although their file failed to load (copied when there is no base build). */
  keptDocuments: ManifestDocument[];
  changes: Pick<ReindexSummary, 'added' | 'changed' | 'removed' | 'unchanged'>;
  failed: ReindexSummary['failed'];
}

function planChanges(
  articles: readonly ScannedArticle[],
  unchanged: readonly ManifestDocument[],
  failures: readonly { path: string; reason: string }[],
  previous: PreviousBuild | undefined,
  incremental: boolean,
): ChangePlan {
  const previousDocs = new Map(previous?.manifest.documents.map((d) => [d.id, d]) ?? []);
  const plan: ChangePlan = {
    articles: [],
    documents: [...unchanged],
    touched: new Set(),
    keptDocuments: [],
    changes: { added: [], changed: [], removed: [], unchanged: unchanged.map((d) => d.id) },
    failed: [],
  };
  const present = new Map<string, string>(unchanged.map((d) => [d.id, d.path]));
  for (const scanned of articles) {
    const { article } = scanned;
    const clash = present.get(article.id);
    if (clash !== undefined) {
      plan.failed.push({
        path: article.path,
        reason: `it has the same document id "${article.id}" as ${clash}; rename one of them (ids are file names without extension)`,
      });
      continue;
    }
    present.set(article.id, article.path);
    plan.articles.push(scanned);
    const before = previousDocs.get(article.id);
    const bucket = !before
      ? plan.changes.added
      : before.contentHash !== article.contentHash || before.path !== article.path
        ? plan.changes.changed
        : plan.changes.unchanged;
    bucket.push(article.id);
    if (before && incremental) plan.touched.add(article.id);
  }
  // A file that fails to load keeps its previously indexed version: a typo in one article must not
  // make it vanish from the answers.
  for (const failure of [...failures].sort((a, b) => a.path.localeCompare(b.path))) {
    const before = previous?.manifest.documents.find((d) => d.path === failure.path && !present.has(d.id));
    if (before) {
      plan.documents.push(before);
      plan.keptDocuments.push(before);
      present.set(before.id, before.path);
    }
    plan.failed.push({ path: failure.path, reason: failure.reason, kept: before !== undefined });
  }
  for (const id of previousDocs.keys()) {
    if (present.has(id)) continue;
    plan.changes.removed.push(id);
    if (incremental) plan.touched.add(id);
  }
  plan.changes.unchanged.sort();
  return plan;
}

interface DocumentChunks {
  docId: string;
  chunks: StoredChunk[];
  /** The parsed article (absent for chunks kept from the previous build). */
  article?: Article;
  /** The manifest entry the new build records (undefined: already in plan.documents). */
  document?: ManifestDocument;
}

function chunksOf(article: Article, chunking: ChunkingSettings, file?: ScannedArticle['file']): DocumentChunks {
  const chunks = chunkArticle(article, chunking).map((chunk): StoredChunk => ({
    id: chunk.id,
    docId: article.id,
    index: chunk.index,
    ...documentFields(article),
    text: chunk.text,
    start: chunk.start,
    end: chunk.end,
  }));
  return { docId: article.id, chunks, article, ...(file ? { document: manifestDocument(article, chunks, file) } : {}) };
}

function manifestDocument(
  article: Article,
  chunks: readonly StoredChunk[],
  file: ScannedArticle['file'],
): ManifestDocument {
  return {
    id: article.id,
    ...documentFields(article),
    contentHash: article.contentHash,
    chunkIds: chunks.map((c) => c.id),
    file,
  };
}

/** Deletes a document's chunks from the build; returns their embedding texts (to drop from the cache). */
function removeDocument(build: OpenBuild, docId: string, analyzer: Analyzer): string[] {
  const rows = build.writer.chunksOf(docId);
  if (rows.length === 0) return [];
  const chunks = rows.map((r) => r.chunk);
  build.writer.removeDocument(
    docId,
    rows.map((r) => r.ordinal),
    analyzeDocument(chunks, analyzer),
  );
  for (const { ordinal } of rows) build.vectors.remove(ordinal);
  return chunks.map(embeddingText);
}

/** Embeds (through the cache) and adds documents in batches; returns how many texts went to the embedder. */
async function addDocuments(
  build: OpenBuild,
  documents: readonly DocumentChunks[],
  cache: EmbeddingCache,
  embedder: EmbedderHandle,
  analyzer: Analyzer,
  progress: ReindexProgress,
  recordSteps: readonly ArticleRecordStep[],
): Promise<number> {
  const total = documents.reduce((n, d) => n + d.chunks.length, 0);
  let done = 0;
  let embedded = 0;
  progress({ phase: 'embed', done: 0, total });
  for (let start = 0; start < documents.length;) {
    const batch: DocumentChunks[] = [];
    let size = 0;
    while (start < documents.length && (batch.length === 0 || size < ADD_BATCH_CHUNKS)) {
      const next = documents[start++]!;
      batch.push(next);
      size += next.chunks.length;
    }
    const texts = batch.flatMap((d) => d.chunks.map(embeddingText));
    const result = await cache.embed(texts, embedder.embeddings);
    embedded += result.embedded;
    let i = 0;
    for (const doc of batch) {
      const ordinals = build.writer.addDocument(doc.docId, doc.chunks, analyzeDocument(doc.chunks, analyzer));
      for (const ordinal of ordinals) build.vectors.add(ordinal, result.vectors[i++]!);
      writeArticleRecords(build.writer, doc, recordSteps);
    }
    done += size;
    progress({ phase: 'embed', done, total });
    // The batch was synchronous work: let the event loop turn (an interrupt is handled between batches).
    await nextTurn();
  }
  return embedded;
}

/** Per-article derived records (src/index/article-records.ts), stored with the article's chunks. */
function writeArticleRecords(writer: BuildWriter, doc: DocumentChunks, steps: readonly ArticleRecordStep[]): void {
  for (const step of steps) {
    const record = step.derive({
      docId: doc.docId,
      chunks: doc.chunks,
      ...(doc.article ? { article: doc.article } : {}),
    });
    if (record !== undefined) writer.putRecord(doc.docId, step.kind, record);
  }
}

/** Re-analyzes every stored chunk (the analyzer or the fields changed); vectors are untouched. */
function reanalyze(writer: BuildWriter, analyzer: Analyzer): void {
  const rows = writer.allChunks();
  const ordinalOf = new Map(rows.map((r) => [r.chunk.id, r.ordinal]));
  writer.clearLexical();
  for (const chunks of groupByDocument(rows.map((r) => r.chunk))) {
    writer.addLexical(
      chunks[0]!.docId,
      chunks.map((c) => ordinalOf.get(c.id)!),
      analyzeDocument(chunks, analyzer),
    );
  }
}

/** A new graph holding only the live vectors (read back from the old graph: nothing is embedded). */
function compactVectors(build: OpenBuild, dimension: number, searchEf: number): VectorStore {
  const ordinals = build.writer.allChunks().map((r) => r.ordinal);
  const compact = VectorStore.create(dimension, searchEf, ordinals.length);
  for (const ordinal of ordinals) compact.add(ordinal, build.vectors.vector(ordinal));
  return compact;
}

/** The chunks of documents kept from the previous build when the new one starts empty. */
async function previousChunksOf(
  indexDir: string,
  previous: PreviousBuild | undefined,
  documents: readonly ManifestDocument[],
): Promise<DocumentChunks[]> {
  if (!previous || documents.length === 0) return [];
  try {
    const reader = openBuildReader(indexDir, previous.buildId);
    try {
      const wanted = new Set(documents.map((d) => d.id));
      const chunks = [...reader.chunkRows()].map((r) => r.chunk).filter((c) => wanted.has(c.docId));
      return groupByDocument(chunks).map((list) => ({ docId: list[0]!.docId, chunks: list }));
    } finally {
      reader.close();
    }
  } catch {
    return [];
  }
}

async function allEmbeddingTexts(indexDir: string, buildId: string): Promise<string[]> {
  const reader = openBuildReader(indexDir, buildId);
  try {
    return [...reader.chunkRows()].map((r) => embeddingText(r.chunk));
  } finally {
    reader.close();
  }
}

interface StoredFormats {
  /** Nothing in the build is in an older format: a reindex with no article changed has nothing to write. */
  current: boolean;
  /** Why the records of unchanged articles cannot be taken over, when they cannot. */
  records?: 'extractorChanged' | 'missing';
}

/**
 * Whether the base build's stored data is current: its lexical entries were made by this analyzer, and its
 * registry is of this format and holds records of this extractor for every document. An older one makes a
 * change with no article changed: a new build with the same chunks (re-analyzed, or with the registry
 * rewritten) and the same atomic publish. Costs two small reads when everything is current.
 */
async function storedFormatsOf(
  indexDir: string,
  base: PreviousBuild,
  extractor: RecordExtractor,
): Promise<StoredFormats> {
  const lexicalCurrent = (await lexicalVersionOf(indexDir, base.buildId)) === LEXICAL_VERSION;
  const head = await registryHeadOf(indexDir, base.buildId, base.manifest.documents.length).catch(() => undefined);
  // No registry (a build made before it existed), an unreadable one or one missing some documents.
  const records =
    head?.extractor === undefined ? 'missing' : head.extractor !== extractor.version ? 'extractorChanged' : undefined;
  const current = lexicalCurrent && records === undefined && head!.formatVersion >= REGISTRY_FORMAT_VERSION;
  return records ? { current, records } : { current };
}

/**
 * The article of an indexed document, read again for its records only; undefined (the document keeps its
 * previous records) when its file no longer loads or its article is no longer the one indexed.
 */
async function reloadArticle(
  corpusDir: string,
  doc: ManifestDocument,
  options: LoadOptions,
  logger: Logger,
): Promise<Article | undefined> {
  try {
    const article = await loadArticleFile(join(corpusDir, doc.path), corpusDir, options);
    if (article.id === doc.id && article.contentHash === doc.contentHash) return article;
    logger.warn({ path: doc.path }, 'the article is no longer the indexed one; its previous records are kept');
  } catch (error) {
    const reason = error instanceof ArticleLoadError ? error.reason : (error as Error).message;
    logger.warn({ path: doc.path, reason }, 'cannot read the article again; its previous records are kept');
  }
  return undefined;
}

async function lexicalVersionOf(indexDir: string, buildId: string): Promise<string | undefined> {
  try {
    const reader = openBuildReader(indexDir, buildId);
    const version = reader.meta.lexicalVersion;
    reader.close();
    return version;
  } catch {
    return undefined;
  }
}

function sameChunking(a: ChunkingSettings | undefined, b: ChunkingSettings): boolean {
  return a !== undefined && a.size === b.size && a.overlap === b.overlap;
}

/** The live build's manifest, if any. An unreadable previous build only costs incrementality. */
async function readPreviousBuild(indexDir: string, logger: Logger): Promise<PreviousBuild | undefined> {
  try {
    const buildId = await readCurrentBuildId(indexDir);
    if (buildId === undefined) return undefined;
    return { buildId, manifest: await readBuildManifest(indexDir, buildId) };
  } catch (error) {
    if (!isUserError(error, 'index.corrupt') && !isUserError(error, 'index.missing')) throw error;
    logger.warn(
      { err: error },
      'the current index cannot be read or is in an older format; building a new one from scratch',
    );
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
