// Vectors already computed, keyed by sha256 of the exact text embedded, one file per embedder, kept
// under INDEX_DIR outside the builds. It is what makes a reindex incremental: HNSWLib cannot delete a
// document, so every build is a fresh graph, and only texts missing here go to the embedder.
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import type { Logger } from '../log.ts';
import { silentLogger } from '../log.ts';
import { writeFileAtomic } from './atomic.ts';
import { embeddingCacheDir } from './layout.ts';
import type { EmbedderInfo } from './types.ts';

const FORMAT_VERSION = 1;
/** Texts per embedDocuments call: small enough for a smooth progress bar, large enough to batch well. */
const BATCH_SIZE = 32;

interface CacheFile {
  formatVersion: number;
  embedder: EmbedderInfo;
  /** sha256(text) -> little-endian float32 vector, base64 (hnswlib stores float32, so nothing is lost). */
  vectors: Record<string, string>;
}

export function textKey(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function embeddingCachePath(indexDir: string, embedder: EmbedderInfo): string {
  // The id can contain '/' and ':' (local:Xenova/model); the hash keeps sanitized names distinct.
  const safe = embedder.id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  const idHash = createHash('sha256').update(`${embedder.id}\0${embedder.dimension}`).digest('hex').slice(0, 8);
  return join(embeddingCacheDir(indexDir), `${safe}-${idHash}.json`);
}

export class EmbeddingCache {
  private constructor(
    private readonly path: string,
    private readonly embedder: EmbedderInfo,
    private readonly vectors: Map<string, Float32Array>,
  ) {}

  /** Opens the cache of `embedder`; `fresh` starts empty (a full rebuild recomputes every vector). */
  static async open(
    indexDir: string,
    embedder: EmbedderInfo,
    options: { fresh?: boolean; logger?: Logger } = {},
  ): Promise<EmbeddingCache> {
    const path = embeddingCachePath(indexDir, embedder);
    const vectors = options.fresh ? new Map() : await readCacheFile(path, embedder, options.logger ?? silentLogger);
    return new EmbeddingCache(path, embedder, vectors);
  }

  get size(): number {
    return this.vectors.size;
  }

  has(text: string): boolean {
    return this.vectors.has(textKey(text));
  }

  /**
   * Vectors for `texts` in order. Texts not cached are embedded (each distinct text once, in batches)
   * and added to the cache. `embedded` counts the texts that went to the embedder.
   */
  async embed(
    texts: readonly string[],
    embeddings: Embeddings,
    onBatch?: (done: number, total: number) => void,
  ): Promise<{ vectors: number[][]; embedded: number }> {
    const keys = texts.map(textKey);
    const missing = new Map<string, string>();
    keys.forEach((key, i) => {
      if (!this.vectors.has(key) && !missing.has(key)) missing.set(key, texts[i]!);
    });
    const pending = [...missing];
    onBatch?.(0, pending.length);
    for (let start = 0; start < pending.length; start += BATCH_SIZE) {
      const batch = pending.slice(start, start + BATCH_SIZE);
      const computed = await embeddings.embedDocuments(batch.map(([, text]) => text));
      if (computed.length !== batch.length) {
        throw new Error(`Embedder ${this.embedder.id} returned ${computed.length} vectors for ${batch.length} texts.`);
      }
      batch.forEach(([key], i) => this.vectors.set(key, this.checked(computed[i]!)));
      onBatch?.(Math.min(start + BATCH_SIZE, pending.length), pending.length);
    }
    return { vectors: keys.map((key) => Array.from(this.vectors.get(key)!)), embedded: pending.length };
  }

  /** Writes the cache atomically, keeping only the vectors of `keepTexts` so it does not grow forever. */
  async save(keepTexts: readonly string[]): Promise<void> {
    const keep = new Set(keepTexts.map(textKey));
    const file: CacheFile = { formatVersion: FORMAT_VERSION, embedder: this.embedder, vectors: {} };
    for (const [key, vector] of this.vectors) {
      if (keep.has(key)) file.vectors[key] = Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
    }
    await mkdir(dirname(this.path), { recursive: true });
    await writeFileAtomic(this.path, JSON.stringify(file));
  }

  private checked(vector: number[]): Float32Array {
    if (vector.length !== this.embedder.dimension) {
      throw new Error(
        `Embedder ${this.embedder.id} returned a ${vector.length}-dimensional vector; its info says ${this.embedder.dimension}.`,
      );
    }
    if (!vector.every(Number.isFinite)) throw new Error(`Embedder ${this.embedder.id} returned a vector with non-finite values.`);
    return Float32Array.from(vector);
  }
}

/** A missing, unreadable or foreign cache file is an empty cache: it only saves work, it is never the truth. */
async function readCacheFile(path: string, embedder: EmbedderInfo, logger: Logger): Promise<Map<string, Float32Array>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn({ path, err: error }, 'embedding cache unreadable; starting empty');
    return new Map();
  }
  try {
    const file = JSON.parse(text) as CacheFile;
    if (file.formatVersion !== FORMAT_VERSION || file.embedder?.id !== embedder.id || file.embedder.dimension !== embedder.dimension) {
      logger.warn({ path }, 'embedding cache belongs to another embedder or format; starting empty');
      return new Map();
    }
    const vectors = new Map<string, Float32Array>();
    for (const [key, encoded] of Object.entries(file.vectors)) {
      const bytes = Buffer.from(encoded, 'base64');
      if (bytes.byteLength !== embedder.dimension * 4) continue;
      // Copy into a fresh, aligned buffer (Buffer pools are not 4-byte aligned).
      const vector = new Float32Array(embedder.dimension);
      new Uint8Array(vector.buffer).set(bytes);
      vectors.set(key, vector);
    }
    return vectors;
  } catch (error) {
    logger.warn({ path, err: error }, 'embedding cache is corrupt; starting empty');
    return new Map();
  }
}
