// A build in PostgreSQL as an IndexSnapshot: the same ChunkMap and lexical engine (bm25.ts) as the local
// backend, reading from the database instead of the build's SQLite file, so both backends rank alike. Open
// reads the build's manifest, chunk directory (ids and positions, no texts) and aliases; chunk texts and
// postings are read when a question needs them, so no process holds the corpus in memory. Every read is
// restricted to the snapshot's build (rows tagged with the range of builds they belong to, see
// migrations/001_index.sql): a snapshot keeps answering from its build while a newer one goes live.
import type pg from 'pg';
import type { FieldPostings, PostingSource } from '../bm25.ts';
import type { CollabRecord } from '../../ingest/records/types.ts';
import type { PartyGraph } from '../../ingest/records/party-graph.ts';
import { FIELDS, AliasExpander, lexicalSearcher, type AliasEntry, type LexicalIndex } from '../lexical.ts';
import { ChunkMap } from '../store.ts';
import type { EmbedderHandle, IndexSnapshot, Manifest, ScoredChunk, StoredChunk } from '../types.ts';
import { similarityFromDistance } from '../vector-store.ts';
import { databaseError } from './connect.ts';
import type { SyncClient } from './sync-client.ts';

/** The rows of build `seq` (an SQL expression: a parameter like `$2`, or a number) in `table`. */
export const inBuild = (seq: string | number, table = 'chunks') =>
  `${table}.from_build <= ${seq} AND (${table}.until_build IS NULL OR ${table}.until_build > ${seq})`;

/**
 * Postings kept per snapshot, counted in postings: a question runs several lexical searches (the whole
 * question, then per question word) that share most terms, and each term read is a round trip. 2M postings
 * are 16 MB of typed arrays.
 */
const POSTINGS_CACHE = 2_000_000;

/** pgvector's limit for hnsw.ef_search. */
const MAX_EF_SEARCH = 1000;

export interface BuildHead {
  seq: number;
  buildId: string;
  manifest: Manifest;
  lexicalVersion: string;
  dimension: number;
  fieldTotals: number[];
  registry: CollabRecord[] | undefined;
  /** The registry's party graph (migration 002), when the build stored one. */
  registryParties?: PartyGraph;
}

export interface DirectoryRow {
  ordinal: number;
  id: string;
  docId: string;
  index: number;
}

interface PostingRow {
  field: number;
  ordinal: number;
  packed: number;
}

const pairs = (lists: readonly FieldPostings[]) => lists.reduce((n, f) => n + f.postings.length / 2, 0);

/** Rows of one term sorted by field and ordinal → one posting list per field (bm25.ts's layout). */
function group(rows: readonly PostingRow[]): FieldPostings[] {
  const out: FieldPostings[] = [];
  for (let i = 0; i < rows.length;) {
    const field = rows[i]!.field;
    let end = i;
    while (end < rows.length && rows[end]!.field === field) end++;
    const postings = new Uint32Array((end - i) * 2);
    for (let j = i; j < end; j++) {
      postings[(j - i) * 2] = rows[j]!.ordinal;
      postings[(j - i) * 2 + 1] = rows[j]!.packed;
    }
    out.push({ field, postings });
    i = end;
  }
  return out;
}

/** Postings and statistics of one build, read term by term. */
class PgPostings implements PostingSource {
  constructor(
    private readonly sync: SyncClient,
    private readonly seq: number,
    readonly documentCount: number,
    private readonly totals: readonly number[],
  ) {}

  averageLength(field: number): number {
    return this.documentCount === 0 ? 0 : (this.totals[field] ?? 0) / this.documentCount;
  }

  private readonly cache = new Map<string, FieldPostings[]>();
  private cached = 0;
  private readonly prefixes = new Map<string, string[]>();

  postings(term: string): FieldPostings[] {
    const hit = this.cache.get(term);
    if (hit) {
      // Most recently used last.
      this.cache.delete(term);
      this.cache.set(term, hit);
      return hit;
    }
    const rows = this.sync.query<PostingRow>(
      `SELECT field, ordinal, packed::float8 AS packed FROM postings
       WHERE term = $1 AND ${inBuild('$2', 'postings')} ORDER BY field, ordinal`,
      [term, this.seq],
    );
    return this.remember(term, group(rows));
  }

  private remember(term: string, lists: FieldPostings[]): FieldPostings[] {
    this.cache.set(term, lists);
    this.cached += pairs(lists);
    for (const [old, oldLists] of this.cache) {
      if (this.cached <= POSTINGS_CACHE || old === term) break;
      this.cache.delete(old);
      this.cached -= pairs(oldLists);
    }
    return lists;
  }

  longerTermsWithPrefix(prefix: string): string[] {
    let terms = this.prefixes.get(prefix);
    if (terms) return terms;
    // Every string that starts with `prefix` sorts between it and prefix + U+10FFFF (byte order, COLLATE "C").
    // The engine reads the postings of each of these terms next: they come in the same round trip.
    const rows = this.sync.query<PostingRow & { term: string }>(
      `SELECT term, field, ordinal, packed::float8 AS packed FROM postings
       WHERE term > $1 AND term < $2 AND ${inBuild('$3', 'postings')} ORDER BY term, field, ordinal`,
      [prefix, `${prefix}\u{10FFFF}`, this.seq],
    );
    terms = [];
    for (let i = 0; i < rows.length;) {
      const term = rows[i]!.term;
      let end = i;
      while (end < rows.length && rows[end]!.term === term) end++;
      terms.push(term);
      if (!this.cache.has(term)) this.remember(term, group(rows.slice(i, end)));
      i = end;
    }
    if (this.prefixes.size >= 4096) this.prefixes.clear();
    this.prefixes.set(prefix, terms);
    return terms;
  }
}

/** The `n` nearest chunks of build `seq` to `vector`, in the form the HNSW index of dimension `d` serves. */
export function nearestSql(seq: number, d: number, vector: readonly number[], n: number): string {
  const literal = `'[${vector.map((x) => (Number.isFinite(x) ? x : 0)).join(',')}]'::vector(${d})`;
  return `SELECT ordinal, embedding::vector(${d}) <=> ${literal} AS distance FROM chunks
      WHERE dimension = ${d} AND ${inBuild(seq)}
      ORDER BY embedding::vector(${d}) <=> ${literal} LIMIT ${Math.floor(n)}`;
}

export class PgIndex implements IndexSnapshot {
  readonly chunks: ChunkMap;
  readonly manifest: Manifest;
  readonly buildId: string;
  private readonly lexical: LexicalIndex;

  constructor(
    private readonly head: BuildHead,
    directory: readonly DirectoryRow[],
    aliases: readonly AliasEntry[],
    private readonly pool: pg.Pool,
    private readonly sync: SyncClient,
    private readonly url: string,
    private readonly embedder: EmbedderHandle,
    private readonly searchEf: number,
  ) {
    this.manifest = head.manifest;
    this.buildId = head.buildId;
    this.chunks = new ChunkMap({ directory: () => [...directory], chunkByOrdinal: (o) => this.chunkByOrdinal(o) });
    const postings = new PgPostings(sync, head.seq, directory.length, head.fieldTotals);
    this.lexical = lexicalSearcher(postings, new AliasExpander([...aliases]), (ordinal) =>
      this.chunks.byOrdinal(ordinal),
    );
  }

  registry(): readonly CollabRecord[] | undefined {
    return this.head.registry;
  }

  registryParties(): PartyGraph | undefined {
    return this.head.registryParties;
  }

  async searchDense(query: string, k: number): Promise<ScoredChunk[]> {
    if (k <= 0 || this.chunks.size === 0) return [];
    return this.searchVector(await this.embedder.embeddings.embedQuery(query), k);
  }

  /** Nearest chunks of this build by cosine distance, through the HNSW index of its dimension. */
  async searchVector(vector: readonly number[], k: number): Promise<ScoredChunk[]> {
    const n = Math.min(Math.floor(k), this.chunks.size);
    if (n <= 0) return [];
    const d = this.head.dimension;
    const ef = Math.min(MAX_EF_SEARCH, Math.max(this.searchEf, n));
    // One round trip, settings local to it. Iterative scans keep searching the graph when rows of other
    // builds (kept for readers of the previous build) were filtered out of the first ef candidates.
    const sql = `BEGIN; SET LOCAL hnsw.ef_search = ${ef}; SET LOCAL hnsw.iterative_scan = strict_order;
      ${nearestSql(this.head.seq, d, vector, n)}; COMMIT;`;
    let results: pg.QueryResult<{ ordinal: number; distance: number }>[];
    try {
      results = (await this.pool.query(sql)) as unknown as pg.QueryResult<{ ordinal: number; distance: number }>[];
    } catch (error) {
      throw databaseError(error, this.url);
    }
    const rows = results.find((r) => r.command === 'SELECT')?.rows ?? [];
    return rows.flatMap(({ ordinal, distance }) => {
      const chunk = this.chunks.byOrdinal(ordinal);
      return chunk ? [{ chunk, score: similarityFromDistance(distance) }] : [];
    });
  }

  searchLexical(query: string, k: number): ScoredChunk[] {
    if (k <= 0) return [];
    return this.lexical.search(query, k);
  }

  private chunkByOrdinal(ordinal: number): StoredChunk | undefined {
    const row = this.sync.query<{ data: string }>(`SELECT data FROM chunks WHERE ordinal = $1 AND ${inBuild('$2')}`, [
      ordinal,
      this.head.seq,
    ])[0];
    return row ? (JSON.parse(row.data) as StoredChunk) : undefined;
  }
}

/** Reads what a snapshot of the current build holds; undefined when no build was published yet. */
export async function readCurrentBuild(
  client: pg.ClientBase,
): Promise<{ head: BuildHead; directory: DirectoryRow[]; aliases: AliasEntry[] } | undefined> {
  // One repeatable-read transaction: the build, its directory and aliases as of one moment.
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const row = (
      await client.query<{
        seq: string;
        build_id: string;
        manifest: Manifest;
        lexical_version: string;
        dimension: number;
        field_totals: string[];
        registry: CollabRecord[] | null;
        registry_parties: PartyGraph | null;
      }>(
        `SELECT b.seq, b.build_id, b.manifest, b.lexical_version, b.dimension, b.field_totals, b.registry, b.registry_parties
         FROM current_build c JOIN builds b ON b.seq = c.build_seq`,
      )
    ).rows[0];
    if (!row) return undefined;
    const seq = Number(row.seq);
    const directory = (
      await client.query<DirectoryRow>(
        `SELECT ordinal, chunk_id AS id, doc_id AS "docId", position AS index FROM chunks WHERE ${inBuild('$1')} ORDER BY ordinal`,
        [seq],
      )
    ).rows;
    const aliases = (
      await client.query<{ aliases: AliasEntry[] }>(
        `SELECT aliases FROM chunks WHERE ${inBuild('$1')} AND aliases IS NOT NULL ORDER BY doc_id COLLATE "C"`,
        [seq],
      )
    ).rows.flatMap((r) => r.aliases);
    const head: BuildHead = {
      seq,
      buildId: row.build_id,
      manifest: row.manifest,
      lexicalVersion: row.lexical_version,
      dimension: row.dimension,
      fieldTotals: FIELDS.map((_, i) => Number(row.field_totals[i] ?? 0)),
      registry: row.registry ?? undefined,
      ...(row.registry_parties ? { registryParties: row.registry_parties } : {}),
    };
    return { head, directory, aliases };
  } finally {
    await client.query('COMMIT').catch(() => {});
  }
}
