// The SQLite file of a build (better-sqlite3): chunk texts, the lexical index's postings and statistics, the
// aliases each article defines, and per-article derived records. Nothing in it is parsed whole: a loaded
// snapshot reads one chunk or one term's postings when a question needs it, so opening is cheap and the file
// can be read by several threads and processes at once (read-only connections).
//
// Ordinals: every chunk gets an integer that is both its HNSW label and its lexical document number. New
// chunks get ordinals above every ordinal used before, so posting lists stay sorted by appending.
//
// Tables
//   meta(key, value)                        format, lexical version, next ordinal, deleted HNSW slots
//   chunks(ordinal, id, doc_id, data)       data = the StoredChunk as JSON (one row, parsed on demand)
//   postings(term, field, data)             data = Uint32Array pairs [ordinal, tf << 16 | field length]
//   field_lengths(field, total)             sum of field lengths over live chunks (BM25's average)
//   doc_aliases(doc_id, data)               the "Long Name (ACR)" entries an article defines (JSON)
//   records(doc_id, kind, data)             per-article derived data kept with the build (see README
//                                           "index/scale": an incremental reindex keeps an unchanged
//                                           article's rows and drops a changed or removed article's)
import Database from 'better-sqlite3';
import type { FieldPostings, PostingSource } from './bm25.ts';
import { editPostings } from './bm25.ts';
import { FIELDS, chunkPostings, fieldLengths, type AliasEntry, type DocumentLexical } from './lexical.ts';
import type { StoredChunk } from './types.ts';

export const BUILD_DB_FORMAT = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS chunks (ordinal INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks (doc_id);
CREATE TABLE IF NOT EXISTS postings (term TEXT NOT NULL, field INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (term, field)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS field_lengths (field INTEGER PRIMARY KEY, total INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS doc_aliases (doc_id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS records (doc_id TEXT NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (doc_id, kind)) WITHOUT ROWID;
`;

/** Postings edits are gathered in memory and written per term once this many chunks are pending. */
const FLUSH_EVERY_CHUNKS = 4000;

export interface BuildMeta {
  format: number;
  lexicalVersion: string;
  nextOrdinal: number;
  /** HNSW slots marked deleted and not reused yet. */
  deletedSlots: number;
}

function toBuffer(postings: Uint32Array): Buffer {
  return Buffer.from(postings.buffer, postings.byteOffset, postings.byteLength);
}

function fromBuffer(blob: Buffer): Uint32Array {
  if (blob.byteOffset % 4 === 0) return new Uint32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4);
  // Copied when the blob's offset in its pool is not 4-byte aligned.
  const out = new Uint32Array(blob.byteLength / 4);
  new Uint8Array(out.buffer).set(blob);
  return out;
}

/** A read-only connection to a published build: what a snapshot queries. */
export class BuildReader implements PostingSource {
  private readonly db: Database.Database;
  private readonly byOrdinal: Database.Statement<[number], { data: string }>;
  private readonly byId: Database.Statement<[string], { data: string; ordinal: number }>;
  private readonly postingsOf: Database.Statement<[string], { field: number; data: Buffer }>;
  private readonly longer: Database.Statement<[string, string, string], { term: string }>;
  private readonly averages: number[];
  readonly documentCount: number;
  readonly meta: BuildMeta;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.meta = readMeta(this.db);
    this.byOrdinal = this.db.prepare('SELECT data FROM chunks WHERE ordinal = ?');
    this.byId = this.db.prepare('SELECT data, ordinal FROM chunks WHERE id = ?');
    this.postingsOf = this.db.prepare('SELECT field, data FROM postings WHERE term = ? ORDER BY field');
    this.longer = this.db.prepare(
      'SELECT DISTINCT term FROM postings WHERE term > ? AND term < ? AND term <> ? ORDER BY term',
    );
    this.documentCount = (this.db.prepare('SELECT count(*) AS n FROM chunks').get() as { n: number }).n;
    const totals = new Map(
      (this.db.prepare('SELECT field, total FROM field_lengths').all() as { field: number; total: number }[]).map(
        (r) => [r.field, r.total],
      ),
    );
    this.averages = FIELDS.map((_, field) =>
      this.documentCount === 0 ? 0 : (totals.get(field) ?? 0) / this.documentCount,
    );
  }

  averageLength(field: number): number {
    return this.averages[field] ?? 0;
  }

  postings(term: string): FieldPostings[] {
    return this.postingsOf.all(term).map((row) => ({ field: row.field, postings: fromBuffer(row.data) }));
  }

  longerTermsWithPrefix(prefix: string): string[] {
    // Every string that starts with `prefix` sorts between it and prefix + U+10FFFF.
    return this.longer.all(prefix, `${prefix}\u{10FFFF}`, prefix).map((r) => r.term);
  }

  chunkByOrdinal(ordinal: number): StoredChunk | undefined {
    const row = this.byOrdinal.get(ordinal);
    return row ? (JSON.parse(row.data) as StoredChunk) : undefined;
  }

  chunkById(id: string): StoredChunk | undefined {
    const row = this.byId.get(id);
    return row ? (JSON.parse(row.data) as StoredChunk) : undefined;
  }

  *chunkRows(): IterableIterator<{ ordinal: number; chunk: StoredChunk }> {
    for (const row of this.db
      .prepare('SELECT ordinal, data FROM chunks ORDER BY ordinal')
      .iterate() as IterableIterator<{ ordinal: number; data: string }>) {
      yield { ordinal: row.ordinal, chunk: JSON.parse(row.data) as StoredChunk };
    }
  }

  /** Ordinal, id, article and position of every chunk, without reading the chunks' texts. */
  directory(): { ordinal: number; id: string; docId: string; index: number }[] {
    return this.db
      .prepare(
        'SELECT ordinal, id, doc_id AS docId, json_extract(data, \'$.index\') AS "index" FROM chunks ORDER BY ordinal',
      )
      .all() as {
      ordinal: number;
      id: string;
      docId: string;
      index: number;
    }[];
  }

  aliasEntries(): AliasEntry[] {
    return (this.db.prepare('SELECT data FROM doc_aliases').all() as { data: string }[]).flatMap(
      (r) => JSON.parse(r.data) as AliasEntry[],
    );
  }

  /** Per-article derived records of `kind` (see the table comment above). */
  records(kind: string): { docId: string; data: unknown }[] {
    return (
      this.db.prepare('SELECT doc_id, data FROM records WHERE kind = ? ORDER BY doc_id').all(kind) as {
        doc_id: string;
        data: string;
      }[]
    ).map((r) => ({ docId: r.doc_id, data: JSON.parse(r.data) as unknown }));
  }

  close(): void {
    this.db.close();
  }
}

function readMeta(db: Database.Database): BuildMeta {
  const rows = new Map(
    (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
  );
  return {
    format: Number(rows.get('format') ?? NaN),
    lexicalVersion: rows.get('lexicalVersion') ?? '',
    nextOrdinal: Number(rows.get('nextOrdinal') ?? 0),
    deletedSlots: Number(rows.get('deletedSlots') ?? 0),
  };
}

interface PendingTerm {
  remove: Set<number>;
  add: number[];
}

/**
 * A read-write connection to a build being written (a fresh file, or a copy of the previous build's). All
 * edits run in one transaction committed by `finish()`, so a killed reindex leaves no half-applied file
 * behind anyway (and the build directory is not published before it is complete).
 */
export class BuildWriter {
  private readonly db: Database.Database;
  private readonly pending = new Map<string, PendingTerm>();
  private pendingChunks = 0;
  private readonly lengthDelta: number[] = FIELDS.map(() => 0);
  readonly meta: BuildMeta;

  private constructor(db: Database.Database, lexicalVersion: string) {
    this.db = db;
    this.db.exec(SCHEMA);
    const existing = readMeta(db);
    this.meta = Number.isNaN(existing.format)
      ? { format: BUILD_DB_FORMAT, lexicalVersion, nextOrdinal: 0, deletedSlots: 0 }
      : existing;
    this.db.exec('BEGIN');
  }

  /** `file` is created, or (a copy of the previous build's) opened and edited. */
  static open(file: string, lexicalVersion: string): BuildWriter {
    const db = new Database(file);
    // The build file is synced with the whole directory before it is published; no journal is needed for
    // a file nobody reads until then.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    return new BuildWriter(db, lexicalVersion);
  }

  /** Ordinals and chunk ids of an article's chunks (to delete them from the vectors too). */
  chunksOf(docId: string): { ordinal: number; chunk: StoredChunk }[] {
    return (
      this.db.prepare('SELECT ordinal, data FROM chunks WHERE doc_id = ? ORDER BY ordinal').all(docId) as {
        ordinal: number;
        data: string;
      }[]
    ).map((r) => ({ ordinal: r.ordinal, chunk: JSON.parse(r.data) as StoredChunk }));
  }

  /** Removes an article: its chunks, their postings (given its lexical entries as built), aliases and records. */
  removeDocument(docId: string, ordinals: readonly number[], lexical: DocumentLexical): void {
    lexical.chunks.forEach((terms, i) => {
      const ordinal = ordinals[i]!;
      for (const { field, term } of chunkPostings(terms)) this.pendingFor(term, field).remove.add(ordinal);
      fieldLengths(terms).forEach((length, field) => (this.lengthDelta[field]! -= length));
    });
    this.db.prepare('DELETE FROM chunks WHERE doc_id = ?').run(docId);
    this.db.prepare('DELETE FROM doc_aliases WHERE doc_id = ?').run(docId);
    this.db.prepare('DELETE FROM records WHERE doc_id = ?').run(docId);
    this.countPending(lexical.chunks.length);
  }

  /** Adds an article's chunks with new ordinals (returned, in chunk order) and its lexical entries. */
  addDocument(docId: string, chunks: readonly StoredChunk[], lexical: DocumentLexical): number[] {
    const insert = this.db.prepare('INSERT INTO chunks (ordinal, id, doc_id, data) VALUES (?, ?, ?, ?)');
    const ordinals = chunks.map((chunk) => {
      const ordinal = this.meta.nextOrdinal++;
      insert.run(ordinal, chunk.id, docId, JSON.stringify(chunk));
      return ordinal;
    });
    lexical.chunks.forEach((terms, i) => {
      for (const { field, term, packed } of chunkPostings(terms))
        this.pendingFor(term, field).add.push(ordinals[i]!, packed);
      fieldLengths(terms).forEach((length, field) => (this.lengthDelta[field]! += length));
    });
    if (lexical.aliases.length > 0)
      this.db
        .prepare('INSERT INTO doc_aliases (doc_id, data) VALUES (?, ?)')
        .run(docId, JSON.stringify(lexical.aliases));
    this.countPending(chunks.length);
    return ordinals;
  }

  /** Stores one per-article record (replacing the article's previous one of that kind). */
  putRecord(docId: string, kind: string, data: unknown): void {
    this.db
      .prepare('INSERT OR REPLACE INTO records (doc_id, kind, data) VALUES (?, ?, ?)')
      .run(docId, kind, JSON.stringify(data));
  }

  /** Every chunk, for re-analysis when the lexical version changed. */
  allChunks(): { ordinal: number; chunk: StoredChunk }[] {
    return (
      this.db.prepare('SELECT ordinal, data FROM chunks ORDER BY ordinal').all() as { ordinal: number; data: string }[]
    ).map((r) => ({
      ordinal: r.ordinal,
      chunk: JSON.parse(r.data) as StoredChunk,
    }));
  }

  /** Drops every lexical entry (postings, lengths, aliases), keeping the chunks: before a re-analysis. */
  clearLexical(): void {
    this.pending.clear();
    this.lengthDelta.fill(0);
    this.db.exec('DELETE FROM postings; DELETE FROM field_lengths; DELETE FROM doc_aliases;');
  }

  /** Lexical entries for chunks already stored under `ordinals` (re-analysis after a version change). */
  addLexical(docId: string, ordinals: readonly number[], lexical: DocumentLexical): void {
    lexical.chunks.forEach((terms, i) => {
      for (const { field, term, packed } of chunkPostings(terms))
        this.pendingFor(term, field).add.push(ordinals[i]!, packed);
      fieldLengths(terms).forEach((length, field) => (this.lengthDelta[field]! += length));
    });
    if (lexical.aliases.length > 0)
      this.db
        .prepare('INSERT OR REPLACE INTO doc_aliases (doc_id, data) VALUES (?, ?)')
        .run(docId, JSON.stringify(lexical.aliases));
    this.countPending(lexical.chunks.length);
  }

  get chunkCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM chunks').get() as { n: number }).n;
  }

  /** Writes pending postings and the metadata, commits and closes. */
  finish(meta: Pick<BuildMeta, 'deletedSlots' | 'lexicalVersion'>): void {
    this.flush();
    const totals = this.db.prepare(
      'INSERT INTO field_lengths (field, total) VALUES (?, ?) ON CONFLICT (field) DO UPDATE SET total = total + excluded.total',
    );
    this.lengthDelta.forEach((delta, field) => totals.run(field, delta));
    const put = this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    Object.assign(this.meta, meta);
    for (const [key, value] of Object.entries(this.meta)) put.run(key, String(value));
    this.db.exec('COMMIT');
    this.db.close();
  }

  /** Gives up: the file is left as it was before this writer (it is deleted with its temp build anyway). */
  abort(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.db.close();
  }

  private pendingFor(term: string, field: number): PendingTerm {
    const key = `${field}\u0000${term}`;
    let entry = this.pending.get(key);
    if (!entry) this.pending.set(key, (entry = { remove: new Set(), add: [] }));
    return entry;
  }

  private countPending(chunks: number): void {
    this.pendingChunks += chunks;
    if (this.pendingChunks >= FLUSH_EVERY_CHUNKS) this.flush();
  }

  /** One read-modify-write per touched (term, field). */
  private flush(): void {
    const read = this.db.prepare('SELECT data FROM postings WHERE term = ? AND field = ?');
    const write = this.db.prepare('INSERT OR REPLACE INTO postings (term, field, data) VALUES (?, ?, ?)');
    const remove = this.db.prepare('DELETE FROM postings WHERE term = ? AND field = ?');
    for (const [key, edit] of this.pending) {
      const cut = key.indexOf('\u0000');
      const field = Number(key.slice(0, cut));
      const term = key.slice(cut + 1);
      const row = read.get(term, field) as { data: Buffer } | undefined;
      const next = editPostings(row ? fromBuffer(row.data) : undefined, edit.remove, edit.add);
      if (next.length === 0) {
        if (row) remove.run(term, field);
      } else write.run(term, field, toBuffer(next));
    }
    this.pending.clear();
    this.pendingChunks = 0;
  }
}
