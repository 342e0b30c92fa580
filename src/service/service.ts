// The service both front ends call: ask, list sources, reindex. It owns the current index snapshot and swaps
// in a new one when a reindex (from this process or another) publishes a new build.
import { resolvePath, type Config } from '../config.ts';
import { silentLogger, type Logger } from '../log.ts';
import { UserError, isUserError } from '../errors.ts';
import type { EmbedderHandle, IndexSnapshot, ReindexProgress, ReindexSummary } from '../index/types.ts';
import { createEmbeddings } from '../index/embeddings/select.ts';
import { indexBackend, type IndexBackend } from '../index/backend.ts';
import { documentRef } from '../types.ts';
import { guardReindexInterrupt } from '../index/cleanup.ts';
import { waitForReindexLock } from '../index/lock.ts';
import { emptyIndexNotice } from './notices.ts';
import { retrieve, retrieveWithDiagnostics } from '../retrieve/retrieve.ts';
import type { Retrieval } from '../retrieve/types.ts';
import { composeAnswer } from '../answer/compose.ts';
import type { Answer } from '../answer/types.ts';
import type {
  AskOptions,
  CollaborationList,
  CollabService,
  IndexStats,
  RetrievalDiagnostics,
  SourceInfo,
} from './types.ts';
import { registryOf, type CollaborationFilter } from '../retrieve/registry.ts';
import { registryAnswer } from '../answer/registry-answer.ts';

/** Party names offered at once (Discord shows at most 25 autocomplete choices). */
const PARTY_SUGGESTIONS = 25;

export interface ServiceDeps {
  logger?: Logger;
  /** Use this embedder instead of the configured one (tests count its calls). */
  embedder?: EmbedderHandle;
  /** One-line notices meant for the person running the command (index built, embedder fallback...). */
  onNotice?: (line: string) => void;
  /** Progress of an index build triggered by the service (first run, embedder change, reindex). */
  onProgress?: ReindexProgress;
  /**
   * Build the index on start when there is none, or rebuild it when another embedder made it (default true).
   * `npm run reindex` turns it off: it builds anyway, and reports that build.
   */
  prepareIndex?: boolean;
  /** False: a missing index is an error instead of being built (the answer workers of ./pooled.ts only load). */
  buildMissing?: boolean;
  /**
   * Run reindexes on this thread, at REINDEX_NICE, instead of a worker thread (`npm run reindex`: the process
   * has nothing else to answer, and a thread would load every module a second time).
   */
  reindexInProcess?: boolean;
}

/** Loads of the index on first use: once, then again after waiting for another process's build. */
const FIRST_USE_ATTEMPTS = 2;

/** The service as created in this process: the front ends' API plus what the evaluation measures. */
export interface LocalService extends CollabService {
  /** The embedder the index is queried with (the eval's baseline embeds with the same one). */
  readonly embedder: EmbedderHandle;
  /** The answer to `question` with how retrieval scored the articles for it (the eval's --explain); retrieval runs once. */
  explain(question: string, k: number): Promise<{ answer: Answer; diagnostics: RetrievalDiagnostics }>;
}

export async function createService(config: Config, deps: ServiceDeps = {}): Promise<LocalService> {
  const logger = deps.logger ?? silentLogger;
  const notice = (line: string) => {
    logger.info(line);
    deps.onNotice?.(line);
  };
  // A fallback to the hash embedder is told once per index build (in reindex below), not on every start.
  const embedder = deps.embedder ?? (await createEmbeddings(config));
  const snapshots = new SnapshotHolder(await indexBackend(config), embedder, logger);
  let reindexRun: Promise<ReindexSummary> | undefined;

  async function reindex(options: { full?: boolean; allowShrink?: boolean } = {}): Promise<ReindexSummary> {
    if (reindexRun)
      throw new UserError('reindex.alreadyRunning', 'A reindex is already running; try again when it has finished.');
    if (embedder.fallback) {
      // Told once: on the caller's notice channel when there is one (the terminal), else as a log warning (the bot).
      if (deps.onNotice) notice(embedder.fallback.notice);
      else logger.warn({ reason: embedder.fallback.reason }, embedder.fallback.notice);
    }
    // Loaded on first use: the ingest pipeline behind it (HTML and front-matter parsing, chunking) is only
    // needed to build an index, and importing it costs every start-up a few hundred ms.
    const full = options.full ?? false;
    const allowShrink = options.allowShrink ?? false;
    // A reindex runs in a worker thread so questions keep being answered meanwhile; an embedder handed in by
    // the caller (tests) cannot cross threads, so it runs here.
    const run =
      deps.embedder || deps.reindexInProcess
        ? import('../index/reindex.ts').then(async ({ reindex: build }) => {
            if (deps.reindexInProcess) {
              const { lowerThreadPriority } = await import('../priority.ts');
              lowerThreadPriority(config.REINDEX_NICE, 'REINDEX_NICE', logger);
            }
            return build(config, { embedder, full, allowShrink, logger, onProgress: deps.onProgress });
          })
        : import('../index/reindex-thread.ts').then(({ reindexInThread }) =>
            reindexInThread(
              { config, embedder: embedder.info, full, allowShrink },
              { logger, ...(deps.onProgress ? { onProgress: deps.onProgress } : {}) },
            ),
          );
    reindexRun = run;
    // Ctrl+C / SIGTERM while it runs (here or in a worker thread): its temp build and lock go with the process.
    const endGuard = guardReindexInterrupt(resolvePath(config.INDEX_DIR));
    try {
      const summary = await run;
      // Loaded now when a build is in use or the service prepares one; a service made only to reindex
      // (`prepareIndex: false`, nothing loaded yet) leaves it to its first question, if any.
      if (snapshots.loaded || deps.prepareIndex !== false) await snapshots.refresh();
      return summary;
    } finally {
      endGuard();
      reindexRun = undefined;
    }
  }

  function reportFailures(summary: ReindexSummary) {
    for (const failure of summary.failed) notice(`Not indexed: ${failure.path}: ${failure.reason}`);
  }

  /**
   * A first-use build, or undefined when another process holds the reindex lock: then this waits (at most
   * INDEX_WAIT_SECONDS) for that build instead of failing, so two first runs at once both answer.
   */
  async function buildOrWait(options: { full?: boolean }): Promise<ReindexSummary | undefined> {
    try {
      return await reindex(options);
    } catch (error) {
      if (!isUserError(error, 'reindex.alreadyRunning') || error.context['lockPath'] === undefined) throw error;
      notice(
        `Another process is building the index in ${config.INDEX_DIR}; waiting for it (at most ${config.INDEX_WAIT_SECONDS} s, INDEX_WAIT_SECONDS).`,
      );
      await waitForReindexLock(resolvePath(config.INDEX_DIR), { timeoutMs: config.INDEX_WAIT_SECONDS * 1000 });
      return undefined;
    }
  }

  // First use: build the index if there is none, or rebuild it if it was made by another embedder. After
  // waiting for another process's build, the index is loaded again (and built here if that build failed).
  for (let attempt = 1; deps.prepareIndex !== false; attempt += 1) {
    let built: ReindexSummary | undefined;
    try {
      await snapshots.refresh();
      break;
    } catch (error) {
      if (attempt > FIRST_USE_ATTEMPTS) throw error;
      if (isUserError(error, 'index.missing') && deps.buildMissing !== false) {
        notice(
          `No index in ${config.INDEX_DIR} yet: building it from ${config.CORPUS_DIR} with the ${embedder.info.id} embedder.`,
        );
        built = await buildOrWait({});
      } else if (isUserError(error, 'index.embedderMismatch')) {
        notice(`${error.message.split(';')[0]}; rebuilding it with ${embedder.info.id}.`);
        built = await buildOrWait({ full: true });
      } else {
        throw error;
      }
    }
    if (built) {
      reportFailures(built);
      if (built.documents === 0) notice(emptyIndexNotice(config));
      break;
    }
  }

  return {
    embedder,

    async explain(question: string, k: number): Promise<{ answer: Answer; diagnostics: RetrievalDiagnostics }> {
      const snapshot = await snapshots.current();
      const trimmed = question.trim();
      const { retrieval, diagnostics } = await retrieveWithDiagnostics(snapshot, trimmed, { k, config });
      // The same answer as `ask`: a list question the registry answers gets its records (in retrieval's order).
      const listed = registryAnswer(trimmed, () => registryOf(snapshot), articleOrder(retrieval));
      return { answer: listed ?? (await composeAnswer(trimmed, retrieval, { config, logger })), diagnostics };
    },

    async ask(question: string, options: AskOptions = {}): Promise<Answer> {
      const trimmed = question.trim();
      if (trimmed === '') throw new UserError('question.empty', 'The question is empty.');
      // Pin the snapshot: a reindex that lands meanwhile does not change this answer's index.
      const snapshot = await snapshots.current();
      // List questions ("which agreements…") that the registry can answer get every matching record.
      const listed = registryAnswer(trimmed, () => registryOf(snapshot));
      if (listed && new Set(listed.citations.map((c) => c.docId)).size < 2) return listed;
      const retrieval = await retrieve(snapshot, trimmed, { k: config.TOP_K, history: options.history, config });
      // Records of several articles: those of the articles retrieval ranks best come first.
      if (listed) return registryAnswer(trimmed, () => registryOf(snapshot), articleOrder(retrieval)) ?? listed;
      options.signal?.throwIfAborted();
      return composeAnswer(trimmed, retrieval, {
        config,
        logger,
        ...(options.history ? { history: options.history } : {}),
        ...(options.onPartial ? { onPartial: options.onPartial } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    },

    async sources(): Promise<SourceInfo[]> {
      const { manifest } = await snapshots.current();
      return manifest.documents
        .map((d) => ({
          docId: d.id,
          ...documentRef(d),
          chunks: d.chunkIds.length,
        }))
        .sort((a, b) => a.title.localeCompare(b.title));
    },

    reindex,

    get reindexing() {
      return reindexRun !== undefined;
    },

    async stats(): Promise<IndexStats> {
      const { manifest } = await snapshots.current();
      return {
        documents: manifest.documents.length,
        chunks: manifest.chunkCount,
        embedder: manifest.embedder,
        builtAt: manifest.builtAt,
      };
    },

    async collaborations(filter: CollaborationFilter = {}): Promise<CollaborationList> {
      const view = registryOf(await snapshots.current());
      if (!view) return { available: false, records: [], parties: [] };
      const parties = filter.party?.trim() ? view.resolveParty(filter.party).map((p) => p.name) : [];
      return { available: true, records: view.filter(filter), parties };
    },

    async parties(prefix: string, limit = PARTY_SUGGESTIONS): Promise<string[]> {
      const view = registryOf(await snapshots.current());
      return view ? view.suggestParties(prefix, limit) : [];
    },

    async close() {
      await reindexRun?.catch(() => undefined);
      await snapshots.backend.close();
    },
  };
}

/**
 * Holds the loaded snapshot and notices a newer build (a reindex by `npm run reindex` in another process or
 * machine, or by this one). Checking is one small file read or one database row (src/index/backend.ts), so it
 * is done before every question.
 */
class SnapshotHolder {
  private snapshot: IndexSnapshot | undefined;
  private loading: Promise<IndexSnapshot> | undefined;

  constructor(
    readonly backend: IndexBackend,
    private readonly embedder: EmbedderHandle,
    private readonly logger: Logger,
  ) {}

  /** Whether a snapshot was loaded. */
  get loaded(): boolean {
    return this.snapshot !== undefined;
  }

  async current(): Promise<IndexSnapshot> {
    const loaded = this.snapshot;
    if (!loaded) return this.refresh();
    try {
      const buildId = await this.backend.currentBuildId();
      if (buildId === undefined || buildId === loaded.buildId) return loaded;
      return await this.refresh();
    } catch (error) {
      // A pointer or build we cannot read must not take the bot down: keep answering from the one we have.
      this.logger.error({ err: error }, 'could not load the current index build; still using the previous one');
      return loaded;
    }
  }

  /** Loads the current build; concurrent callers share one load. */
  refresh(): Promise<IndexSnapshot> {
    if (this.loading) return this.loading;
    const loading = this.backend
      .open(this.embedder)
      .then((snapshot: IndexSnapshot) => {
        if (this.snapshot && this.snapshot.buildId !== snapshot.buildId) {
          this.logger.info(
            { buildId: snapshot.buildId, documents: snapshot.manifest.documents.length },
            'index reloaded',
          );
        }
        this.snapshot = snapshot;
        return snapshot;
      })
      .finally(() => {
        this.loading = undefined;
      });
    this.loading = loading;
    return loading;
  }
}

/** The articles of a retrieval's passages, best first (the order a registry answer lists its records in). */
function articleOrder(retrieval: Retrieval): string[] {
  return [...new Set(retrieval.passages.map((p) => p.chunk.docId))];
}
