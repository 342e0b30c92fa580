// The collaboration registry of a build: the records of every indexed article, in one file of the build
// directory (registry.json). Written by the reindex with the build's other files, before the build is synced,
// named and switched to, so the build that goes live always has the records of exactly its articles; an unchanged article
// (same content hash, same extractor version) keeps its records from the previous build instead of being
// extracted again. The file says which extractor made all its records (`extractor`, right after
// `formatVersion`), so a reindex sees from its first bytes whether every article must be read again: after an
// extractor upgrade, or for a build made before the registry existed (see reindex.ts). The party graph (which names of the records denote one party, src/ingest/records/
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
  /** The extractor version of every record in the file; absent in files written before it was stored. */
  extractor?: number;
  documents: StoredDocument[];
  parties?: PartyGraph;
}

/** A build's registry as loaded: its records and their party graph (absent in a version 1 file). */
export interface LoadedRegistry {
  records: CollabRecord[];
  parties?: PartyGraph;
}

/** What makes the records of one article: the extractor of src/ingest/records (tests pass another version). */
export interface RecordExtractor {
  /** Bumped with every rule change; records of another version are extracted again. */
  version: number;
  extract(article: Article): CollabRecord[];
}

export const CURRENT_EXTRACTOR: RecordExtractor = { version: EXTRACTOR_VERSION, extract: extractRecords };

export interface RegistryBuildStats {
  /** Documents whose records were extracted in this build. */
  extracted: string[];
  /** Documents whose records were taken over from the previous build. */
  reused: string[];
  /** Documents among `extracted` whose article was read again through `reload` (not in `articles`). */
  reloaded: string[];
}

export interface WriteRegistryOptions {
  /** Extract every record again (the previous records serve only documents without an article). */
  full?: boolean;
  logger?: Logger;
  /** The build's temp directory: the file is written there plainly (the caller syncs and renames it). */
  dir?: string;
  extractor?: RecordExtractor;
  /**
   * The article of a document that is not in `articles` and has no current records in the previous build
   * (another extractor version, or none), read again for its records; undefined when it cannot be, and the
   * document then keeps its previous records, if any.
   */
  reload?: (doc: ManifestDocument) => Promise<Article | undefined>;
}

/**
 * Writes the registry of build `buildId`: one entry per document of its manifest. `articles` are the
 * loaded articles (added or changed); a document without one keeps its previous records when they are of
 * this extractor and content, and is otherwise read again through `reload` and extracted; one that cannot be
 * (its file failed to load and its previous version is kept) keeps the previous records it has. `full`
 * re-extracts everything it has an article for. With `dir` the file is written there plainly; otherwise
 * atomically into the published build.
 */
export async function writeRegistry(
  indexDir: string,
  buildId: string,
  previousBuildId: string | undefined,
  articles: readonly Article[],
  documents: readonly ManifestDocument[],
  options: WriteRegistryOptions = {},
): Promise<RegistryBuildStats> {
  const extractor = options.extractor ?? CURRENT_EXTRACTOR;
  // Read under `full` too: a document whose file failed to load keeps its previous records.
  const previous = previousBuildId
    ? await readStoredRegistry(indexDir, previousBuildId).catch(() => undefined)
    : undefined;
  const before = new Map(previous?.documents.map((d) => [d.docId, d]) ?? []);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const stats: RegistryBuildStats = { extracted: [], reused: [], reloaded: [] };
  const stored: StoredDocument[] = [];
  for (const doc of documents) {
    const old = before.get(doc.id);
    const reusable =
      !options.full && old !== undefined && old.contentHash === doc.contentHash && old.extractor === extractor.version;
    let article = reusable ? undefined : byId.get(doc.id);
    if (!reusable && !article && options.reload) {
      article = await options.reload(doc);
      if (article) stats.reloaded.push(doc.id);
    }
    if (reusable || (!article && old)) {
      stored.push(old!);
      stats.reused.push(doc.id);
    } else if (article) {
      stored.push({
        docId: doc.id,
        contentHash: doc.contentHash,
        extractor: extractor.version,
        records: extractor.extract(article),
      });
      stats.extracted.push(doc.id);
    }
  }
  const parties = partyGraph(
    stored.flatMap((d) => d.records),
    previous?.parties,
  );
  // `extractor` only when it made the records of every document (a kept record of a failed file may be older,
  // a document may have none): a mixed or partial file makes the next reindex read every article again.
  const made = new Set(stored.map((d) => d.extractor));
  const complete = made.size <= 1 && stored.length === documents.length;
  const registry: StoredRegistry = {
    formatVersion: FORMAT_VERSION,
    ...(complete ? { extractor: stored[0]?.extractor ?? extractor.version } : {}),
    documents: stored,
    parties,
  };
  if (options.dir !== undefined) await writeFile(join(options.dir, REGISTRY_FILE), JSON.stringify(registry));
  else await writeFileAtomic(join(buildDir(indexDir, buildId), REGISTRY_FILE), JSON.stringify(registry));
  options.logger?.debug(
    { extracted: stats.extracted.length, reused: stats.reused.length, reloaded: stats.reloaded.length },
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

/** What the first bytes of a build's registry say: its format, and the extractor of all its records. */
export interface RegistryHead {
  formatVersion: number;
  /** Undefined when the records are of several versions or the file does not say (older files). */
  extractor?: number;
}

/**
 * The format version and extractor version of a build's registry without parsing it (the writer puts them
 * first), or undefined when the build has none. An unreadable file reads as format 0. A reindex that finds an
 * older format writes a new build; one that finds another extractor also reads every article (see reindex.ts).
 * A file that does not say its extractor is parsed: it has one when all its records are of one version and,
 * given the build's `documentCount`, it has an entry for each document.
 */
export async function registryHeadOf(
  indexDir: string,
  buildId: string,
  documentCount?: number,
): Promise<RegistryHead | undefined> {
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
  const match = /^\{"formatVersion":(\d+)(?:,"extractor":(\d+))?[,}]/.exec(head);
  if (match?.[2] !== undefined) return { formatVersion: Number(match[1]), extractor: Number(match[2]) };
  // Older, written by something else than writeRegistry, or damaged: the whole file decides.
  const registry = await readStoredRegistry(indexDir, buildId).catch(() => undefined);
  if (!registry) return { formatVersion: 0 };
  const made = new Set(registry.documents.map((d) => d.extractor));
  const complete = documentCount === undefined || registry.documents.length === documentCount;
  const extractor = !complete ? undefined : (registry.extractor ?? (made.size === 1 ? [...made][0] : undefined));
  return { formatVersion: registry.formatVersion, ...(typeof extractor === 'number' ? { extractor } : {}) };
}

/** The format version of a build's registry (see registryHeadOf), or undefined when the build has none. */
export async function registryFormatOf(indexDir: string, buildId: string): Promise<number | undefined> {
  return (await registryHeadOf(indexDir, buildId))?.formatVersion;
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
