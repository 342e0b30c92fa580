import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isUserError } from '../../src/errors.ts';
import { WRITE_STEPS } from '../../src/index/build-files.ts';
import { embeddingText } from '../../src/index/embedding-text.ts';
import { buildsDir, readCurrentBuildId } from '../../src/index/layout.ts';
import { reindex } from '../../src/index/reindex.ts';
import { openIndex, type LoadedIndex } from '../../src/index/store.ts';
import type { ReindexProgress } from '../../src/index/types.ts';
import {
  CountingEmbeddings,
  countingEmbedder,
  editArticle,
  makeWorkspace,
  type Workspace,
} from '../fixtures/index/helpers.ts';

const DOCS = ['hkust-hospitals', 'iit-aiims', 'msu-sechenov'];
const QUERIES = [
  'HKUST hospital imaging research',
  'आईआईटी खड़गपुर एम्स',
  'Сеченовский университет биомедицина',
  'doctors data science',
];

/** What a user would get from this snapshot: ranked chunk ids with scores, dense and lexical. */
async function answers(snapshot: LoadedIndex): Promise<unknown> {
  const out = [];
  for (const q of QUERIES) {
    const dense = await snapshot.searchDense(q, 4);
    const lexical = snapshot.searchLexical(q, 4);
    out.push({
      q,
      dense: dense.map((h) => [h.chunk.id, h.score.toFixed(6)]),
      lexical: lexical.map((h) => [h.chunk.id, h.score.toFixed(6)]),
    });
  }
  return out;
}

function chunkTextsOf(snapshot: LoadedIndex, docId: string): string[] {
  return [...snapshot.chunks.values()].filter((c) => c.docId === docId).map(embeddingText);
}

describe('reindex', () => {
  let ws: Workspace;
  let embedder: ReturnType<typeof countingEmbedder>;
  beforeEach(async () => {
    ws = await makeWorkspace();
    embedder = countingEmbedder();
  });
  afterEach(async () => {
    await ws.cleanup();
  });

  test('first run embeds every chunk with its title; an unchanged run embeds nothing', async () => {
    const first = await reindex(ws.config, { embedder });
    assert.deepEqual(first.added, DOCS);
    assert.equal(first.documents, 3);
    assert.ok(first.chunks > 3, 'fixture articles should give several chunks each');
    assert.equal(first.embedded, first.chunks);
    assert.equal(embedder.embeddings.embeddedTexts.length, first.chunks);
    const snapshot = await openIndex(ws.config, embedder);
    assert.deepEqual(
      new Set(embedder.embeddings.embeddedTexts),
      new Set([...snapshot.chunks.values()].map(embeddingText)),
    );
    assert.ok(
      embedder.embeddings.embeddedTexts.some((t) => t.startsWith('HKUST signs MoUs with two Shenzhen hospitals\n\n')),
    );

    embedder.embeddings.reset();
    const second = await reindex(ws.config, { embedder });
    assert.deepEqual(second.unchanged, DOCS);
    assert.deepEqual([second.added, second.changed, second.removed, second.failed], [[], [], [], []]);
    assert.equal(second.embedded, 0);
    assert.deepEqual(embedder.embeddings.embeddedTexts, []);
    // Nothing changed: the live build stays (test/index/incremental.test.ts checks that nothing is rewritten).
    assert.equal(second.buildId, first.buildId);
    assert.equal(second.unchangedBuild, true);
    const reopened = await openIndex(ws.config, embedder);
    assert.equal(reopened.buildId, second.buildId);
    assert.deepEqual(await answers(reopened), await answers(snapshot));
  });

  test("editing one article re-embeds only that article's chunks", async () => {
    await reindex(ws.config, { embedder });
    embedder.embeddings.reset();
    await editArticle(
      ws,
      'msu-sechenov.md',
      'Первые студенты начнут обучение по программе осенью следующего года в Москве.',
    );

    const summary = await reindex(ws.config, { embedder });
    assert.deepEqual(summary.changed, ['msu-sechenov']);
    assert.deepEqual(summary.unchanged, ['hkust-hospitals', 'iit-aiims']);
    const snapshot = await openIndex(ws.config, embedder);
    const msuTexts = new Set(chunkTextsOf(snapshot, 'msu-sechenov'));
    assert.ok(embedder.embeddings.embeddedTexts.length > 0);
    assert.equal(summary.embedded, embedder.embeddings.embeddedTexts.length);
    for (const text of embedder.embeddings.embeddedTexts)
      assert.ok(msuTexts.has(text), `embedded a chunk of another article: ${text.slice(0, 60)}`);
    assert.equal(snapshot.searchLexical('осенью', 3)[0]?.chunk.docId, 'msu-sechenov');
  });

  test('a deleted article leaves the index; an added one is embedded alone', async () => {
    await reindex(ws.config, { embedder });
    embedder.embeddings.reset();
    await rm(join(ws.corpusDir, 'iit-aiims.md'));
    await writeFile(
      join(ws.corpusDir, 'oxford-nus.md'),
      '---\ntitle: Oxford and NUS agree on a joint vaccine lab\nsource: Test Wire\nlanguage: en\ninstitutions:\n  - University of Oxford\n  - National University of Singapore\n---\n' +
        'The University of Oxford and the National University of Singapore agreed to open a joint vaccine laboratory.\n\nThe lab will be staffed by researchers from both universities.\n',
    );

    const summary = await reindex(ws.config, { embedder });
    assert.deepEqual(summary.removed, ['iit-aiims']);
    assert.deepEqual(summary.added, ['oxford-nus']);
    assert.deepEqual(summary.unchanged, ['hkust-hospitals', 'msu-sechenov']);
    const snapshot = await openIndex(ws.config, embedder);
    assert.deepEqual(chunkTextsOf(snapshot, 'iit-aiims'), []);
    assert.ok(!snapshot.manifest.documents.some((d) => d.id === 'iit-aiims'));
    assert.ok(snapshot.searchLexical('खड़गपुर', 5).every((h) => h.chunk.docId !== 'iit-aiims'));
    assert.ok((await snapshot.searchDense('आईआईटी खड़गपुर एम्स कल्याणी', 10)).every((h) => h.chunk.docId !== 'iit-aiims'));
    const added = new Set(chunkTextsOf(snapshot, 'oxford-nus'));
    assert.deepEqual(new Set(embedder.embeddings.embeddedTexts), added);
    assert.equal(summary.chunks, snapshot.chunks.size);
  });

  test('a file that fails to load is reported, keeps its previous chunks, and the others are indexed', async () => {
    await reindex(ws.config, { embedder });
    const before = await openIndex(ws.config, embedder);
    const hkustBefore = [...before.chunks.values()].filter((c) => c.docId === 'hkust-hospitals');
    embedder.embeddings.reset();

    await writeFile(
      join(ws.corpusDir, 'hkust-hospitals.md'),
      '---\ntitle: [HKUST signs\nsource: Example Daily\n---\nBody.\n',
    );
    await writeFile(join(ws.corpusDir, 'never-loaded.md'), '---\ntitle: "unterminated\n---\nBody.\n');
    await editArticle(ws, 'msu-sechenov.md', 'Соглашение рассчитано на пять лет.');

    const summary = await reindex(ws.config, { embedder });
    assert.deepEqual(
      summary.failed.map((f) => [f.path, f.kept]),
      [
        ['hkust-hospitals.md', true],
        ['never-loaded.md', false],
      ],
    );
    for (const f of summary.failed) assert.ok(f.reason.length > 0);
    assert.deepEqual(summary.changed, ['msu-sechenov']);
    assert.deepEqual(summary.removed, []);
    assert.equal(summary.documents, 3);

    const after = await openIndex(ws.config, embedder);
    assert.deepEqual(
      [...after.chunks.values()].filter((c) => c.docId === 'hkust-hospitals'),
      hkustBefore,
    );
    assert.equal(after.searchLexical('пять', 3)[0]?.chunk.docId, 'msu-sechenov');
    // Kept chunks come from the cache: only the edited article was embedded.
    const msuTexts = new Set(chunkTextsOf(after, 'msu-sechenov'));
    for (const text of embedder.embeddings.embeddedTexts) assert.ok(msuTexts.has(text));

    // Still kept on the next run while the file stays broken; back to normal once it is fixed.
    const again = await reindex(ws.config, { embedder });
    assert.equal(again.failed.find((f) => f.path === 'hkust-hospitals.md')?.kept, true);
  });

  test('--full recomputes every vector', async () => {
    const first = await reindex(ws.config, { embedder });
    embedder.embeddings.reset();
    const full = await reindex(ws.config, { embedder, full: true });
    assert.equal(full.full, 'requested');
    assert.equal(full.embedded, first.chunks);
    assert.equal(embedder.embeddings.embeddedTexts.length, first.chunks);
  });

  test('a different embedder rebuilds in full and says so; the old embedder is then refused', async () => {
    const first = await reindex(ws.config, { embedder });
    const wider = countingEmbedder(128);
    const summary = await reindex(ws.config, { embedder: wider });
    assert.equal(summary.full, 'embedderChanged');
    assert.deepEqual(summary.previousEmbedder, embedder.info);
    assert.equal(summary.embedded, first.chunks);
    assert.deepEqual(summary.unchanged, DOCS);
    assert.equal((await openIndex(ws.config, wider)).manifest.embedder.dimension, 128);
    await assert.rejects(openIndex(ws.config, embedder), (error: unknown) =>
      isUserError(error, 'index.embedderMismatch'),
    );
  });

  test('the lock refuses a concurrent reindex', async () => {
    const gated = new GatedEmbeddings({ dimensions: 64 });
    const running = reindex(ws.config, { embedder: { embeddings: gated, info: gated.info } });
    await gated.entered;
    await assert.rejects(reindex(ws.config, { embedder }), (error: unknown) =>
      isUserError(error, 'reindex.alreadyRunning'),
    );
    gated.open();
    await running;
    const next = await reindex(ws.config, { embedder: { embeddings: gated, info: gated.info } });
    assert.equal(next.embedded, 0);
  });

  test('a failure at any step before the switch leaves the previous index loadable with the same answers', async () => {
    const first = await reindex(ws.config, { embedder });
    const expected = await answers(await openIndex(ws.config, embedder));
    await editArticle(ws, 'hkust-hospitals.md', 'A third hospital in Guangzhou is expected to join the partnership.');
    await rm(join(ws.corpusDir, 'iit-aiims.md'));

    const steps: { phase: string; detail?: string }[] = [
      { phase: 'load' },
      { phase: 'embed' },
      ...WRITE_STEPS.map((detail) => ({ phase: 'write', detail })),
      { phase: 'write', detail: 'embedding cache' },
      { phase: 'write', detail: 'switch to new build' },
    ];
    for (const step of steps) {
      const crash: ReindexProgress = (event) => {
        if (event.phase === step.phase && (step.detail === undefined || event.detail === step.detail))
          throw new Error(`crash at ${step.phase} ${step.detail ?? ''}`);
      };
      await assert.rejects(reindex(ws.config, { embedder, onProgress: crash }), /crash at/);
      assert.equal(
        await readCurrentBuildId(ws.indexDir),
        first.buildId,
        `pointer moved after a crash at ${JSON.stringify(step)}`,
      );
      const snapshot = await openIndex(ws.config, embedder);
      assert.equal(snapshot.buildId, first.buildId);
      assert.deepEqual(await answers(snapshot), expected, `answers changed after a crash at ${JSON.stringify(step)}`);
    }

    // The lock was released every time, and the next run cleans up the half-written builds.
    const done = await reindex(ws.config, { embedder });
    assert.deepEqual(done.removed, ['iit-aiims']);
    assert.deepEqual((await readdir(buildsDir(ws.indexDir))).sort(), [first.buildId, done.buildId].sort());
  });

  test('old builds are collected: the current and the previous one stay', async () => {
    const ids = [];
    for (let i = 0; i < 3; i += 1) {
      await editArticle(ws, 'msu-sechenov.md', `Обновление номер ${i}.`);
      ids.push((await reindex(ws.config, { embedder })).buildId);
    }
    assert.deepEqual((await readdir(buildsDir(ws.indexDir))).sort(), ids.slice(1).sort());
  });

  test('a missing corpus directory is a configuration error, and nothing is published', async () => {
    await rm(ws.corpusDir, { recursive: true });
    await assert.rejects(reindex(ws.config, { embedder }), (error: unknown) => {
      assert.equal((error as Error).name, 'ConfigError');
      assert.match((error as Error).message, /CORPUS_DIR/);
      return true;
    });
    assert.equal(await readCurrentBuildId(ws.indexDir), undefined);
  });
});

/** Blocks in embedDocuments until opened, so a reindex can be held mid-way. */
class GatedEmbeddings extends CountingEmbeddings {
  private release!: () => void;
  private signalEntered!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));
  readonly entered = new Promise<void>((resolve) => (this.signalEntered = resolve));

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    this.signalEntered();
    await this.gate;
    return super.embedDocuments(documents);
  }

  open(): void {
    this.release();
  }
}
