// The collaboration registry of a build: the records of every indexed article, in one file of the build
// directory (registry.json). Written by the reindex with the build's other files, before the build is synced,
// named and switched to, so the build that goes live always has the records of exactly its articles; an unchanged article
// (same content hash, same extractor version) keeps its records from the previous build instead of being
// extracted again. The party graph (which names of the records denote one party, src/ingest/records/
// party-graph.ts) is stored with them, found again only for the names that changed, so loading a build
// reads its parties instead of comparing names.
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXTRACTOR_VERSION, extractRecords } from '../ingest/records/extract.ts';
import { partyGraph, type PartyGraph } from '../ingest/records/party-graph.ts';
import type { CollabRecord } from '../ingest/records/types.ts';
import type { Article } from '../ingest/types.ts';
import type { Logger } from '../log.ts';
import { writeFileAtomic } from './atomic.ts';
import { buildDir } from './layout.ts';
import { corrupt } from './manifest.ts';
import type { ManifestDocument } from './types.ts';

export const REGISTRY_FILE = 'registry.json';
/** 2 added `parties`; a version 1 registry is read without it (and rewritten by the next reindex). */
export const REGISTRY_FORMAT_VERSION = 2;
const FORMAT_VERSION = REGISTRY_FORMAT_VERSION;
const READABLE_VERSIONS = new Set([1, FORMAT_VERSION]);

interface StoredDocument {
  docId: string;
  contentHash: string;
  extractor: number;
  records: CollabRecord[];
}

interface StoredRegistry {
  formatVersion: number;
  documents: StoredDocument[];
  parties?: PartyGraph;
}

/** A build's registry as loaded: its records and their party graph (absent in a version 1 file). */
export interface LoadedRegistry {
  records: CollabRecord[];
  parties?: PartyGraph;
}

export interface RegistryBuildStats {
  /** Documents whose records were extracted in this build. */
  extracted: string[];
  /** Documents whose records were taken over from the previous build. */
  reused: string[];
}

/**
 * Writes the registry of build `buildId`: one entry per document of its manifest. `articles` are the
 * loaded articles; a document without one (its file failed to load and its previous version is kept) keeps
 * its previous records. `full` re-extracts everything. With `dir` (the build's temp directory, synced and
 * renamed by the caller) the file is written there plainly; otherwise atomically into the published build.
 */
export async function writeRegistry(
  indexDir: string,
  buildId: string,
  previousBuildId: string | undefined,
  articles: readonly Article[],
  documents: readonly ManifestDocument[],
  options: { full?: boolean; logger?: Logger; dir?: string } = {},
): Promise<RegistryBuildStats> {
  const previous =
    previousBuildId && !options.full
      ? await readStoredRegistry(indexDir, previousBuildId).catch(() => undefined)
      : undefined;
  const before = new Map(previous?.documents.map((d) => [d.docId, d]) ?? []);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const stats: RegistryBuildStats = { extracted: [], reused: [] };
  const stored: StoredDocument[] = [];
  for (const doc of documents) {
    const old = before.get(doc.id);
    const article = byId.get(doc.id);
    const reusable = old !== undefined && old.contentHash === doc.contentHash && old.extractor === EXTRACTOR_VERSION;
    if (reusable || (!article && old)) {
      stored.push(old!);
      stats.reused.push(doc.id);
    } else if (article) {
      stored.push({
        docId: doc.id,
        contentHash: doc.contentHash,
        extractor: EXTRACTOR_VERSION,
        records: extractRecords(article),
      });
      stats.extracted.push(doc.id);
    }
  }
  const parties = partyGraph(
    stored.flatMap((d) => d.records),
    previous?.parties,
  );
  const registry: StoredRegistry = { formatVersion: FORMAT_VERSION, documents: stored, parties };
  if (options.dir !== undefined) await writeFile(join(options.dir, REGISTRY_FILE), JSON.stringify(registry));
  else await writeFileAtomic(join(buildDir(indexDir, buildId), REGISTRY_FILE), JSON.stringify(registry));
  options.logger?.debug(
    { extracted: stats.extracted.length, reused: stats.reused.length },
    'collaboration registry written',
  );
  return stats;
}

/** The records of a build, or undefined for a build made before the registry existed. */
export async function readRegistry(indexDir: string, buildId: string): Promise<CollabRecord[] | undefined> {
  return (await loadRegistry(indexDir, buildId))?.records;
}

/** The records of a build with their party graph, or undefined for a build made before the registry existed. */
export async function loadRegistry(indexDir: string, buildId: string): Promise<LoadedRegistry | undefined> {
  const registry = await readStoredRegistry(indexDir, buildId);
  if (!registry) return undefined;
  const records = registry.documents.flatMap((d) => d.records);
  return registry.parties ? { records, parties: registry.parties } : { records };
}

/**
 * The format version of a build's registry without parsing it (the writer puts `formatVersion` first), or
 * undefined when the build has none. A reindex that finds an older one writes a new build (see reindex.ts).
 */
export async function registryFormatOf(indexDir: string, buildId: string): Promise<number | undefined> {
  const file = join(buildDir(indexDir, buildId), REGISTRY_FILE);
  let head: string;
  try {
    const handle = await open(file, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
      head = buffer.toString('utf8', 0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw corrupt(file, (error as Error).message);
  }
  const version = /^\{"formatVersion":(\d+)[,}]/.exec(head)?.[1];
  if (version !== undefined) return Number(version);
  // Written by something else than writeRegistry (or damaged): the whole file decides.
  return (await readStoredRegistry(indexDir, buildId).catch(() => undefined))?.formatVersion ?? 0;
}

async function readStoredRegistry(indexDir: string, buildId: string): Promise<StoredRegistry | undefined> {
  const file = join(buildDir(indexDir, buildId), REGISTRY_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw corrupt(file, (error as Error).message);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw corrupt(file, `it is not valid JSON (${(error as Error).message})`);
  }
  const registry = value as Partial<StoredRegistry> | null;
  if (!registry || !READABLE_VERSIONS.has(registry.formatVersion ?? -1) || !Array.isArray(registry.documents)) {
    throw corrupt(file, 'it is not a collaboration registry of this version');
  }
  return registry as StoredRegistry;
}
