// The party graph finds the same parties as comparing every name with every other (samePrepared on all
// pairs), and an update after some records changed finds the same parties as a graph made from scratch.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { loadArticleFile } from '../../../src/ingest/load.ts';
import { extractRecords } from '../../../src/ingest/records/extract.ts';
import { prepareName, sameParty, samePrepared } from '../../../src/ingest/records/names.ts';
import {
  linkNames,
  PARTY_GRAPH_VERSION,
  partyGraph,
  registryNames,
  type NamePair,
  type PartyGraph,
} from '../../../src/ingest/records/party-graph.ts';
import type { CollabRecord } from '../../../src/ingest/records/types.ts';

const FOLDERS = ['corpus', 'test/fixtures/distractors', 'test/fixtures/registry/articles'];

async function corpusRecords(): Promise<CollabRecord[]> {
  const records: CollabRecord[] = [];
  for (const folder of FOLDERS) {
    for (const file of readdirSync(folder).sort()) {
      if (!/\.(md|txt|html?)$/.test(file)) continue;
      records.push(...extractRecords(await loadArticleFile(join(folder, file), folder)));
    }
  }
  return records;
}

/** Each name's component, as the smallest index of its component (comparable across runs). */
function components(count: number, links: readonly NamePair[]): number[] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const [a, b] of links) {
    const [x, y] = [find(a), find(b)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  }
  return parent.map((_, i) => find(i));
}

/** The components of the all-pairs comparison, by name. */
function allPairsParties(names: readonly string[]): Map<string, string> {
  const pairs: NamePair[] = [];
  const prepared = names.map(prepareName);
  for (let i = 0; i < names.length; i++)
    for (let j = i + 1; j < names.length; j++) if (samePrepared(prepared[i]!, prepared[j]!)) pairs.push([i, j]);
  return byName(names, pairs);
}

function byName(names: readonly string[], links: readonly NamePair[]): Map<string, string> {
  const roots = components(names.length, links);
  return new Map(names.map((n, i) => [n, names[roots[i]!]!]));
}

const partiesOf = (graph: PartyGraph) => byName(graph.names, graph.links);

describe('party graph', () => {
  let records: CollabRecord[];
  let names: string[];
  before(async () => {
    records = await corpusRecords();
    names = registryNames(records);
  });

  test('joins exactly the names the all-pairs comparison joins, with links that are same-party pairs', () => {
    assert.ok(names.length > 50, `the corpus has many party names (${names.length})`);
    const links = linkNames(names);
    const expected = allPairsParties(names);
    assert.ok(
      [...expected].some(([n, root]) => n !== root),
      'some names of the corpus denote one party',
    );
    assert.deepEqual(byName(names, links), expected);
    for (const [a, b] of links)
      assert.ok(samePrepared(prepareName(names[a]!), prepareName(names[b]!)), `${names[a]} ~ ${names[b]}`);
    assert.ok(links.length < names.length, 'a forest: fewer links than names');
  });

  test('an update after records left and came back finds the parties of a graph made from scratch', () => {
    const full = partyGraph(records);
    // Drop every third record: names leave, parties may split.
    const fewer = records.filter((_, i) => i % 3 !== 0);
    const updated = partyGraph(fewer, full);
    assert.deepEqual(updated.names, registryNames(fewer));
    assert.deepEqual(partiesOf(updated), partiesOf(partyGraph(fewer)));
    assert.deepEqual(updated.acronyms, partyGraph(fewer).acronyms);
    const back = partyGraph(records, updated);
    assert.deepEqual(partiesOf(back), partiesOf(full));
    assert.deepEqual(back.acronyms, full.acronyms);
  });

  test('a party held together by a name that leaves is split again when its other names do not match', () => {
    // A stored graph where B linked A and C (B matched each of them, A and C do not match each other).
    const graph = {
      version: PARTY_GRAPH_VERSION,
      names: ['A', 'B', 'C'],
      links: [[0, 1] as const, [1, 2] as const],
      acronyms: [[], [], []],
    };
    const mk = (...parties: string[]): CollabRecord =>
      ({
        id: parties.join('+'),
        parties: parties.map((name) => ({ name, aliases: [name] })),
      }) as unknown as CollabRecord;
    // B leaves: A and C are different names that do not match, so they must not stay joined.
    const updated = partyGraph([mk('A', 'C')], graph);
    assert.deepEqual(updated.names, ['A', 'C']);
    assert.deepEqual(updated.links, []);
  });

  test('a changed article only updates its parties: the other names keep their stored links, compared again for nothing', () => {
    const mk = (id: string, ...parties: string[]): CollabRecord =>
      ({ id, parties: parties.map((name) => ({ name, aliases: [name] })) }) as unknown as CollabRecord;
    const unchanged = [
      mk('b', 'Delta Medical College', 'Egor Institute of Technology'),
      mk('c', 'Bini Cancer Research Centre', 'Delta Medical College'),
    ];
    const stored = partyGraph([mk('a', 'Alpha Northern University', 'Gamma Hospital'), ...unchanged]);
    // A stored link the rule would not make, between names of the unchanged articles: were they compared
    // again, the update would drop it.
    const delta = stored.names.indexOf('Delta Medical College');
    const egor = stored.names.indexOf('Egor Institute of Technology');
    assert.equal(sameParty('Delta Medical College', 'Egor Institute of Technology'), false);
    const marked = { ...stored, links: [...stored.links, [delta, egor] as const] };
    // Article a changes its second party: Gamma Hospital leaves, BCRC (the acronym of a party of c) comes.
    const updated = partyGraph([mk('a', 'Alpha Northern University', 'BCRC'), ...unchanged], marked);
    const parties = partiesOf(updated);
    assert.equal(parties.get('Delta Medical College'), parties.get('Egor Institute of Technology'));
    assert.equal(parties.get('BCRC'), parties.get('Bini Cancer Research Centre'));
    assert.equal(updated.names.includes('Gamma Hospital'), false);
    assert.notEqual(parties.get('Alpha Northern University'), parties.get('BCRC'));
    // From scratch, the same names: the new name joined as there, the marked link not made.
    const scratch = partiesOf(partyGraph([mk('a', 'Alpha Northern University', 'BCRC'), ...unchanged]));
    assert.equal(scratch.get('BCRC'), scratch.get('Bini Cancer Research Centre'));
    assert.notEqual(scratch.get('Delta Medical College'), scratch.get('Egor Institute of Technology'));
  });

  test('with nothing changed, an update compares nothing and keeps every link', () => {
    const full = partyGraph(records);
    const again = partyGraph(records, full);
    assert.deepEqual(again, full);
  });
});
