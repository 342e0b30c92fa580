// Extraction quality against the gold records of the seed articles (test/fixtures/registry/gold.json).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { REGISTRY_FIELDS, runRegistryEval, scoreRegistry, type GoldRecord } from '../../src/eval/registry.ts';
import type { CollabRecord } from '../../src/ingest/records/types.ts';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

test('parties reach 0.9 precision and recall on the seeds, curated and raw; every field is scored', async () => {
  const report = await runRegistryEval({
    goldFile: root('test/fixtures/registry/gold.json'),
    corpusDir: root('corpus'),
    seedsDir: root('test/fixtures/registry/seeds'),
  });
  for (const [name, result] of [
    ['curated', report.curated],
    ['raw', report.raw],
  ] as const) {
    assert.ok(result.scores.parties.precision >= 0.9, `${name} parties precision ${result.scores.parties.precision}`);
    assert.ok(result.scores.parties.recall >= 0.9, `${name} parties recall ${result.scores.parties.recall}`);
    for (const field of REGISTRY_FIELDS) assert.ok(result.scores[field].gold > 0, `${name}: gold has ${field}`);
  }
});

test('scoring: sets for parties and areas, one value for kind, date and place; a missing value costs recall only', () => {
  const gold: GoldRecord[] = [
    {
      corpus: 'a.md',
      seed: 'a.txt',
      parties: [['Veresk University'], ['Lorvan Hospital']],
      kind: 'mou',
      date: '2024-01-02',
      place: 'Guangzhou',
      areas: ['research', 'exchange'],
    },
  ];
  const evidence = { from: 'body' as const, start: 0, end: 0, text: '' };
  const record: CollabRecord = {
    id: 'a#0',
    docId: 'a',
    path: 'a.md',
    title: 'A',
    source: 'S',
    language: 'en',
    parties: [
      { name: 'Вересковский университет', aliases: ['Вересковский университет'], evidence },
      { name: 'Orlen Clinic', aliases: ['Orlen Clinic'], evidence },
    ],
    kind: { value: 'agreement', evidence },
    place: { value: 'Гуанчжоу', evidence },
    areas: [{ id: 'research', evidence }],
    people: [],
  };
  const { scores } = scoreRegistry(gold, () => [record]);
  assert.deepEqual([scores.parties.correct, scores.parties.extracted, scores.parties.gold], [1, 2, 2]);
  assert.deepEqual([scores.kind.precision, scores.kind.recall], [0, 0]);
  assert.deepEqual([scores.date.precision, scores.date.recall], [1, 0], 'no date extracted: nothing wrong, one missed');
  assert.deepEqual([scores.place.precision, scores.place.recall], [1, 1], 'a place matches across scripts');
  assert.deepEqual([scores.areas.precision, scores.areas.recall], [1, 0.5]);
});
