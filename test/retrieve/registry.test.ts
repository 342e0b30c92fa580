// The registry view: one canonical party across articles and scripts, filters by party (any script or
// alias), topic and date range, suggestions for autocomplete.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractRecords } from '../../src/ingest/records/extract.ts';
import type { CollabRecord } from '../../src/ingest/records/types.ts';
import { partyGraph } from '../../src/ingest/records/party-graph.ts';
import { RegistryFilterError, RegistryView, resolveTopic } from '../../src/retrieve/registry.ts';

function article(id: string, language: string, date: string | undefined, institutions: string[], body: string) {
  return extractRecords({
    id,
    path: `${id}.md`,
    title: `Article ${id}`,
    source: 'Test',
    language,
    ...(date ? { date } : {}),
    institutions,
    body,
  });
}

// Invented institutions; the same institute written in English, Bengali, Hindi and as a short form.
const records: CollabRecord[] = [
  ...article(
    'en-1',
    'en',
    '2023-07-01',
    ['Indian Institute of Technology Dorapur (IIT Dorapur)', 'Velmont Cancer Hospital'],
    'IIT Dorapur signed an MoU with Velmont Cancer Hospital on cancer research.',
  ),
  ...article(
    'bn-1',
    'bn',
    '2025-08-18',
    ['ইন্ডিয়ান ইনস্টিটিউট অফ টেকনোলজি (আইআইটি) দোরাপুর', 'Foundation for Rural Health'],
    'আইআইটি দোরাপুর গ্রামীণ স্বাস্থ্যকর্মীদের প্রশিক্ষণ দেবে।',
  ),
  ...article(
    'hi-1',
    'hi',
    '2024-02-10',
    ['आईआईटी दोरापुर', 'सूर्या अस्पताल'],
    'आईआईटी दोरापुर और सूर्या अस्पताल ने अनुसंधान के लिए समझौता किया।',
  ),
  ...article(
    'ru-1',
    'ru',
    undefined,
    ['Вересковский университет', 'IIT DRP'],
    'Вересковский университет подписал соглашение об обмене студентами.',
  ),
  ...article(
    'en-2',
    'en',
    '2024-11-05',
    ['Velmont Cancer Hospital', 'Brenmoor Medical College'],
    'Velmont Cancer Hospital and Brenmoor Medical College signed an agreement on nurse training.',
  ),
];
const view = new RegistryView(records);

test('the institute is one party with one canonical name, whichever script or alias names it', () => {
  const canonical = view.resolveParty('IIT Dorapur').map((p) => p.name);
  assert.deepEqual(canonical, ['Indian Institute of Technology Dorapur (IIT Dorapur)']);
  for (const written of [
    'আইআইটি দোরাপুর',
    'आईआईटी दोरापुर',
    'IIT DRP',
    'Indian Institute of Technology Dorapur',
    'iit dorapur',
  ]) {
    assert.deepEqual(
      view.resolveParty(written).map((p) => p.name),
      canonical,
      written,
    );
    assert.deepEqual(
      view
        .filter({ party: written })
        .map((r) => r.docId)
        .sort(),
      ['bn-1', 'en-1', 'hi-1', 'ru-1'],
      written,
    );
  }
  assert.ok(view.entries.every((e) => e.partyNames.filter((n) => n === canonical[0]).length <= 1));
});

test('a partial name finds the parties that contain it; an unknown one finds nothing', () => {
  assert.deepEqual(
    view.resolveParty('Dorapur').map((p) => p.name),
    ['Indian Institute of Technology Dorapur (IIT Dorapur)'],
  );
  assert.deepEqual(
    view
      .filter({ party: 'Velmont' })
      .map((r) => r.docId)
      .sort(),
    ['en-1', 'en-2'],
  );
  assert.deepEqual(view.resolveParty('Miskatonic University'), []);
  assert.deepEqual(view.filter({ party: 'Miskatonic University' }), []);
});

test('topics by id, by label in any language, or by a word of the vocabulary; an unknown topic is an error', () => {
  for (const written of ['cancer-care', 'cancer care', 'कैंसर देखभाल', 'онкология', 'oncology', 'ক্যানসার'])
    assert.equal(resolveTopic(written), 'cancer-care', written);
  assert.throws(
    () => resolveTopic('astronomy'),
    (e: unknown) => e instanceof RegistryFilterError && e.key === 'unknownTopic',
  );
  assert.deepEqual(
    view.filter({ topic: 'cancer' }).map((r) => r.docId),
    ['en-1'],
  );
  assert.deepEqual(
    view
      .filter({ topic: 'training-skills' })
      .map((r) => r.docId)
      .sort(),
    ['bn-1', 'en-2'],
  );
});

test('date ranges are inclusive, take years and months, and leave out undated records', () => {
  assert.deepEqual(
    view.filter({ since: '2024' }).map((r) => r.docId),
    ['bn-1', 'en-2', 'hi-1'],
  );
  assert.deepEqual(
    view.filter({ since: '2024-02', until: '2024-11-05' }).map((r) => r.docId),
    ['en-2', 'hi-1'],
  );
  assert.deepEqual(
    view.filter({ until: '2023' }).map((r) => r.docId),
    ['en-1'],
  );
  assert.deepEqual(
    view.filter({ party: 'IIT Dorapur', since: '2024-01-01', until: '2024-12-31' }).map((r) => r.docId),
    ['hi-1'],
  );
  assert.throws(
    () => view.filter({ since: '2024-13' }),
    (e: unknown) => e instanceof RegistryFilterError && e.key === 'badDate',
  );
  assert.throws(
    () => view.filter({ since: '2025', until: '2024' }),
    (e: unknown) => e instanceof RegistryFilterError && e.key === 'emptyRange',
  );
});

test('records are listed newest first, undated last; suggestions match what is typed in any script', () => {
  assert.deepEqual(
    view.entries.map((e) => e.docId),
    ['bn-1', 'en-2', 'hi-1', 'en-1', 'ru-1'],
  );
  const institute = 'Indian Institute of Technology Dorapur (IIT Dorapur)';
  assert.equal(view.suggestParties('দোরা', 5)[0], institute);
  assert.equal(view.suggestParties('dora', 5)[0], institute);
  assert.ok(view.suggestParties('Вереск', 5).includes('Вересковский университет'));
  assert.equal(view.suggestParties('', 2).length, 2);
});

test('names typed in lower case still find their party by its acronyms and abbreviations', () => {
  for (const typed of ['iit dorapur', 'iit drp', 'velmont cancer hospital'])
    assert.equal(view.resolveParty(typed).length, 1, typed);
});

test('a view read with the party graph stored with the build lists what a view finding the graph itself lists', () => {
  const stored = new RegistryView(records, partyGraph(records));
  assert.deepEqual(stored.parties, view.parties);
  assert.deepEqual(stored.entries, view.entries);
  // A graph that is not of these records (another build's) is not used.
  const other = partyGraph(records.slice(1));
  const guarded = new RegistryView(records, other);
  assert.deepEqual(guarded.parties, view.parties);
  assert.deepEqual(guarded.resolveParty('iit dorapur'), view.resolveParty('iit dorapur'));
});
