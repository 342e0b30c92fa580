// EMBEDDINGS=hash|local|auto → one ready embedder. `auto` (the default) prefers the model and falls back to
// the offline hash embedder with exactly one warning, so a fresh clone on an offline machine still answers.
import type { Config } from '../../config.ts';
import { isUserError } from '../../errors.ts';
import type { EmbedderHandle } from '../types.ts';
import { HashEmbeddings } from './hash.ts';
import { createLocalEmbeddings, createTerminalDownloadProgress, type ModelDownloadListener } from './local.ts';

export interface CreateEmbeddingsOptions {
  /** Receives the one-line fallback warning of EMBEDDINGS=auto. */
  onWarning?: (line: string) => void;
  /** Model download progress; default: a progress bar on stderr when it is a terminal, else nothing. */
  onDownloadProgress?: ModelDownloadListener;
}

export async function createEmbeddings(config: Config, options: CreateEmbeddingsOptions = {}): Promise<EmbedderHandle> {
  if (config.EMBEDDINGS === 'hash') return createHashEmbeddings(config);

  const local = () =>
    createLocalEmbeddings({
      model: config.EMBEDDINGS_MODEL,
      modelDir: config.MODEL_DIR,
      allowDownload: config.ALLOW_MODEL_DOWNLOAD,
      dtype: config.EMBEDDINGS_DTYPE,
      onDownloadProgress: options.onDownloadProgress ?? createTerminalDownloadProgress(),
    });
  if (config.EMBEDDINGS === 'local') return local();

  try {
    return await local();
  } catch (error) {
    // Only "the model is not usable" falls back; a bug in our own code must still surface.
    if (!isUserError(error, 'model.unavailable')) throw error;
    const reason = typeof error.context.reason === 'string' ? error.context.reason : error.message;
    // Short on purpose: it is shown whenever an index is built offline. The reason goes to the log.
    const notice =
      `Embedding model "${config.EMBEDDINGS_MODEL}" unavailable; using the offline hash embedder ` +
      '(set EMBEDDINGS=hash to choose it and silence this).';
    options.onWarning?.(notice);
    return { ...createHashEmbeddings(config), fallback: { notice, reason } };
  }
}

export function createHashEmbeddings(config: Pick<Config, 'HASH_DIMENSIONS'>): EmbedderHandle {
  const embeddings = new HashEmbeddings({ dimensions: config.HASH_DIMENSIONS });
  return { embeddings, info: embeddings.info };
}
