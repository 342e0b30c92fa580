// Which party names of a registry denote the same institution, without comparing every name with every
// other. `samePrepared` (names.ts) is the rule; this module only finds the pairs worth asking it about, by
// keys that every matching pair is certain to share (a blocking index), so the answer is the same as the
// all-pairs comparison at a fraction of its cost:
//   - two names written alike (same folded text) share that text;
//   - two aligned forms consume their first tokens together and their last tokens together
//     (`aligns`), so they share a key of the first and a key of the last token, kept as one pair key;
//   - when the shorter name's distinctive words are all found in the other (`sharesDistinctive`), each of
//     them shares a key with a distinctive word of the other.
// A token's keys say how it can match another: its Latin spelling, its concepts, the first letters of its
// phonetic keys (which match by prefix from MIN_PREFIX_KEY letters), and the initials an acronym spells or
// abbreviates. Keys are asymmetric where matching is: an acronym's letters look for words with that initial
// (`a:` is what acronyms offer, `w:` what words offer).
import { scriptOf } from '../../text/script.ts';
import type { CollabRecord } from './types.ts';
import {
  distinctive,
  MIN_SHARED_DISTINCTIVE,
  prepareName,
  samePrepared,
  soundLetters,
  type NameToken,
} from './names.ts';

/** A pair of name indexes (i < j) that denote the same party. */
export type NamePair = readonly [number, number];

/** The length of a phonetic key's prefix that keys match by (names.ts: MIN_PREFIX_KEY). */
const KEY_PREFIX = 4;

export type Position = 'first' | 'last';

/** What a token offers to others (`offer`) and what it looks for in them (`seek`), at one end of its name. */
export function tokenKeys(t: NameToken, position: Position): { offer: string[]; seek: string[] } {
  if (t.acronym) {
    const letters = soundLetters(t.acronym);
    const head = letters[0] ?? '';
    const tail = letters[letters.length - 1] ?? '';
    // A one-letter acronym is also one initial of a run an acronym spells.
    const offer = letters.length === 1 ? [`a:${head}`, `w:${head}`] : [`a:${head}`];
    if (position === 'last') offer.push(`a:${tail}`);
    const seek = [`a:${head}`, `w:${head}`];
    if (position === 'last') seek.push(`w:${tail}`);
    return { offer, seek };
  }
  const common = [
    `l:${t.latin}`,
    ...t.concepts.map((c) => `c:${c}`),
    ...t.keys.map((k) => `k:${k.slice(0, KEY_PREFIX)}`),
  ];
  const initial = soundLetters(t.latin[0] ?? '');
  return { offer: [...common, `w:${initial}`], seek: [...common, `a:${initial}`] };
}

interface NameKeys {
  /** Keys others find this name by. */
  offer: Set<string>;
  /** Keys this name looks up. */
  seek: Set<string>;
  /** Keys of its distinctive words, for the distinctive-words rule. */
  offerDistinctive: Set<string>;
  /** Per form with enough distinctive words: per word, the keys it looks for. */
  seekDistinctive: string[][][];
}

function keysOf(name: string): NameKeys {
  const p = prepareName(name);
  const keys: NameKeys = {
    offer: new Set([`f:${p.folded}`]),
    seek: new Set([`f:${p.folded}`]),
    offerDistinctive: new Set(),
    seekDistinctive: [],
  };
  for (const form of p.forms) {
    if (form.length === 0) continue;
    // The initials of a form's words: what an acronym written alone spells (IIT KGP is not one).
    if (form.every((t) => !t.acronym || t.acronym.length === 1)) {
      keys.offer.add(`s:${soundLetters(form.map((t) => (t.acronym ?? t.latin)[0] ?? '').join(''))}`);
    }
    if (form.length === 1 && form[0]!.acronym) {
      // An acronym alone aligns with the same acronym, the words whose initials it spells, or one word it
      // abbreviates.
      const letters = soundLetters(form[0]!.acronym);
      keys.offer.add(`s:${letters}`).add(`1a:${letters[0]}`);
      keys.seek.add(`s:${letters}`).add(`1w:${letters[0]}`);
    } else if (form.length === 1) {
      const initial = soundLetters(form[0]!.latin[0] ?? '');
      keys.offer.add(`1w:${initial}`);
      keys.seek.add(`1a:${initial}`);
    }
    const first = form[0]!;
    const last = form[form.length - 1]!;
    const f = tokenKeys(first, 'first');
    const l = tokenKeys(last, 'last');
    if (!(form.length === 1 && first.acronym)) {
      for (const a of f.offer) for (const b of l.offer) keys.offer.add(`p:${a}|${b}`);
      for (const a of f.seek) for (const b of l.seek) keys.seek.add(`p:${a}|${b}`);
    }
    const words = distinctive(form);
    for (const w of words) for (const k of tokenKeys(w, 'first').offer) keys.offerDistinctive.add(k);
    if (words.length >= MIN_SHARED_DISTINCTIVE) keys.seekDistinctive.push(words.map((w) => tokenKeys(w, 'first').seek));
  }
  return keys;
}

function post(postings: Map<string, number[]>, key: string, id: number): void {
  const list = postings.get(key);
  if (list) list.push(id);
  else postings.set(key, [id]);
}

/**
 * The links that connect the names of one party: a spanning forest of the graph whose edges are the pairs
 * of `names` that `samePrepared` joins. `known` are links from an earlier run, all among names outside
 * `fresh`, whose components are whole (see `staleNames`); only pairs involving a `fresh` name (all names
 * when omitted) are compared, and a pair already connected is not compared at all. The components of the
 * result are those of the all-pairs comparison.
 */
export function linkNames(
  names: readonly string[],
  known: readonly NamePair[] = [],
  fresh?: ReadonlySet<number>,
): NamePair[] {
  const isFresh = (i: number) => fresh === undefined || fresh.has(i);
  const parent = names.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const links: NamePair[] = [];
  const link = (a: number, b: number) => {
    parent[find(b)] = find(a);
    links.push(a < b ? [a, b] : [b, a]);
  };
  for (const [a, b] of known) if (find(a) !== find(b)) link(a, b);
  if (fresh?.size === 0) return links;
  const keys = names.map(keysOf);
  // Postings of the fresh names (what older names look for) and of all names (what fresh names look for).
  const all = new Map<string, number[]>();
  const allDistinctive = new Map<string, number[]>();
  const ofFresh = new Map<string, number[]>();
  const ofFreshDistinctive = new Map<string, number[]>();
  keys.forEach((k, i) => {
    for (const key of k.offer) post(all, key, i);
    for (const key of k.offerDistinctive) post(allDistinctive, key, i);
    if (fresh && isFresh(i)) {
      for (const key of k.offer) post(ofFresh, key, i);
      for (const key of k.offerDistinctive) post(ofFreshDistinctive, key, i);
    }
  });
  // The name each name was last considered with: one comparison per pair and query, however many keys lead to it.
  const seenBy = new Int32Array(names.length).fill(-1);
  const consider = (i: number, j: number) => {
    if (seenBy[j] === i) return;
    seenBy[j] = i;
    if (i === j || (!isFresh(i) && !isFresh(j)) || find(i) === find(j)) return;
    const [a, b] = i < j ? [i, j] : [j, i];
    if (samePrepared(prepareName(names[a]!), prepareName(names[b]!))) link(a, b);
  };
  keys.forEach((k, i) => {
    const postings = isFresh(i) || !fresh ? all : ofFresh;
    const distinctivePostings = isFresh(i) || !fresh ? allDistinctive : ofFreshDistinctive;
    for (const key of k.seek) for (const j of postings.get(key) ?? []) consider(i, j);
    for (const words of k.seekDistinctive) {
      // Names offering a key for every distinctive word: start from the rarest word, check the others.
      const reach = words.map((seek) => seek.reduce((n, key) => n + (distinctivePostings.get(key)?.length ?? 0), 0));
      const rarest = reach.indexOf(Math.min(...reach));
      const others = words.filter((_, w) => w !== rarest);
      for (const key of words[rarest]!) {
        for (const j of distinctivePostings.get(key) ?? []) {
          if (seenBy[j] === i || find(i) === find(j)) continue;
          const offered = keys[j]!.offerDistinctive;
          if (others.every((seek) => seek.some((s) => offered.has(s)))) consider(i, j);
        }
      }
    }
  });
  return links;
}

/**
 * The names whose links must be found again after some names left the registry: every name of a
 * component that lost one (the component may have held together through it).
 */
export function staleNames(
  previous: readonly string[],
  links: readonly NamePair[],
  kept: ReadonlySet<string>,
): Set<string> {
  const parent = previous.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const [a, b] of links) parent[find(b)] = find(a);
  const broken = new Set(previous.map((n, i) => (kept.has(n) ? -1 : find(i))).filter((r) => r >= 0));
  return new Set(previous.filter((n, i) => kept.has(n) && broken.has(find(i))));
}

/** Changes when the matching rule (names.ts) or the graph's form changes: a graph of another version is found again. */
export const PARTY_GRAPH_VERSION = 1;

/** The party names of a registry and the links that join them into parties (stored with the build). */
export interface PartyGraph {
  version: number;
  /** Every name of every record's parties, in the order of first use. */
  names: string[];
  /** A spanning forest of the same-party pairs, as indexes into `names`. */
  links: NamePair[];
  /** Per name: the Latin acronyms written in it, lower case (IIT, HKUST → iit, hkust). */
  acronyms: string[][];
}

/** The Latin acronyms a name writes, lower case (what a user may type in lower case and still mean). */
function acronymsOf(name: string): string[] {
  const found = prepareName(name)
    .forms.flat()
    .filter((t) => t.acronym !== undefined && scriptOf(t.raw) === 'latin' && t.raw.length >= 2)
    .map((t) => t.raw.toLowerCase());
  return [...new Set(found)];
}

/** The names of the records' parties (each party's aliases, or its name), in the order of first use. */
export function registryNames(records: readonly CollabRecord[]): string[] {
  const names = new Set<string>();
  for (const r of records)
    for (const p of r.parties) for (const a of p.aliases.length > 0 ? p.aliases : [p.name]) names.add(a);
  return [...names];
}

/**
 * The party graph of `records`. With the graph of an earlier build, only names new to the registry, and
 * those of parties that lost a name, are compared again; the other links are taken over.
 */
export function partyGraph(records: readonly CollabRecord[], previous?: PartyGraph): PartyGraph {
  const names = registryNames(records);
  if (!previous || previous.version !== PARTY_GRAPH_VERSION) {
    return { version: PARTY_GRAPH_VERSION, names, links: linkNames(names), acronyms: names.map(acronymsOf) };
  }
  const index = new Map(names.map((n, i) => [n, i]));
  const stale = staleNames(previous.names, previous.links, new Set(names));
  const before = new Map(previous.names.map((n, i) => [n, i]));
  const fresh = new Set(names.flatMap((n, i) => (!before.has(n) || stale.has(n) ? [i] : [])));
  const known: NamePair[] = [];
  for (const [a, b] of previous.links) {
    const i = index.get(previous.names[a]!);
    const j = index.get(previous.names[b]!);
    if (i !== undefined && j !== undefined && !fresh.has(i) && !fresh.has(j)) known.push(i < j ? [i, j] : [j, i]);
  }
  return {
    version: PARTY_GRAPH_VERSION,
    names,
    links: linkNames(names, known, fresh),
    acronyms: names.map((n) => {
      const i = before.get(n);
      return i === undefined ? acronymsOf(n) : previous.acronyms[i]!;
    }),
  };
}

/**
 * The registry's names indexed for lookups (a typed party, the words of a question): each lookup returns
 * the indexes of the names it could match, a superset that the caller checks with the rule itself.
 * Built on first use (it reads every name once).
 */
export class NameLookup {
  private index?: {
    offer: Map<string, number[]>;
    seek: Map<string, number[]>;
    offerDistinctive: Map<string, number[]>;
    seekDistinctive: Map<string, number[]>;
    anyToken: Map<string, number[]>;
    firstToken: Map<string, number[]>;
    lastToken: Map<string, number[]>;
  };

  constructor(private readonly names: readonly string[]) {}

  private built() {
    if (this.index) return this.index;
    const index = {
      offer: new Map<string, number[]>(),
      seek: new Map<string, number[]>(),
      offerDistinctive: new Map<string, number[]>(),
      seekDistinctive: new Map<string, number[]>(),
      anyToken: new Map<string, number[]>(),
      firstToken: new Map<string, number[]>(),
      lastToken: new Map<string, number[]>(),
    };
    this.names.forEach((name, i) => {
      const k = keysOf(name);
      for (const key of k.offer) post(index.offer, key, i);
      for (const key of k.seek) post(index.seek, key, i);
      for (const key of k.offerDistinctive) post(index.offerDistinctive, key, i);
      for (const key of new Set(k.seekDistinctive.flat(2))) post(index.seekDistinctive, key, i);
      const any = new Set<string>();
      const first = new Set<string>();
      const last = new Set<string>();
      for (const form of prepareName(name).forms) {
        form.forEach((t, at) => {
          for (const key of tokenKeys(t, 'first').offer) {
            any.add(key);
            if (at === 0) first.add(key);
          }
        });
        if (form.length > 0) for (const key of tokenKeys(form[form.length - 1]!, 'last').offer) last.add(key);
      }
      for (const key of any) post(index.anyToken, key, i);
      for (const key of first) post(index.firstToken, key, i);
      for (const key of last) post(index.lastToken, key, i);
    });
    this.index = index;
    return index;
  }

  /** Names that `samePrepared(prepareName(written), name)` may hold for. */
  sameAs(written: string): Set<number> {
    const index = this.built();
    const k = keysOf(written);
    const found = new Set<number>();
    const collect = (postings: Map<string, number[]>, keys: Iterable<string>) => {
      for (const key of keys) for (const i of postings.get(key) ?? []) found.add(i);
    };
    // Both ways, as linkNames compares a pair from either side (an acronym alone looks for the run it spells).
    collect(index.offer, k.seek);
    collect(index.seek, k.offer);
    // The distinctive-words rule either way: the written name's words found in a name, or a name's in it.
    collect(index.offerDistinctive, new Set(k.seekDistinctive.flat(2)));
    collect(index.seekDistinctive, k.offerDistinctive);
    return found;
  }

  /** Names with a token that the first of `tokens` may align with (where a run of them may start). */
  containing(tokens: readonly NameToken[]): Set<number> {
    const found = new Set<number>();
    if (tokens.length === 0) return found;
    const postings = this.built().anyToken;
    for (const key of tokenKeys(tokens[0]!, 'first').seek) for (const i of postings.get(key) ?? []) found.add(i);
    return found;
  }

  /** Names one of whose forms may start at one of `words` (a name written in a text). */
  startingAt(words: readonly NameToken[]): Set<number> {
    return this.reached(this.built().firstToken, words, 'first');
  }

  /**
   * Names one of whose forms may start at one of `words` and one of whose forms may end at one of them: a
   * form aligned with a run of the words consumes its first token with the run's first word and its last
   * token with the run's last word (`aligns`), so it offers a key that each of these seeks (`tokenKeys`).
   */
  spanning(words: readonly NameToken[]): Set<number> {
    const starting = this.startingAt(words);
    const ending = this.reached(this.built().lastToken, words, 'last');
    const found = new Set<number>();
    const [small, large] = starting.size <= ending.size ? [starting, ending] : [ending, starting];
    for (const i of small) if (large.has(i)) found.add(i);
    return found;
  }

  private reached(postings: Map<string, number[]>, words: readonly NameToken[], position: Position): Set<number> {
    const found = new Set<number>();
    const keys = new Set(words.flatMap((w) => tokenKeys(w, position).seek));
    for (const key of keys) for (const i of postings.get(key) ?? []) found.add(i);
    return found;
  }
}
