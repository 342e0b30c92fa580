// Record extraction, field by field, in each language, from small invented articles
// (test/fixtures/registry/articles): raw pages without front matter and curated ones with it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadArticleFile } from '../../../src/ingest/load.ts';
import { extractRecords } from '../../../src/ingest/records/extract.ts';
import { sameParty } from '../../../src/ingest/records/names.ts';
import type { CollabRecord } from '../../../src/ingest/records/types.ts';

const DIR = fileURLToPath(new URL('../../fixtures/registry/articles/', import.meta.url));

async function recordOf(file: string): Promise<{ record: CollabRecord; body: string; title: string }> {
  const article = await loadArticleFile(join(DIR, file), DIR);
  const records = extractRecords(article);
  assert.equal(records.length, 1, `${file} yields one record`);
  return { record: records[0]!, body: article.body, title: article.title };
}

/** Every evidence passage is really in the article at its offsets. */
function assertEvidence(record: CollabRecord, body: string, title: string): void {
  const all = [
    ...record.parties.map((p) => p.evidence),
    ...(record.kind ? [record.kind.evidence] : []),
    ...(record.place ? [record.place.evidence] : []),
    ...record.areas.map((a) => a.evidence),
    ...record.people.map((p) => p.evidence),
  ];
  for (const e of all) {
    if (e.from === 'front-matter') continue;
    const source = e.from === 'title' ? title : body;
    assert.equal(source.slice(e.start, e.end), e.text, `evidence at ${e.start}-${e.end}`);
  }
}

const partiesAre = (record: CollabRecord, expected: string[]) => {
  assert.equal(record.parties.length, expected.length, `parties: ${record.parties.map((p) => p.name).join(' | ')}`);
  for (const name of expected)
    assert.ok(
      record.parties.some((p) => p.aliases.some((a) => sameParty(a, name))),
      `has ${name}`,
    );
};

test('English raw page: parties from the text with their acronym, MoU, the article date marked as such, dateline, areas, people', async () => {
  const { record, body, title } = await recordOf('orwell-brenmoor-en.txt');
  partiesAre(record, ['Orwell Institute of Technology (OIT)', 'Brenmoor Medical College']);
  assert.equal(record.kind?.value, 'mou');
  assert.deepEqual({ value: record.date?.value, basis: record.date?.basis }, { value: '2024-03-03', basis: 'article' });
  assert.equal(record.place?.value, 'Pune');
  assert.deepEqual(record.areas.map((a) => a.id).sort(), ['cancer-care', 'research', 'training-skills']);
  assert.deepEqual(
    record.people.map((p) => p.name),
    ['Meera Kulkarni', 'Arjun Rao'],
  );
  // A centre named only in background, once, is not a party.
  assert.equal(
    record.parties.some((p) => /Halden/.test(p.name)),
    false,
  );
  assertEvidence(record, body, title);
});

test('Hindi: the date stated in the signing sentence is the signing date; people after their titles', async () => {
  const { record, body, title } = await recordOf('velnagar-surya-hi.md');
  partiesAre(record, ['वेलनगर विश्वविद्यालय', 'सूर्या कैंसर अस्पताल']);
  assert.equal(record.kind?.value, 'mou');
  assert.deepEqual({ value: record.date?.value, basis: record.date?.basis }, { value: '2024-05-18', basis: 'signed' });
  assert.equal(record.place?.value, 'भोपाल');
  assert.deepEqual(record.areas.map((a) => a.id).sort(), ['cancer-care', 'research', 'training-skills']);
  assert.deepEqual(
    record.people.map((p) => p.name),
    ['रमेश चंद्र वर्मा', 'सुनीता राव'],
  );
  assertEvidence(record, body, title);
});

test('Bengali: an inflected name in the title is the same party; a weekday is no date', async () => {
  const { record, body, title } = await recordOf('nilpur-sagar-bn.md');
  partiesAre(record, ['নীলপুর বিশ্ববিদ্যালয়', 'সাগর হাসপাতাল']);
  assert.equal(record.kind?.value, 'mou');
  assert.deepEqual({ value: record.date?.value, basis: record.date?.basis }, { value: '2024-08-10', basis: 'article' });
  assert.equal(record.place?.value, 'কলকাতা');
  assert.deepEqual(record.areas.map((a) => a.id).sort(), ['research', 'training-skills']);
  assertEvidence(record, body, title);
});

test('Russian: inflected forms are one party, an agreement, the place of signing, the signer after his role', async () => {
  const { record, body, title } = await recordOf('veresk-lorvan-ru.md');
  partiesAre(record, ['Вересковский университет', 'Лорванская клиническая больница']);
  assert.equal(record.kind?.value, 'agreement');
  assert.deepEqual({ value: record.date?.value, basis: record.date?.basis }, { value: '2024-03-12', basis: 'signed' });
  assert.match(record.place?.value ?? '', /^Казан/);
  assert.deepEqual(record.areas.map((a) => a.id).sort(), ['digital-medicine', 'training-skills']);
  assert.deepEqual(record.people, [{ name: 'Иван Петров', role: 'ректор', evidence: record.people[0]!.evidence }]);
  assertEvidence(record, body, title);
});

test('front matter states the parties: its entries for one institution are one party; nothing else is invented', async () => {
  const { record } = await recordOf('tessaly-marlowe-front-matter-en.md');
  assert.deepEqual(
    record.parties.map((p) => p.aliases),
    [['Marlowe Institute of Ocean Robotics (MIOR)', 'MIOR'], ['Tessaly University Hospital']],
  );
  assert.equal(record.url, 'https://example.org/marlowe-tessaly');
  assert.equal(record.place, undefined, 'no place stated');
  assert.deepEqual(record.areas, []);
  assert.deepEqual(record.people, []);
  assert.equal(record.date?.basis, 'article');
});

test('an article about no agreement and no institution yields no record', () => {
  const records = extractRecords({
    id: 'weather',
    path: 'weather.md',
    title: 'Rain expected over the weekend',
    source: 'Test',
    language: 'en',
    institutions: [],
    body: 'Light rain is expected on Saturday and Sunday, the weather office said.',
  });
  assert.deepEqual(records, []);
});
