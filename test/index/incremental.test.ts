// A reindex edits the previous build instead of rebuilding it: nothing is written when nothing changed, a
// changed article replaces only its own chunks (vectors and lexical entries), removals free graph slots that
// later additions reuse, and a graph with too many deleted slots is compacted.
import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BuildReader } from '../../src/index/build-db.ts';
import { BUILD_FILES, buildDir } from '../../src/index/layout.ts';
import { COMPACTION_DELETED_SHARE, reindex } from '../../src/index/reindex.ts';
import { openIndex } from '../../src/index/store.ts';
import { VectorStore } from '../../src/index/vector-store.ts';
import {
  HASH_DIMENSIONS,
  countingEmbedder,
  editArticle,
  makeWorkspace,
  testConfig,
  type Workspace,
} from '../fixtures/index/helpers.ts';

/** Every file under `dir` with its size and mtime: what "nothing rewritten" compares. */
async function fileStamps(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of await readdir(dir, { recursive: true })) {
    const info = await stat(join(dir, String(name)));
    if (info.isFile()) out.set(String(name), `${info.size}:${info.mtimeMs}`);
  }
  return out;
}

/** chunk id -> ordinal (HNSW label and lexical document number) in a build. */
function ordinals(ws: Workspace, buildId: string | undefined): Map<string, number> {
  assert.ok(buildId);
  const reader = new BuildReader(join(buildDir(ws.indexDir, buildId), BUILD_FILES.database));
  try {
    return new Map([...reader.chunkRows()].map((r) => [r.chunk.id, r.ordinal]));
  } finally {
    reader.close();
  }
}

function graphOf(ws: Workspace, buildId: string | undefined): VectorStore {
  assert.ok(buildId);
  const reader = new BuildReader(join(buildDir(ws.indexDir, buildId), BUILD_FILES.database));
  const deleted = reader.meta.deletedSlots;
  reader.close();
  return VectorStore.load(join(buildDir(ws.indexDir, buildId), BUILD_FILES.vectors), HASH_DIMENSIONS, 40, deleted);
}

describe('incremental reindex', () => {
  let ws: Workspace;
  const embedder = countingEmbedder();
  beforeEach(async () => {
    ws = await makeWorkspace();
    embedder.embeddings.reset();
  });
  afterEach(async () => {
    await ws.cleanup();
  });

  test('with no change it embeds nothing and rewrites nothing, even when only mtimes moved', async () => {
    const first = await reindex(ws.config, { embedder });
    const before = await fileStamps(ws.indexDir);
    embedder.embeddings.reset();

    const same = await reindex(ws.config, { embedder });
    assert.equal(same.unchangedBuild, true);
    assert.equal(same.buildId, first.buildId);
    assert.equal(same.embedded, 0);
    // The lock file comes and goes; everything else must be byte-for-byte where it was.
    const after = await fileStamps(ws.indexDir);
    assert.deepEqual(after, before);

    // Touched but identical bytes: the hash says unchanged.
    const later = new Date(Date.now() + 60_000);
    await utimes(join(ws.corpusDir, 'iit-aiims.md'), later, later);
    const touched = await reindex(ws.config, { embedder });
    assert.equal(touched.unchangedBuild, true);
    assert.deepEqual(await fileStamps(ws.indexDir), before);
    assert.deepEqual(embedder.embeddings.embeddedTexts, []);
  });

  test("an added article alone is a change: added to the live build's copy, nothing else embedded", async () => {
    const first = await reindex(ws.config, { embedder });
    embedder.embeddings.reset();
    await writeFile(
      join(ws.corpusDir, 'kazan-pharmacology.md'),
      '---\ntitle: Kazan and Sechenov open a pharmacology school\nsource: Test Wire\nlanguage: en\n---\nKazan Federal University and Sechenov University will open a school of clinical pharmacology.\n',
    );
    const next = await reindex(ws.config, { embedder });
    assert.deepEqual(next.added, ['kazan-pharmacology']);
    assert.notEqual(next.buildId, first.buildId);
    assert.equal(next.embedded, embedder.embeddings.embeddedTexts.length);
    assert.ok(
      embedder.embeddings.embeddedTexts.every((t) => t.startsWith('Kazan and Sechenov open a pharmacology school')),
    );
    const snapshot = await openIndex(ws.config, embedder);
    assert.equal(snapshot.searchLexical('pharmacology Kazan', 1)[0]?.chunk.docId, 'kazan-pharmacology');
    assert.equal(snapshot.chunks.size, first.chunks + next.embedded);
  });

  test('one changed article replaces only its own chunks; the others keep their slots and vectors', async () => {
    const first = await reindex(ws.config, { embedder });
    const firstOrdinals = ordinals(ws, first.buildId);
    const snapshotBefore = await openIndex(ws.config, embedder);
    const oldMsu = [...snapshotBefore.chunks.values()].filter((c) => c.docId === 'msu-sechenov');
    embedder.embeddings.reset();

    await editArticle(
      ws,
      'msu-sechenov.md',
      'Первые студенты начнут обучение по программе осенью следующего года в Новосибирске.',
    );
    const next = await reindex(ws.config, { embedder });
    assert.deepEqual(next.changed, ['msu-sechenov']);
    assert.notEqual(next.buildId, first.buildId);

    const nextOrdinals = ordinals(ws, next.buildId);
    for (const [id, ordinal] of firstOrdinals) {
      if (!id.startsWith('msu-sechenov#')) assert.equal(nextOrdinals.get(id), ordinal, `${id} kept its ordinal`);
    }
    const maxBefore = Math.max(...firstOrdinals.values());
    const msuNow = [...nextOrdinals].filter(([id]) => id.startsWith('msu-sechenov#'));
    assert.ok(
      msuNow.every(([, ordinal]) => ordinal > maxBefore),
      'the changed article got new ordinals',
    );
    // Its old chunks' slots were reused by the new chunks: the graph did not grow by more than the difference.
    const graph = graphOf(ws, next.buildId);
    assert.equal(graph.size, next.chunks);
    assert.equal(graph.index.getCurrentCount(), Math.max(first.chunks, next.chunks));
    for (const [, ordinal] of msuNow) assert.equal(graph.search(graph.vector(ordinal), 1)[0]?.ordinal, ordinal);
    // Unchanged chunks' vectors are the ones of the first build.
    const firstGraph = graphOf(ws, first.buildId);
    const hkust = firstOrdinals.get('hkust-hospitals#0')!;
    assert.deepEqual(graph.vector(hkust), firstGraph.vector(hkust));

    const snapshot = await openIndex(ws.config, embedder);
    assert.equal(snapshot.searchLexical('Новосибирске', 3)[0]?.chunk.docId, 'msu-sechenov');
    assert.equal(snapshot.chunks.size, next.chunks);
    // Only the changed article's new chunks were embedded.
    const msuTexts = new Set(
      [...snapshot.chunks.values()].filter((c) => c.docId === 'msu-sechenov').map((c) => `${c.title}\n\n${c.text}`),
    );
    assert.ok(embedder.embeddings.embeddedTexts.length > 0);
    for (const text of embedder.embeddings.embeddedTexts) assert.ok(msuTexts.has(text));
    assert.ok(oldMsu.length > 0);
  });

  test('a removed article leaves postings and graph; removing most of the corpus compacts the graph', async () => {
    const first = await reindex(ws.config, { embedder });
    await rm(join(ws.corpusDir, 'iit-aiims.md'));
    await rm(join(ws.corpusDir, 'hkust-hospitals.md'));
    const next = await reindex(ws.config, { embedder, allowShrink: true });
    assert.deepEqual(next.removed, ['hkust-hospitals', 'iit-aiims']);
    const share = (first.chunks - next.chunks) / first.chunks;
    assert.ok(share > COMPACTION_DELETED_SHARE, `fixture must remove more than the threshold (${share})`);
    assert.equal(next.compacted, true);
    const graph = graphOf(ws, next.buildId);
    assert.equal(graph.index.getCurrentCount(), next.chunks, 'no deleted slots left after compaction');
    assert.equal(graph.deletedSlots, 0);

    const snapshot = await openIndex(ws.config, embedder);
    assert.deepEqual(
      snapshot.searchLexical('HKUST Shenzhen', 5).filter((h) => h.chunk.docId !== 'msu-sechenov'),
      [],
    );
    assert.ok(
      (await snapshot.searchDense('HKUST Shenzhen hospital', 10)).every((h) => h.chunk.docId === 'msu-sechenov'),
    );
  });

  test('a small removal keeps deleted slots (below the threshold) and a later addition reuses them', async () => {
    await reindex(ws.config, { embedder });
    await editArticle(ws, 'msu-sechenov.md', 'Дополнительный абзац о сотрудничестве.');
    const grown = await reindex(ws.config, { embedder });
    const slots = graphOf(ws, grown.buildId).index.getCurrentCount();
    await editArticle(ws, 'msu-sechenov.md', 'Ещё один абзац.');
    const again = await reindex(ws.config, { embedder });
    assert.equal(again.compacted, undefined);
    const graph = graphOf(ws, again.buildId);
    assert.ok(graph.index.getCurrentCount() <= Math.max(slots, again.chunks) + 1, 'slots are reused, not appended');
    assert.equal(graph.size, again.chunks);
  });

  test('--full and new chunking settings rebuild from empty', async () => {
    await reindex(ws.config, { embedder });
    const full = await reindex(ws.config, { embedder, full: true });
    assert.equal(full.full, 'requested');
    assert.deepEqual(
      [...ordinals(ws, full.buildId).values()].sort((a, b) => a - b),
      [...Array(full.chunks).keys()],
    );

    const rechunked = await reindex(testConfig(ws.corpusDir, ws.indexDir, { CHUNK_SIZE: '300', CHUNK_OVERLAP: '40' }), {
      embedder,
    });
    assert.equal(rechunked.full, 'settingsChanged');
    assert.notEqual(rechunked.chunks, full.chunks);
  });

  test('a build whose lexical entries came from another analyzer is re-analyzed, without embedding', async () => {
    const first = await reindex(ws.config, { embedder });
    const expected = (await openIndex(ws.config, embedder))
      .searchLexical('Сеченовский университет', 3)
      .map((h) => h.chunk.id);
    const db = new Database(join(buildDir(ws.indexDir, first.buildId!), BUILD_FILES.database));
    db.prepare("UPDATE meta SET value = 'older' WHERE key = 'lexicalVersion'").run();
    db.prepare('DELETE FROM postings').run();
    db.close();
    // Until the next reindex, a snapshot re-analyzes the stored chunks in memory.
    assert.deepEqual(
      (await openIndex(ws.config, embedder)).searchLexical('Сеченовский университет', 3).map((h) => h.chunk.id),
      expected,
    );

    embedder.embeddings.reset();
    const next = await reindex(ws.config, { embedder });
    assert.equal(next.unchangedBuild, undefined);
    assert.equal(next.embedded, 0);
    assert.deepEqual(
      (await openIndex(ws.config, embedder)).searchLexical('Сеченовский университет', 3).map((h) => h.chunk.id),
      expected,
    );
  });

  test('per-article records follow their article: kept when unchanged, re-derived when changed, dropped when removed', async () => {
    let derived: string[] = [];
    const recordSteps = [
      {
        kind: 'probe',
        derive: ({
          docId,
          chunks,
          article,
        }: {
          docId: string;
          chunks: readonly { text: string }[];
          article?: { title: string };
        }) => {
          derived.push(docId);
          return {
            chunks: chunks.length,
            title: article?.title,
            words: chunks
              .map((c) => c.text)
              .join(' ')
              .split(/\s+/).length,
          };
        },
      },
    ];
    await reindex(ws.config, { embedder, recordSteps });
    assert.deepEqual(derived.sort(), ['hkust-hospitals', 'iit-aiims', 'msu-sechenov']);
    const before = new Map((await openIndex(ws.config, embedder)).records('probe').map((r) => [r.docId, r.data]));

    derived = [];
    await editArticle(ws, 'msu-sechenov.md', 'Соглашение рассчитано на пять лет и будет продлено.');
    await rm(join(ws.corpusDir, 'iit-aiims.md'));
    await reindex(ws.config, { embedder, recordSteps });
    assert.deepEqual(derived, ['msu-sechenov'], 'only the changed article is derived again');
    const after = new Map((await openIndex(ws.config, embedder)).records('probe').map((r) => [r.docId, r.data]));
    assert.deepEqual([...after.keys()], ['hkust-hospitals', 'msu-sechenov']);
    assert.deepEqual(after.get('hkust-hospitals'), before.get('hkust-hospitals'));
    assert.notDeepEqual(after.get('msu-sechenov'), before.get('msu-sechenov'));
  });
});
