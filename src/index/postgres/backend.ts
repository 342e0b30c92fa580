// INDEX_BACKEND=postgres, the reading side: every bot process opens snapshots of the build that the
// `current_build` row names, and checks that row (one indexed single-row read) before each question, so a
// build published by any machine's reindex is picked up by all of them (hot reload by cheap polling; no
// LISTEN connection to keep alive through poolers such as PgBouncer).
//
// LangChain's PGVectorStore is not used: it keeps one table of (text, metadata, vector) rows that every
// write changes in place, while builds here are versioned (rows tagged with their builds, one row switched
// per publish) so a reader never sees half a build, and the chunk ids, ordinals and lexical postings must be
// the ones the local backend ranks with.
import type pg from 'pg';
import type { Config } from '../../config.ts';
import { UserError } from '../../errors.ts';
import type { IndexBackend } from '../backend.ts';
import { LEXICAL_VERSION } from '../lexical.ts';
import { assertSameEmbedder } from '../manifest.ts';
import type { EmbedderHandle, IndexSnapshot } from '../types.ts';
import { createPool, describeDatabase, withClient } from './connect.ts';
import { assertSchemaCurrent } from './migrate.ts';
import { PgIndex, readCurrentBuild } from './snapshot.ts';
import { SyncClient } from './sync-client.ts';

export class PostgresBackend implements IndexBackend {
  private readonly url: string;
  private readonly pool: pg.Pool;
  private sync: SyncClient | undefined;
  private schemaChecked = false;

  constructor(private readonly config: Config) {
    this.url = config.DATABASE_URL!;
    this.pool = createPool(this.url);
  }

  async currentBuildId(): Promise<string | undefined> {
    return withClient(this.pool, this.url, async (client) => {
      await this.checkSchema(client);
      const row = await client.query<{ build_id: string }>(
        'SELECT b.build_id FROM current_build c JOIN builds b ON b.seq = c.build_seq',
      );
      return row.rows[0]?.build_id;
    });
  }

  async open(embedder: EmbedderHandle): Promise<IndexSnapshot> {
    const where = describeDatabase(this.url);
    const build = await withClient(this.pool, this.url, async (client) => {
      await this.checkSchema(client);
      return readCurrentBuild(client);
    });
    if (!build) {
      throw new UserError(
        'index.missing',
        `There is no index in PostgreSQL at ${where} yet; run \`npm run reindex\` to build it from ${this.config.CORPUS_DIR}.`,
        { database: where },
      );
    }
    assertSameEmbedder(build.head.manifest, embedder.info, `PostgreSQL at ${where}`);
    if (build.head.lexicalVersion !== LEXICAL_VERSION) {
      throw new UserError(
        'index.missing',
        `The index in PostgreSQL at ${where} was built by an older version of collab-bot's analyzer; run \`npm run reindex\` to rebuild it.`,
        { database: where, outdated: true },
      );
    }
    this.sync ??= new SyncClient(this.url);
    return new PgIndex(
      build.head,
      build.directory,
      build.aliases,
      this.pool,
      this.sync,
      this.url,
      embedder,
      this.config.SEARCH_EF,
    );
  }

  async close(): Promise<void> {
    const sync = this.sync;
    this.sync = undefined;
    await sync?.close();
    await this.pool.end().catch(() => {});
  }

  private async checkSchema(client: pg.ClientBase): Promise<void> {
    if (this.schemaChecked) return;
    await assertSchemaCurrent(client, this.url);
    this.schemaChecked = true;
  }
}
