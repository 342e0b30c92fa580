// Vectors already computed, keyed by sha256 of the exact text embedded, one SQLite file per embedder, kept
// under INDEX_DIR outside the builds. Only texts missing here go to the embedder: a changed article costs
// the embedding of its changed chunks, and a rebuild of the graph (compaction, --full without fresh vectors)
// costs no embedding at all. Rows are read one at a time, never the whole file.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Embeddings } from '@langchain/core/embeddings';
import type { Logger } from '../log.ts';
import { silentLogger } from '../log.ts';
import { embeddingCacheDir } from './layout.ts';
import type { EmbedderInfo } from './types.ts';

const FORMAT_VERSION = 2;
/** Texts per embedDocuments call: small enough for a smooth progress bar, large enough to batch well. */
const BATCH_SIZE = 32;

export function textKey(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function embeddingCachePath(indexDir: string, embedder: EmbedderInfo): string {
  // The id can contain '/' and ':' (local:Xenova/model); the hash keeps sanitized names distinct.
  const safe = embedder.id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  const idHash = createHash('sha256').update(`${embedder.id}\0${embedder.dimension}`).digest('hex').slice(0, 8);
  return join(embeddingCacheDir(indexDir), `${safe}-${idHash}.sqlite`);
}

export class EmbeddingCache {
  private readonly getRow: Database.Statement<[string], { vector: Buffer }>;
  private readonly putRow: Database.Statement<[string, Buffer]>;

  private constructor(
    private readonly db: Database.Database,
    private readonly embedder: EmbedderInfo,
  ) {
    this.getRow = db.prepare('SELECT vector FROM vectors WHERE key = ?');
    this.putRow = db.prepare('INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)');
  }

  /** Opens the cache of `embedder`; `fresh` starts empty (a full rebuild recomputes every vector). */
  static async open(
    indexDir: string,
    embedder: EmbedderInfo,
    options: { fresh?: boolean; logger?: Logger } = {},
  ): Promise<EmbeddingCache> {
    const path = embeddingCachePath(indexDir, embedder);
    const logger = options.logger ?? silentLogger;
    mkdirSync(dirname(path), { recursive: true });
    let db: Database.Database;
    try {
      db = openCacheFile(path, embedder);
    } catch (error) {
      // A cache only saves work, it is never the truth: an unreadable or foreign one is replaced by an empty one.
      logger.warn({ path, err: error }, 'embedding cache unreadable or from another embedder; starting empty');
      rmSync(path, { force: true });
      db = openCacheFile(path, embedder);
    }
    if (options.fresh) db.exec('DELETE FROM vectors');
    return new EmbeddingCache(db, embedder);
  }

  get size(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM vectors').get() as { n: number }).n;
  }

  has(text: string): boolean {
    return this.getRow.get(textKey(text)) !== undefined;
  }

  /**
   * Vectors for `texts` in order. Texts not cached are embedded (each distinct text once, in batches)
   * and added to the cache. `embedded` counts the texts that went to the embedder.
   */
  async embed(
    texts: readonly string[],
    embeddings: Embeddings,
    onBatch?: (done: number, total: number) => void,
  ): Promise<{ vectors: Float32Array[]; embedded: number }> {
    const keys = texts.map(textKey);
    const found = new Map<string, Float32Array>();
    const missing = new Map<string, string>();
    keys.forEach((key, i) => {
      if (found.has(key) || missing.has(key)) return;
      const row = this.getRow.get(key);
      if (row && row.vector.byteLength === this.embedder.dimension * 4)
        found.set(key, fromBlob(row.vector, this.embedder.dimension));
      else missing.set(key, texts[i]!);
    });
    const pending = [...missing];
    onBatch?.(0, pending.length);
    for (let start = 0; start < pending.length; start += BATCH_SIZE) {
      const batch = pending.slice(start, start + BATCH_SIZE);
      const computed = await embeddings.embedDocuments(batch.map(([, text]) => text));
      if (computed.length !== batch.length) {
        throw new Error(`Embedder ${this.embedder.id} returned ${computed.length} vectors for ${batch.length} texts.`);
      }
      const checked = batch.map(([key], i) => [key, this.checked(computed[i]!)] as const);
      this.db.transaction(() => {
        for (const [key, vector] of checked) {
          this.putRow.run(key, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
          found.set(key, vector);
        }
      })();
      onBatch?.(Math.min(start + BATCH_SIZE, pending.length), pending.length);
    }
    return { vectors: keys.map((key) => found.get(key)!), embedded: pending.length };
  }

  /** Keeps only the vectors of `keepTexts`, so the cache does not grow forever. */
  async save(keepTexts: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      this.db.exec('CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM keep;');
      const insert = this.db.prepare('INSERT OR IGNORE INTO keep (key) VALUES (?)');
      for (const text of keepTexts) insert.run(textKey(text));
      this.db.exec('DELETE FROM vectors WHERE key NOT IN (SELECT key FROM keep); DELETE FROM keep;');
    })();
  }

  /** Drops the vectors of texts no longer indexed (an incremental reindex's removed chunks). */
  forget(texts: readonly string[]): void {
    const remove = this.db.prepare('DELETE FROM vectors WHERE key = ?');
    this.db.transaction(() => {
      for (const text of texts) remove.run(textKey(text));
    })();
  }

  close(): void {
    this.db.close();
  }

  private checked(vector: number[]): Float32Array {
    if (vector.length !== this.embedder.dimension) {
      throw new Error(
        `Embedder ${this.embedder.id} returned a ${vector.length}-dimensional vector; its info says ${this.embedder.dimension}.`,
      );
    }
    if (!vector.every(Number.isFinite))
      throw new Error(`Embedder ${this.embedder.id} returned a vector with non-finite values.`);
    return Float32Array.from(vector);
  }
}

function fromBlob(blob: Buffer, dimension: number): Float32Array {
  // Copy into a fresh, aligned buffer (Buffer pools are not 4-byte aligned).
  const vector = new Float32Array(dimension);
  new Uint8Array(vector.buffer).set(blob);
  return vector;
}

/** Opens (creating) a cache file; throws when it is not SQLite or belongs to another embedder or format. */
function openCacheFile(path: string, embedder: EmbedderInfo): Database.Database {
  const db = new Database(path);
  try {
    // A lost write only costs an embedding later: no fsync per batch.
    db.pragma('synchronous = OFF');
    db.exec(
      'CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID; CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID;',
    );
    const owner = JSON.stringify({ format: FORMAT_VERSION, id: embedder.id, dimension: embedder.dimension });
    const row = db.prepare("SELECT value FROM meta WHERE key = 'owner'").get() as { value: string } | undefined;
    if (row === undefined) db.prepare("INSERT INTO meta (key, value) VALUES ('owner', ?)").run(owner);
    else if (row.value !== owner) throw new Error(`the cache belongs to ${row.value}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
