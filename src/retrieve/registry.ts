// The registry of a build as the front ends see it: every record with its parties under one canonical
// name across the corpus (IIT Kharagpur, আইআইটি খড়্গপুর and IIT KGP in three articles are one party), and
// filtering by party (in any script or alias), topic and date range.
import { aligns, nameTokens, prepareName, samePrepared, tokensMatch, type NameToken } from '../ingest/records/names.ts';
import {
  NameLookup,
  PARTY_GRAPH_VERSION,
  partyGraph,
  registryNames,
  tokenKeys,
  type PartyGraph,
} from '../ingest/records/party-graph.ts';
import { TOPIC_PHRASES, TOPICS } from '../ingest/records/topics.ts';
import { compilePhrases, findPhrases, textWords } from '../ingest/records/phrases.ts';
import type { CollabRecord } from '../ingest/records/types.ts';
import { scriptOf } from '../text/script.ts';
import { foldText } from '../text/fold.ts';
import { phoneticKey } from '../text/phonetic.ts';
import { toLatin } from '../text/transliterate.ts';
import type { IndexSnapshot } from '../index/types.ts';

export interface CollaborationFilter {
  /** A party in any script or alias. */
  party?: string;
  /** A topic id, or its name in any of the four languages. */
  topic?: string;
  /** Dates as YYYY, YYYY-MM or YYYY-MM-DD; inclusive. */
  since?: string;
  until?: string;
}

/** A record with its parties under their registry-wide canonical names. */
export interface RegistryEntry extends CollabRecord {
  /** Canonical party names, in the record's order. */
  partyNames: string[];
}

export interface PartyInfo {
  name: string;
  aliases: string[];
  records: number;
}

/** A filter the registry cannot apply; `key` names the problem for the front end's own wording. */
export class RegistryFilterError extends Error {
  override readonly name = 'RegistryFilterError';
  constructor(
    readonly key: 'badDate' | 'unknownTopic' | 'emptyRange',
    message: string,
    readonly values: Record<string, string> = {},
  ) {
    super(message);
  }
}

interface PartyCluster {
  name: string;
  aliases: string[];
  recordIds: Set<string>;
}

export class RegistryView {
  readonly entries: readonly RegistryEntry[];
  readonly parties: readonly PartyInfo[];
  private readonly clusters: PartyCluster[];
  private readonly partyByName: ReadonlyMap<string, PartyInfo>;
  private readonly clusterByName: ReadonlyMap<string, PartyCluster>;
  private readonly clusterOfAlias: ReadonlyMap<string, PartyCluster>;
  /** Every party name of the registry, indexed for resolveParty and partiesIn (built on first use). */
  private readonly lookup: NameLookup;
  private readonly names: readonly string[];

  /**
   * `graph` is the records' party graph as stored with the build (registry-store.ts); without it, or when it
   * is not the graph of these records, it is found here.
   */
  constructor(records: readonly CollabRecord[], graph?: PartyGraph) {
    const names = registryNames(records);
    const usable =
      graph !== undefined &&
      graph.version === PARTY_GRAPH_VERSION &&
      graph.names.length === names.length &&
      graph.names.every((n, i) => n === names[i]);
    const parties = usable ? graph : partyGraph(records);
    this.clusters = clusterParties(records, parties);
    // The Latin acronyms written in the registry's names (IIT, HKUST): typed in lower case, they still count.
    this.acronyms = new Set(parties.acronyms.flat());
    const clusterOfAlias = new Map<string, PartyCluster>();
    for (const c of this.clusters) for (const a of c.aliases) clusterOfAlias.set(a, c);
    this.clusterOfAlias = clusterOfAlias;
    this.names = parties.names;
    this.lookup = new NameLookup(parties.names);
    this.entries = [...records]
      .map((r) => ({
        ...r,
        partyNames: [...new Set(r.parties.map((p) => clusterOfAlias.get(p.aliases[0] ?? p.name)!.name))],
      }))
      .sort(compareEntries);
    this.parties = this.clusters
      .map((c) => ({ name: c.name, aliases: c.aliases, records: c.recordIds.size }))
      .sort((a, b) => b.records - a.records || a.name.localeCompare(b.name));
    this.partyByName = new Map(this.parties.map((p) => [p.name, p]));
    this.clusterByName = new Map(this.clusters.map((c) => [c.name, c]));
  }

  /**
   * Whether `token` matches (tokensMatch) a token of some name of `parties`. Each party's tokens are indexed
   * once by the keys they offer; two tokens that match share a key (party-graph.ts, tokenKeys), so only the
   * tokens under the keys `token` seeks are compared: the answer of comparing it with every token.
   */
  namedBy(token: NameToken, parties: readonly PartyInfo[]): boolean {
    const seek = tokenKeys(token, 'first').seek;
    return parties.some((party) => {
      const index = this.tokenIndex(this.clusterByName.get(party.name)!);
      return seek.some((key) => index.get(key)?.some((t) => tokensMatch(token, t)) === true);
    });
  }

  private tokenIndex(cluster: PartyCluster): ReadonlyMap<string, NameToken[]> {
    let index = this.tokenIndexes.get(cluster);
    if (!index) {
      index = new Map();
      for (const alias of cluster.aliases) {
        for (const t of nameTokens(alias)) {
          for (const key of new Set(tokenKeys(t, 'first').offer)) {
            const list = index.get(key);
            if (list) list.push(t);
            else index.set(key, [t]);
          }
        }
      }
      this.tokenIndexes.set(cluster, index);
    }
    return index;
  }

  private readonly tokenIndexes = new Map<PartyCluster, Map<string, NameToken[]>>();

  /** The party with this canonical name. */
  party(name: string): PartyInfo | undefined {
    return this.partyByName.get(name);
  }

  /** The records that pass every given filter, newest first (undated last). */
  filter(filter: CollaborationFilter): RegistryEntry[] {
    const range = dateRange(filter);
    const topic = filter.topic?.trim() ? resolveTopic(filter.topic) : undefined;
    const party = filter.party?.trim();
    const partyIds = party ? this.recordsOfParty(party) : undefined;
    return this.entries.filter(
      (e) =>
        (!partyIds || partyIds.has(e.id)) &&
        (!topic || e.areas.some((a) => a.id === topic)) &&
        (!range || (e.date !== undefined && e.date.value >= range.since && e.date.value <= range.until)),
    );
  }

  /** The canonical parties a written name denotes (usually one; none when it names no party of the registry). */
  resolveParty(written: string): PartyInfo[] {
    const expanded = this.withAcronyms(written);
    const input = prepareName(expanded);
    const same = this.candidates(this.lookup.sameAs(expanded));
    let found = this.clusters.filter((c) => same.has(c) && c.aliases.some((a) => samePrepared(input, prepareName(a))));
    // Partial input ("Kharagpur", "Sechenov"): every party one of whose names contains it, by sound.
    if (found.length === 0) {
      const containing = this.candidates(this.lookup.containing(nameTokens(expanded)));
      found = this.clusters.filter((c) => containing.has(c) && c.aliases.some((a) => containsName(a, expanded)));
    }
    return found.map((c) => this.partyByName.get(c.name)!);
  }

  /** Party names starting with (or containing a word starting with) `prefix`, in any script, for autocomplete. */
  suggestParties(prefix: string, limit: number): string[] {
    const typed = foldText(prefix.trim());
    if (typed === '') return this.parties.slice(0, limit).map((p) => p.name);
    const typedKey = phoneticKey(toLatin(typed, scriptOf(typed)));
    const score = (p: PartyInfo): number => {
      const names = [p.name, ...p.aliases].map(foldText);
      if (names.some((n) => n.startsWith(typed))) return 3;
      if (names.some((n) => n.split(/[\s\-(),]+/).some((w) => w.startsWith(typed)))) return 2;
      if (
        typedKey.length >= 2 &&
        names.some((n) => n.split(/[\s\-(),]+/).some((w) => phoneticKey(toLatin(w, scriptOf(w))).startsWith(typedKey)))
      )
        return 1;
      return 0;
    };
    return this.parties
      .map((p) => ({ p, s: score(p) }))
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s || b.p.records - a.p.records || a.p.name.localeCompare(b.p.name))
      .slice(0, limit)
      .map((x) => x.p.name);
  }

  /**
   * Typed input with the registry's acronyms in capitals ("iit kgp" → "IIT KGP"): people type names in lower
   * case, and an acronym is recognized by its capitals.
   */
  private withAcronyms(text: string): string {
    return text.replace(/[\p{L}\p{M}\p{N}]+/gu, (word) =>
      /^\p{Ll}+$/u.test(word) && (this.acronyms.has(word) || CONSONANTS_ONLY.test(word)) ? word.toUpperCase() : word,
    );
  }

  private readonly acronyms: ReadonlySet<string>;

  /** The parties of the names a lookup found (a superset of what matches, checked by the caller). */
  private candidates(names: ReadonlySet<number>): Set<PartyCluster> {
    return new Set([...names].map((i) => this.clusterOfAlias.get(this.names[i]!)!));
  }

  private recordsOfParty(written: string): Set<string> {
    const ids = new Set<string>();
    for (const party of this.resolveParty(written)) {
      for (const id of this.clusterByName.get(party.name)!.recordIds) ids.add(id);
    }
    return ids;
  }

  /**
   * The parties whose names occur in a text (a question), by aligning each name with a run of its words.
   * Only the names that may start and end at its words are read (NameLookup.spanning), and in them only the
   * runs whose ends may match (`occursInRun`): the same parties as `partiesInExhaustive`, in the same order.
   */
  partiesIn(text: string): PartyInfo[] {
    const words = nameTokens(this.withAcronyms(text));
    const run = keyedRun(words);
    // Only the names that may occur are read, not every alias of their parties (a party can have thousands).
    const found = new Set<PartyCluster>();
    for (const i of this.lookup.spanning(words)) {
      const cluster = this.clusterOfAlias.get(this.names[i]!)!;
      if (found.has(cluster)) continue;
      if (prepareName(this.names[i]!).forms.some((form) => occursInRun(form, run))) found.add(cluster);
    }
    const order = this.clusterOrder;
    return [...found].sort((a, b) => order.get(a)! - order.get(b)!).map((c) => this.partyByName.get(c.name)!);
  }

  /** `partiesIn` by trying every party against every run of the text's words (the reference it must equal). */
  partiesInExhaustive(text: string): PartyInfo[] {
    const words = nameTokens(this.withAcronyms(text));
    return this.clusters
      .filter((c) => c.aliases.some((alias) => prepareName(alias).forms.some((form) => occursIn(form, words))))
      .map((c) => this.partyByName.get(c.name)!);
  }

  private get clusterOrder(): ReadonlyMap<PartyCluster, number> {
    this.order ??= new Map(this.clusters.map((c, i) => [c, i]));
    return this.order;
  }

  private order?: Map<PartyCluster, number>;
}

/** A text's words with the keys each seeks as the first and as the last word of a name's run (tokenKeys). */
interface KeyedRun {
  words: readonly NameToken[];
  first: ReadonlySet<string>[];
  last: ReadonlySet<string>[];
}

function keyedRun(words: readonly NameToken[]): KeyedRun {
  return {
    words,
    first: words.map((w) => new Set(tokenKeys(w, 'first').seek)),
    last: words.map((w) => new Set(tokenKeys(w, 'last').seek)),
  };
}

/**
 * `occursIn` trying only the runs that start at a word the form's first token may align with and end at a
 * word its last token may align with: `aligns` consumes the first tokens of both together and the last
 * tokens together, and two tokens that can be consumed together share a key (party-graph.ts, tokenKeys).
 */
function occursInRun(form: readonly NameToken[], run: KeyedRun): boolean {
  if (!form.some((t) => !t.generic)) return false;
  const { words } = run;
  const offerFirst = tokenKeys(form[0]!, 'first').offer;
  const offerLast = tokenKeys(form[form.length - 1]!, 'last').offer;
  let ends: boolean[] | undefined;
  for (let i = 0; i < words.length; i++) {
    if (!offerFirst.some((k) => run.first[i]!.has(k))) continue;
    ends ??= run.last.map((seek) => offerLast.some((k) => seek.has(k)));
    for (let j = i + 1; j <= Math.min(words.length, i + form.length + 4); j++) {
      if (ends[j - 1] && aligns(form, words.slice(i, j))) return true;
    }
  }
  return false;
}

/** Whether the tokens of a name align with some run of the text's tokens. */
function occursIn(form: readonly NameToken[], words: readonly NameToken[]): boolean {
  const distinctive = form.filter((t) => !t.generic);
  if (distinctive.length === 0) return false;
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= Math.min(words.length, i + form.length + 4); j++) {
      if (aligns(form, words.slice(i, j))) return true;
    }
  }
  return false;
}

/** Whether a partial name (one or a few words) occurs in a party name. */
function containsName(name: string, partial: string): boolean {
  const part = nameTokens(partial);
  if (part.length === 0) return false;
  return prepareName(name).forms.some((form) => occursIn(part, form) || occurs(part, form));
}

function occurs(part: readonly NameToken[], form: readonly NameToken[]): boolean {
  for (let i = 0; i + part.length <= form.length; i++) if (aligns(part, form.slice(i, i + part.length))) return true;
  return false;
}

function compareEntries(a: RegistryEntry, b: RegistryEntry): number {
  const da = a.date?.value ?? '';
  const db = b.date?.value ?? '';
  return db.localeCompare(da) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

/**
 * The parties of the records: the components of the party graph's links (names that denote one party) and
 * of each record party's aliases (one party by extraction), in the order of their first name.
 */
function clusterParties(records: readonly CollabRecord[], graph: PartyGraph): PartyCluster[] {
  const names = graph.names;
  const index = new Map(names.map((n, i) => [n, i]));
  const recordsOf = new Map<string, Set<string>>();
  const parent = names.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) parent[b] = a;
  };
  // A record party's aliases, which are one party by extraction (per name, the last such list it is in).
  const groupOf = new Map<string, string[]>();
  for (const r of records) {
    for (const p of r.parties) {
      const aliases = p.aliases.length > 0 ? p.aliases : [p.name];
      for (const a of aliases) {
        recordsOf.set(a, (recordsOf.get(a) ?? new Set()).add(r.id));
        groupOf.set(a, aliases);
      }
    }
  }
  for (const aliases of groupOf.values()) for (const a of aliases) union(index.get(aliases[0]!)!, index.get(a)!);
  for (const [a, b] of graph.links) union(a, b);
  const byRoot = new Map<number, string[]>();
  names.forEach((n, i) => {
    const root = find(i);
    const list = byRoot.get(root);
    if (list) list.push(n);
    else byRoot.set(root, [n]);
  });
  return [...byRoot.values()].map((aliases) => ({
    name: canonicalName(aliases, recordsOf),
    aliases,
    recordIds: new Set(aliases.flatMap((a) => [...recordsOf.get(a)!])),
  }));
}

/**
 * One name per party: a Latin-script form when there is one (the name readers of all four languages can
 * search), the form that states both the long name and the acronym, the one used by most records, the
 * shortest such.
 */
function canonicalName(aliases: readonly string[], recordsOf: ReadonlyMap<string, Set<string>>): string {
  const score = (n: string) =>
    (scriptOf(n) === 'latin' ? 10_000 : 0) +
    (/\(.+\)/.test(n) ? 1000 : 0) +
    (recordsOf.get(n)?.size ?? 0) * 10 -
    n.length / 1000;
  return [...aliases].sort((a, b) => score(b) - score(a) || a.localeCompare(b))[0]!;
}

/** A topic id from its id, a label in any language, or a word of its vocabulary. */
export function resolveTopic(written: string): string {
  const folded = foldText(written.trim());
  const byLabel = TOPICS.find((t) => t.id === folded || Object.values(t.label).some((l) => foldText(l) === folded));
  if (byLabel) return byLabel.id;
  const words = textWords(written);
  for (const [id, phrases] of TOPIC_PHRASES) if (findPhrases(words, phrases).length > 0) return id;
  throw new RegistryFilterError(
    'unknownTopic',
    `Unknown topic "${written}": use one of ${TOPICS.map((t) => t.id).join(', ')}.`,
    {
      topic: written,
      topics: TOPICS.map((t) => t.id).join(', '),
    },
  );
}

/** The topics a text names (a question), by the topic vocabulary. */
export function topicsIn(text: string): string[] {
  const words = textWords(text);
  return [...TOPIC_PHRASES].filter(([, phrases]) => findPhrases(words, phrases).length > 0).map(([id]) => id);
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The inclusive ISO range of since/until; undefined when neither is given. */
function dateRange(filter: CollaborationFilter): { since: string; until: string } | undefined {
  const since = filter.since?.trim() ? boundary(filter.since.trim(), 'since') : undefined;
  const until = filter.until?.trim() ? boundary(filter.until.trim(), 'until') : undefined;
  if (!since && !until) return undefined;
  const range = { since: since ?? '0000-01-01', until: until ?? '9999-12-31' };
  if (range.since > range.until) {
    throw new RegistryFilterError('emptyRange', `--since ${filter.since} is after --until ${filter.until}.`, {
      since: filter.since ?? '',
      until: filter.until ?? '',
    });
  }
  return range;
}

function boundary(value: string, which: 'since' | 'until'): string {
  const m = DATE.exec(value);
  const valid =
    m && (!m[2] || (Number(m[2]) >= 1 && Number(m[2]) <= 12)) && (!m[3] || (Number(m[3]) >= 1 && Number(m[3]) <= 31));
  if (!m || !valid) {
    throw new RegistryFilterError(
      'badDate',
      `Invalid ${which} date "${value}": write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2023-07-01).`,
      {
        which,
        value,
      },
    );
  }
  const [, year, month, day] = m;
  if (which === 'since') return `${year}-${month ?? '01'}-${day ?? '01'}`;
  return `${year}-${month ?? '12'}-${day ?? '31'}`;
}

/** The general words that ask for the whole registry ("in the corpus", "in the collection"). */
export const REGISTRY_WORDS = compilePhrases(
  'corpus | collection | database | registry | index | संग्रह | डेटाबेस | সংগ্রহ | ডেটাবেস | корпус* | баз* | коллекци* | реестр*',
);

/** A short Latin word without vowels is an abbreviation (kgp), whatever its case. */
const CONSONANTS_ONLY = /^[bcdfghjklmnpqrstvwxz]{2,5}$/;

const views = new WeakMap<object, RegistryView>();

/** The registry view of a snapshot (built once per snapshot), or undefined when its build has no registry. */
export function registryOf(snapshot: IndexSnapshot): RegistryView | undefined {
  const records = snapshot.registry?.();
  if (!records) return undefined;
  let view = views.get(snapshot);
  if (!view) {
    view = new RegistryView(records, snapshot.registryParties?.());
    views.set(snapshot, view);
  }
  return view;
}
