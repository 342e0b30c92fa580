// The registry is built with the index: same build, same switch, and an incremental reindex re-extracts
// only the records of changed articles (the others are taken over from the previous build).
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDir, pointerPath, readCurrentBuildId } from '../../src/index/layout.ts';
import { REGISTRY_FILE, registryHeadOf, type RecordExtractor } from '../../src/index/registry-store.ts';
import { extractRecords } from '../../src/ingest/records/extract.ts';
import { reindex } from '../../src/index/reindex.ts';
import { partyGraph, registryNames, type PartyGraph } from '../../src/ingest/records/party-graph.ts';
import { RegistryView } from '../../src/retrieve/registry.ts';
import { openIndex } from '../../src/index/store.ts';
import { countingEmbedder, editArticle, makeWorkspace, type Workspace } from '../fixtures/index/helpers.ts';

interface StoredDoc {
  docId: string;
  extractor?: number;
  records: { title: string; place?: { value: string } }[];
}

async function storedDocs(ws: Workspace): Promise<StoredDoc[]> {
  const buildId = (await readCurrentBuildId(ws.indexDir))!;
  return (
    JSON.parse(await readFile(join(buildDir(ws.indexDir, buildId), REGISTRY_FILE), 'utf8')) as {
      documents: StoredDoc[];
    }
  ).documents;
}

async function storedParties(ws: Workspace): Promise<PartyGraph> {
  const buildId = (await readCurrentBuildId(ws.indexDir))!;
  return (
    JSON.parse(await readFile(join(buildDir(ws.indexDir, buildId), REGISTRY_FILE), 'utf8')) as { parties: PartyGraph }
  ).parties;
}

/** Marks every stored record of the live build, so a later build shows which records it took over. */
async function markStoredRecords(ws: Workspace): Promise<void> {
  const buildId = (await readCurrentBuildId(ws.indexDir))!;
  const file = join(buildDir(ws.indexDir, buildId), REGISTRY_FILE);
  const value = JSON.parse(await readFile(file, 'utf8')) as { documents: StoredDoc[] };
  for (const doc of value.documents) for (const r of doc.records) r.title = `${r.title} [from the previous build]`;
  await writeFile(file, JSON.stringify(value));
}

/** The real extractor under another version number, its records marked with it. */
function extractorVersion(version: number, calls: string[] = []): RecordExtractor {
  return {
    version,
    extract: (article) => {
      calls.push(article.id);
      return extractRecords(article).map((r) => ({ ...r, title: `${r.title} [extractor ${version}]` }));
    },
  };
}

describe('registry store', () => {
  let ws: Workspace;
  const embedder = countingEmbedder();
  beforeEach(async () => {
    ws = await makeWorkspace();
  });
  afterEach(async () => {
    await ws.cleanup();
  });

  test('every indexed article has its records in the build, loaded with the snapshot', async () => {
    await reindex(ws.config, { embedder });
    const docs = await storedDocs(ws);
    const snapshot = await openIndex(ws.config, embedder);
    assert.deepEqual(docs.map((d) => d.docId).sort(), snapshot.manifest.documents.map((d) => d.id).sort());
    const records = snapshot.registry();
    assert.ok(records && records.length === docs.length, 'one record per fixture article');
    assert.ok(
      records.every((r) => r.parties.length >= 2),
      'each names its parties',
    );
  });

  test('an incremental reindex that changes one article re-extracts only its records', async () => {
    await reindex(ws.config, { embedder });
    await markStoredRecords(ws);
    await editArticle(ws, 'iit-aiims.md', 'The agreement was signed at a ceremony in Kolkata.');
    const summary = await reindex(ws.config, { embedder });
    assert.deepEqual(summary.changed, ['iit-aiims']);
    const docs = await storedDocs(ws);
    for (const doc of docs) {
      const carried = doc.records.every((r) => r.title.endsWith('[from the previous build]'));
      assert.equal(carried, doc.docId !== 'iit-aiims', `${doc.docId}: ${carried ? 'taken over' : 're-extracted'}`);
    }
    const snapshot = await openIndex(ws.config, embedder);
    assert.equal(
      snapshot
        .registry()!
        .find((r) => r.docId === 'iit-aiims')!
        .title.endsWith('[from the previous build]'),
      false,
    );
  });

  test('the party graph is stored with the build, taken over when no name changed, found again when one did', async () => {
    await reindex(ws.config, { embedder });
    const first = await storedParties(ws);
    const snapshot = await openIndex(ws.config, embedder);
    assert.deepEqual(first.names, registryNames(snapshot.registry()!));
    assert.deepEqual(snapshot.registryParties?.(), first);
    // The same records: the same graph, compared again for nothing.
    await editArticle(ws, 'iit-aiims.md', 'The agreement was signed at a ceremony in Kolkata.');
    await reindex(ws.config, { embedder });
    assert.deepEqual(await storedParties(ws), first);
    // An article gone: its names leave the graph, which keeps the parties a graph made from scratch has.
    await rm(join(ws.corpusDir, 'msu-sechenov.md'));
    await reindex(ws.config, { embedder });
    const after = await storedParties(ws);
    const records = (await openIndex(ws.config, embedder)).registry()!;
    assert.deepEqual(after.names, registryNames(records));
    assert.ok(after.names.length < first.names.length);
    assert.deepEqual(new RegistryView(records, after).parties, new RegistryView(records, partyGraph(records)).parties);
  });

  test('a no-change reindex upgrades a version 1 registry (no party graph) in a new build, embedding nothing', async () => {
    const first = await reindex(ws.config, { embedder });
    const file = join(buildDir(ws.indexDir, first.buildId!), REGISTRY_FILE);
    const stored = JSON.parse(await readFile(file, 'utf8')) as { documents: StoredDoc[]; parties: PartyGraph };
    await writeFile(file, JSON.stringify({ formatVersion: 1, documents: stored.documents }));
    assert.equal((await openIndex(ws.config, embedder)).registryParties?.(), undefined, 'the old file has none');
    embedder.embeddings.reset();
    const upgrade = await reindex(ws.config, { embedder });
    assert.notEqual(upgrade.unchangedBuild, true);
    assert.notEqual(upgrade.buildId, first.buildId);
    assert.equal(await readCurrentBuildId(ws.indexDir), upgrade.buildId);
    assert.equal(upgrade.embedded, 0);
    assert.deepEqual(embedder.embeddings.embeddedTexts, []);
    assert.deepEqual(upgrade.added, []);
    assert.deepEqual(upgrade.changed, []);
    const upgraded = JSON.parse(
      await readFile(join(buildDir(ws.indexDir, upgrade.buildId!), REGISTRY_FILE), 'utf8'),
    ) as { formatVersion: number; documents: StoredDoc[]; parties: PartyGraph };
    assert.equal(upgraded.formatVersion, 2);
    assert.deepEqual(upgraded.documents, stored.documents);
    assert.deepEqual(upgraded.parties, stored.parties);
    const snapshot = await openIndex(ws.config, embedder);
    assert.equal(snapshot.manifest.chunkCount, first.chunks);
    assert.deepEqual(snapshot.registryParties?.(), stored.parties);
    // Upgraded once: the next run has nothing to do.
    const again = await reindex(ws.config, { embedder });
    assert.equal(again.unchangedBuild, true);
    assert.equal(again.buildId, upgrade.buildId);
  });

  test('a deleted article leaves the registry; --full re-extracts every record', async () => {
    await reindex(ws.config, { embedder });
    await markStoredRecords(ws);
    await rm(join(ws.corpusDir, 'msu-sechenov.md'));
    await reindex(ws.config, { embedder });
    assert.deepEqual((await storedDocs(ws)).map((d) => d.docId).sort(), ['hkust-hospitals', 'iit-aiims']);
    await reindex(ws.config, { embedder, full: true });
    assert.ok(
      (await storedDocs(ws)).every((d) => d.records.every((r) => !r.title.endsWith('[from the previous build]'))),
    );
  });

  test('an article whose file no longer loads keeps its previous records with its previous chunks', async () => {
    await reindex(ws.config, { embedder });
    await writeFile(join(ws.corpusDir, 'iit-aiims.md'), '---\ntitle: [unclosed\n---\nbody\n');
    const summary = await reindex(ws.config, { embedder });
    assert.equal(summary.failed[0]?.kept, true);
    assert.ok((await storedDocs(ws)).some((d) => d.docId === 'iit-aiims' && d.records.length === 1));
    // --full extracts every record again, and still keeps those of the article it cannot load.
    const full = await reindex(ws.config, { embedder, full: true });
    assert.equal(full.failed[0]?.kept, true);
    assert.ok((await storedDocs(ws)).some((d) => d.docId === 'iit-aiims' && d.records.length === 1));
  });

  test('a new extractor version re-extracts every article on a no-change reindex, embedding nothing; the old build serves until the switch', async () => {
    const first = await reindex(ws.config, { embedder, recordExtractor: extractorVersion(1) });
    assert.deepEqual(await registryHeadOf(ws.indexDir, first.buildId!), { formatVersion: 2, extractor: 1 });
    // Same version again: nothing read, nothing written.
    const calls: string[] = [];
    const same = await reindex(ws.config, { embedder, recordExtractor: extractorVersion(1, calls) });
    assert.equal(same.unchangedBuild, true);
    assert.deepEqual(calls, []);

    // Version 2 fails half way: the old build stays live with its version 1 records.
    const failing: RecordExtractor = {
      version: 2,
      extract: () => {
        throw new Error('extractor 2 broke');
      },
    };
    await assert.rejects(reindex(ws.config, { embedder, recordExtractor: failing }), /extractor 2 broke/);
    assert.equal(await readCurrentBuildId(ws.indexDir), first.buildId);
    const old = (await openIndex(ws.config, embedder)).registry()!;
    assert.equal(old.length, 3);
    assert.ok(old.every((r) => r.title.endsWith('[extractor 1]')));

    // Version 2 works: while it extracts, the pointer still names the old build; after, every record is of 2.
    embedder.embeddings.reset();
    const live: string[] = [];
    const v2 = extractorVersion(2);
    const upgrade = await reindex(ws.config, {
      embedder,
      recordExtractor: {
        version: 2,
        extract: (article) => {
          live.push((JSON.parse(readFileSync(pointerPath(ws.indexDir), 'utf8')) as { buildId: string }).buildId);
          return v2.extract(article);
        },
      },
    });
    assert.deepEqual(live, [first.buildId, first.buildId, first.buildId]);
    assert.equal(upgrade.recordsRederived, 'extractorChanged');
    assert.notEqual(upgrade.unchangedBuild, true);
    assert.notEqual(upgrade.buildId, first.buildId);
    assert.deepEqual(upgrade.added, []);
    assert.deepEqual(upgrade.changed, []);
    assert.equal(upgrade.embedded, 0);
    assert.deepEqual(embedder.embeddings.embeddedTexts, []);
    const docs = await storedDocs(ws);
    assert.deepEqual(docs.map((d) => d.docId).sort(), ['hkust-hospitals', 'iit-aiims', 'msu-sechenov']);
    assert.ok(docs.every((d) => d.extractor === 2 && d.records.every((r) => r.title.endsWith('[extractor 2]'))));
    const snapshot = await openIndex(ws.config, embedder);
    assert.equal(snapshot.manifest.chunkCount, first.chunks);
    assert.ok(snapshot.registry()!.every((r) => r.title.endsWith('[extractor 2]')));
    assert.deepEqual(await registryHeadOf(ws.indexDir, upgrade.buildId!), { formatVersion: 2, extractor: 2 });
    // Upgraded once: the next run at version 2 has nothing to do.
    const again = await reindex(ws.config, { embedder, recordExtractor: extractorVersion(2, calls) });
    assert.equal(again.unchangedBuild, true);
    assert.deepEqual(calls, []);
  });

  test('a new extractor version with one article changed: every article is of the new version, only the changed one embedded', async () => {
    await reindex(ws.config, { embedder, recordExtractor: extractorVersion(1) });
    await editArticle(ws, 'iit-aiims.md', 'The agreement was signed at a ceremony in Kolkata.');
    embedder.embeddings.reset();
    const calls: string[] = [];
    const summary = await reindex(ws.config, { embedder, recordExtractor: extractorVersion(2, calls) });
    assert.deepEqual(summary.changed, ['iit-aiims']);
    assert.deepEqual(calls.sort(), ['hkust-hospitals', 'iit-aiims', 'msu-sechenov']);
    assert.ok(embedder.embeddings.embeddedTexts.every((t) => !t.includes('Sechenov') && !t.includes('HKUST')));
    assert.ok((await storedDocs(ws)).every((d) => d.records.every((r) => r.title.endsWith('[extractor 2]'))));
  });

  test('a build made before the registry existed gets the records of every article, on a no-change or a one-change reindex', async () => {
    const first = await reindex(ws.config, { embedder });
    await unlink(join(buildDir(ws.indexDir, first.buildId!), REGISTRY_FILE));
    assert.equal((await openIndex(ws.config, embedder)).registry(), undefined);
    embedder.embeddings.reset();
    const upgrade = await reindex(ws.config, { embedder });
    assert.equal(upgrade.recordsRederived, 'missing');
    assert.equal(upgrade.embedded, 0);
    assert.deepEqual((await storedDocs(ws)).map((d) => d.docId).sort(), [
      'hkust-hospitals',
      'iit-aiims',
      'msu-sechenov',
    ]);
    assert.equal((await reindex(ws.config, { embedder })).unchangedBuild, true);

    // Again without a registry, this time with one article changed.
    await unlink(join(buildDir(ws.indexDir, upgrade.buildId!), REGISTRY_FILE));
    await editArticle(ws, 'iit-aiims.md', 'The agreement was signed at a ceremony in Kolkata.');
    const changed = await reindex(ws.config, { embedder });
    assert.deepEqual(changed.changed, ['iit-aiims']);
    assert.equal(changed.recordsRederived, 'missing');
    const records = (await openIndex(ws.config, embedder)).registry()!;
    assert.deepEqual(records.map((r) => r.docId).sort(), ['hkust-hospitals', 'iit-aiims', 'msu-sechenov']);
  });

  test('a registry missing some articles (left by an older reindex) is completed', async () => {
    const first = await reindex(ws.config, { embedder });
    const file = join(buildDir(ws.indexDir, first.buildId!), REGISTRY_FILE);
    const stored = JSON.parse(await readFile(file, 'utf8')) as { documents: StoredDoc[] };
    // As scale4's reindex left it: format 2 without `extractor`, records of the changed article only.
    await writeFile(
      file,
      JSON.stringify({ formatVersion: 2, documents: stored.documents.filter((d) => d.docId === 'iit-aiims') }),
    );
    const summary = await reindex(ws.config, { embedder });
    assert.equal(summary.recordsRederived, 'missing');
    assert.equal(summary.embedded, 0);
    assert.deepEqual((await storedDocs(ws)).map((d) => d.docId).sort(), [
      'hkust-hospitals',
      'iit-aiims',
      'msu-sechenov',
    ]);
  });

  test('an unchanged article that cannot be read again keeps its records, and the next reindex tries again', async () => {
    // A whole-second mtime, so the broken file below can be given exactly the same stamp.
    const path = join(ws.corpusDir, 'msu-sechenov.md');
    await utimes(path, 1_700_000_000, 1_700_000_000);
    await reindex(ws.config, { embedder, recordExtractor: extractorVersion(1) });
    const calls: string[] = [];
    // The file is replaced by bytes that no longer parse, with its old size and mtime: the scan sees it unchanged.
    const { size, mtimeMs } = await stat(path);
    await writeFile(path, '---\ntitle: [unclosed\n---\n'.padEnd(size, ' '));
    await utimes(path, mtimeMs / 1000, mtimeMs / 1000);
    assert.equal((await stat(path)).mtimeMs, mtimeMs, 'the same stamp');
    const summary = await reindex(ws.config, { embedder, recordExtractor: extractorVersion(2, calls) });
    assert.deepEqual(summary.unchanged.sort(), ['hkust-hospitals', 'iit-aiims', 'msu-sechenov']);
    assert.deepEqual(calls.sort(), ['hkust-hospitals', 'iit-aiims']);
    const docs = await storedDocs(ws);
    assert.equal(docs.length, 3);
    assert.ok(docs.find((d) => d.docId === 'msu-sechenov')!.records[0]!.title.endsWith('[extractor 1]'));
    assert.equal((await registryHeadOf(ws.indexDir, summary.buildId!))?.extractor, undefined, 'mixed versions');
    // The next reindex tries that one article again (the others are current): it still fails, nothing is lost.
    calls.length = 0;
    const retry = await reindex(ws.config, { embedder, recordExtractor: extractorVersion(2, calls) });
    assert.equal(retry.recordsRederived, 'missing');
    assert.deepEqual(calls, []);
    assert.ok(
      (await storedDocs(ws)).find((d) => d.docId === 'msu-sechenov')!.records[0]!.title.endsWith('[extractor 1]'),
    );
  });
});
