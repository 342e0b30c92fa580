// The model embedder users run: a sentence-embedding model through transformers.js, behind LangChain's
// HuggingFaceTransformersEmbeddings. Loading is eager (createLocalEmbeddings loads and probes the model), so
// a missing or broken model is one clear error at start-up instead of a stack trace in the middle of a reindex.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { HuggingFaceTransformersEmbeddings } from '@langchain/community/embeddings/huggingface_transformers';
import type { DataType, PretrainedModelOptions } from '@huggingface/transformers';
import { folderProblem } from '../../config.ts';
import { UserError } from '../../errors.ts';
import type { EmbedderHandle } from '../types.ts';

export interface LocalEmbeddingsOptions {
  /** Hugging Face model id (`org/name`) or a directory path. */
  model: string;
  /** MODEL_DIR as configured (relative to the working directory or absolute); shown as given in messages. */
  modelDir: string;
  /** ALLOW_MODEL_DOWNLOAD: fetch missing files from the Hugging Face Hub into modelDir. */
  allowDownload: boolean;
  /**
   * ONNX weights variant; picks the file `onnx/model<suffix>.onnx`. Default `q8` (`model_quantized.onnx`):
   * for e5-small a quarter of the fp32 download (118 MB vs 470 MB) and faster on CPU, at nearly equal quality.
   */
  dtype?: DataType;
  /** Called while model files download (not for files already in modelDir). */
  onDownloadProgress?: ModelDownloadListener;
  /**
   * A download that delivers no data for this long fails. fetch() itself only gives up after minutes on a
   * network that silently drops packets, and a model must not block start-up that long. Default 30 s.
   */
  stallTimeoutMs?: number;
  /** Texts per forward pass; bounds memory (attention grows with batch × length²). Default 16. */
  batchSize?: number;
  /** Where models are downloaded from: the Hugging Face Hub or a mirror of it. Default https://huggingface.co/. */
  hubUrl?: string;
}

export type ModelDownloadEvent =
  | { kind: 'progress'; model: string; file: string; loadedBytes: number; totalBytes: number }
  /** Sent once after the last progress event, whether the load succeeded or not. */
  | { kind: 'end'; model: string; ok: boolean };

export type ModelDownloadListener = (event: ModelDownloadEvent) => void;

/** transformers.js's progress event (its own type is not exported from the package root). */
type ProgressInfo = Parameters<NonNullable<PretrainedModelOptions['progress_callback']>>[0];

const DEFAULT_DTYPE: DataType = 'q8';
const DEFAULT_STALL_TIMEOUT_MS = 30_000;
const DEFAULT_BATCH_SIZE = 16;
const PROBE_TEXT = 'dimension probe';
const DEFAULT_HUB_URL = 'https://huggingface.co/';

/**
 * e5 models were trained with `query: ` / `passage: ` prefixes and lose quality without them. The rule is
 * deliberately small: a model name containing the word "e5" (intfloat/e5-small-v2,
 * Xenova/multilingual-e5-small), except `-instruct` variants, which use an instruction prompt instead.
 */
export function e5Prefixes(model: string): { query: string; passage: string } | undefined {
  const name = model.split('/').pop() ?? model;
  if (!/(^|[-_.])e5([-_.]|$)/i.test(name) || /instruct/i.test(name)) return undefined;
  return { query: 'query: ', passage: 'passage: ' };
}

/** HuggingFaceTransformersEmbeddings plus the model family's query/passage prefixes. */
class PrefixedTransformersEmbeddings extends HuggingFaceTransformersEmbeddings {
  private readonly prefixes: { query: string; passage: string };

  constructor(
    fields: ConstructorParameters<typeof HuggingFaceTransformersEmbeddings>[0],
    prefixes: { query: string; passage: string } | undefined,
  ) {
    super(fields);
    this.prefixes = prefixes ?? { query: '', passage: '' };
  }

  override embedDocuments(texts: string[]): Promise<number[][]> {
    return super.embedDocuments(texts.map((text) => this.prefixes.passage + text));
  }

  override embedQuery(text: string): Promise<number[]> {
    return super.embedQuery(this.prefixes.query + text);
  }
}

/**
 * Loads the model (from modelDir, downloading into it when allowed), embeds one probe query to learn the
 * dimension, and returns the ready embedder. Fails with UserError('model.unavailable') and a one-line message.
 */
export async function createLocalEmbeddings(options: LocalEmbeddingsOptions): Promise<EmbedderHandle> {
  const modelDir = resolve(options.modelDir);
  // A MODEL_DIR that is a file would surface deep inside transformers.js as a bare ENOTDIR.
  const modelDirProblem = await folderProblem(modelDir);
  if (modelDirProblem) {
    throw new UserError(
      'model.unavailable',
      `Invalid MODEL_DIR: ${modelDirProblem}. Point MODEL_DIR at a folder (it is created if missing) or set EMBEDDINGS=hash.`,
      { model: options.model, modelDir, reason: `MODEL_DIR: ${modelDirProblem}` },
    );
  }
  const dtype = options.dtype ?? DEFAULT_DTYPE;
  const hubUrl = options.hubUrl ?? DEFAULT_HUB_URL;
  const hubHost = new URL(hubUrl).host;
  const watch = new DownloadWatch(options.model, modelDir, options.allowDownload, {
    hubHost,
    stallTimeoutMs: options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS,
    listener: options.onDownloadProgress,
  });
  let embeddings: PrefixedTransformersEmbeddings;
  let probe: number[];
  try {
    // Imported on demand: transformers.js loads onnxruntime's native library, which the hash embedder and
    // the tests that use it should not pay for. Inside the try: a platform without onnxruntime is one more
    // reason the model is unavailable (and `auto` falls back), not a crash.
    const { env } = await import('@huggingface/transformers');
    // transformers.js keeps these settings in one module-level object. Set them right before loading: files
    // are looked up as <localModelPath>/<org>/<name>/... and downloads are cached under the same layout.
    env.localModelPath = modelDir;
    env.cacheDir = modelDir;
    env.allowLocalModels = true;
    env.allowRemoteModels = options.allowDownload;
    env.remoteHost = hubUrl.endsWith('/') ? hubUrl : `${hubUrl}/`;

    const pretrainedOptions: PretrainedModelOptions = {
      dtype,
      // Per-call equivalents of the env settings above, so a load never depends on what another load set.
      cache_dir: modelDir,
      local_files_only: !options.allowDownload,
      progress_callback: watch.callback,
    };
    embeddings = new PrefixedTransformersEmbeddings(
      {
        model: options.model,
        pretrainedOptions,
        pipelineOptions: { pooling: 'mean', normalize: true },
        batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
        // A local model does not recover on retry, and ONNX runtime already uses every core per batch.
        maxRetries: 0,
        maxConcurrency: 1,
      },
      e5Prefixes(options.model),
    );
    probe = await Promise.race([embeddings.embedQuery(PROBE_TEXT), watch.stalled]);
    watch.finish(true);
  } catch (error) {
    watch.finish(false);
    throw unavailableError(error, options, modelDir, hubHost);
  }
  const dimension = probe?.length ?? 0;
  if (dimension === 0 || !probe.every(Number.isFinite)) {
    throw new UserError(
      'model.unavailable',
      `Embedding model "${options.model}" in ${options.modelDir} does not produce sentence embeddings (got ${dimension} values). Use a feature-extraction model or set EMBEDDINGS=hash.`,
      { model: options.model, modelDir, reason: `no sentence embedding (${dimension} values)` },
    );
  }
  return {
    embeddings,
    info: { kind: 'local', id: `local:${options.model}:${dtype}`, dimension },
  };
}

/**
 * Follows transformers.js progress events: forwards download progress for files that are not already on
 * disk, and rejects `stalled` when a download delivers nothing for stallTimeoutMs.
 */
class DownloadWatch {
  readonly stalled: Promise<never>;
  /** Files being fetched from the hub (not found on disk), by path in the repository. */
  private readonly remote = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private fail: (error: Error) => void = () => {};
  private reported = false;
  private finished = false;

  constructor(
    private readonly model: string,
    private readonly modelDir: string,
    private readonly allowDownload: boolean,
    private readonly settings: { hubHost: string; stallTimeoutMs: number; listener: ModelDownloadListener | undefined },
  ) {
    this.stalled = new Promise<never>((_, reject) => {
      this.fail = reject;
    });
    // Nobody may await `stalled` once the load has settled; its rejection must not become unhandled.
    this.stalled.catch(() => {});
  }

  readonly callback = (info: ProgressInfo): void => {
    // After a stall the abandoned load may still report; it must not re-arm the timer.
    if (info.status === 'ready' || this.finished) return;
    const key = info.file;
    if (info.status === 'initiate') {
      // transformers.js checks the same paths before fetching: a file found here is read, not downloaded.
      if (
        !this.allowDownload ||
        existsSync(join(this.modelDir, info.name, info.file)) ||
        existsSync(join(info.name, info.file))
      )
        return;
      this.remote.add(key);
      this.armTimer();
      return;
    }
    if (!this.remote.has(key)) return;
    if (info.status === 'progress') {
      this.armTimer();
      this.reported = true;
      this.settings.listener?.({
        kind: 'progress',
        model: this.model,
        file: key,
        loadedBytes: info.loaded,
        totalBytes: info.total,
      });
    } else if (info.status === 'done') {
      this.remote.delete(key);
      if (this.remote.size === 0) this.clearTimer();
      else this.armTimer();
    } else {
      this.armTimer();
    }
  };

  finish(ok: boolean): void {
    this.finished = true;
    this.clearTimer();
    if (this.reported) this.settings.listener?.({ kind: 'end', model: this.model, ok });
  }

  private armTimer(): void {
    this.clearTimer();
    const seconds = Number((this.settings.stallTimeoutMs / 1000).toFixed(1));
    this.timer = setTimeout(
      () => this.fail(new StalledDownloadError(`no data from ${this.settings.hubHost} for ${seconds} s`)),
      this.settings.stallTimeoutMs,
    );
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

class StalledDownloadError extends Error {
  override readonly name = 'StalledDownloadError';
}

/** Turns whatever transformers.js / fetch / onnxruntime threw into the one-line user message. */
function unavailableError(
  error: unknown,
  options: LocalEmbeddingsOptions,
  modelDir: string,
  hubHost: string,
): UserError {
  const { model, modelDir: where } = options;
  const text = error instanceof Error ? error.message : String(error);
  const missingLocally = /not found locally at "([^"]+)"/.exec(text);
  const notOnHub = /Could not locate file: "([^"]+)"/.exec(text);
  const network = networkCause(error);

  let downloadFailure: string | undefined;
  if (missingLocally) {
    const missing = relative(modelDir, missingLocally[1]!) || missingLocally[1]!;
    downloadFailure = `${missing} is missing and downloads are disabled by ALLOW_MODEL_DOWNLOAD=false`;
  } else if (notOnHub) {
    const file = notOnHub[1]!.split('/resolve/')[1]?.replace(/^[^/]+\//, '') ?? 'a file';
    downloadFailure = `${hubHost} has no ${file} for it`;
  } else if (network) {
    downloadFailure = `${hubHost} is unreachable: ${network}`;
  } else if (error instanceof StalledDownloadError) {
    downloadFailure = error.message;
  }
  if (downloadFailure) {
    const reason = oneLine(downloadFailure);
    return new UserError(
      'model.unavailable',
      `Embedding model "${model}" is not in ${where} and could not be downloaded (${reason}). Put the model files in ${join(where, model)} or set EMBEDDINGS=hash.`,
      { model, modelDir, reason },
    );
  }
  // The files are there but do not load (truncated download, wrong format, unsupported architecture).
  const reason = oneLine(text);
  const fix = options.allowDownload
    ? `Delete ${join(where, model)} to download it again`
    : `Replace the files in ${join(where, model)}`;
  return new UserError(
    'model.unavailable',
    `Embedding model "${model}" in ${where} could not be loaded (${reason}). ${fix} or set EMBEDDINGS=hash.`,
    { model, modelDir, reason },
  );
}

/** The innermost reason of a failed fetch (e.g. "getaddrinfo ENOTFOUND huggingface.co"), if that is what this is. */
function networkCause(error: unknown): string | undefined {
  const isNetworkCode = (e: unknown) =>
    typeof (e as { code?: unknown })?.code === 'string' &&
    /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test((e as { code: string }).code);
  if (!(error instanceof TypeError && error.message === 'fetch failed') && !isNetworkCode(error)) return undefined;
  let innermost: unknown = error;
  for (let depth = 0; depth < 5 && innermost instanceof Error && innermost.cause instanceof Error; depth++)
    innermost = innermost.cause;
  const { message, code } = innermost as { message?: string; code?: unknown };
  return message || (typeof code === 'string' ? code : undefined) || 'fetch failed';
}

function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * A progress bar on `stream` for model downloads, or undefined when the stream is not a terminal (logs and
 * pipes get no carriage-return noise).
 */
export function createTerminalDownloadProgress(
  stream: NodeJS.WriteStream = process.stderr,
): ModelDownloadListener | undefined {
  if (!stream.isTTY) return undefined;
  const files = new Map<string, { loaded: number; total: number }>();
  let bar: cliProgress.SingleBar | undefined;
  const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
  return (event) => {
    if (event.kind === 'end') {
      bar?.stop();
      bar = undefined;
      files.clear();
      return;
    }
    files.set(event.file, { loaded: event.loadedBytes, total: event.totalBytes });
    let loaded = 0;
    let total = 0;
    for (const file of files.values()) {
      loaded += file.loaded;
      total += Math.max(file.total, file.loaded);
    }
    const payload = { model: event.model, loadedMb: mb(loaded), totalMb: mb(total) };
    if (!bar) {
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: 'Downloading {model} |{bar}| {percentage}% {loadedMb}/{totalMb} MB',
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, loaded, payload);
    } else {
      bar.setTotal(total);
      bar.update(loaded, payload);
    }
  };
}
