// The registry is built with the index: same build, same switch, and an incremental reindex re-extracts
// only the records of changed articles (the others are taken over from the previous build).
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDir, readCurrentBuildId } from '../../src/index/layout.ts';
import { REGISTRY_FILE } from '../../src/index/registry-store.ts';
import { reindex } from '../../src/index/reindex.ts';
import { partyGraph, registryNames, type PartyGraph } from '../../src/ingest/records/party-graph.ts';
import { RegistryView } from '../../src/retrieve/registry.ts';
import { openIndex } from '../../src/index/store.ts';
import { countingEmbedder, editArticle, makeWorkspace, type Workspace } from '../fixtures/index/helpers.ts';

interface StoredDoc {
  docId: string;
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
  });
});
