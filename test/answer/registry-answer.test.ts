// List questions go to the registry when it can answer them (every matching record, each cited), and to
// retrieval otherwise.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registryAnswer } from '../../src/answer/registry-answer.ts';
import { extractRecords } from '../../src/ingest/records/extract.ts';
import { RegistryView } from '../../src/retrieve/registry.ts';

const rec = (id: string, date: string, institutions: string[], body: string) =>
  extractRecords({
    id,
    path: `${id}.md`,
    title: `Title ${id}`,
    source: 'Test',
    language: 'en',
    date,
    institutions,
    body,
    url: `https://example.org/${id}`,
  });

const view = new RegistryView([
  ...rec(
    'a',
    '2023-07-01',
    ['Indian Institute of Technology Dorapur (IIT Dorapur)', 'Velmont Hospital'],
    'IIT Dorapur signed an MoU with Velmont Hospital on cancer research.',
  ),
  ...rec(
    'b',
    '2024-03-01',
    ['IIT Dorapur', 'Brenmoor Medical College'],
    'IIT Dorapur and Brenmoor Medical College signed an agreement on nurse training.',
  ),
  ...rec(
    'c',
    '2024-05-01',
    ['Veresk University', 'Lorvan Hospital'],
    'Veresk University and Lorvan Hospital signed an MoU on telemedicine.',
  ),
]);

test('"which agreements involve X" lists every record of X, in any of the four languages, each cited', () => {
  for (const question of [
    'Which agreements involve IIT Dorapur?',
    'आईआईटी दोरापुर ने कौन-कौन से समझौते किए?',
    'আইআইটি দোরাপুর কোন কোন চুক্তি করেছে?',
    'Какие соглашения подписал IIT Dorapur?',
  ]) {
    const answer = registryAnswer(question, view);
    assert.ok(answer, question);
    assert.deepEqual(
      answer.citations.map((c) => c.docId),
      ['b', 'a'],
      question,
    );
    assert.deepEqual(
      answer.citations.map((c) => c.n),
      [1, 2],
    );
    assert.match(answer.answer, /\[1\][\s\S]*\[2\]/);
    assert.equal(answer.found, true);
    assert.equal(answer.citations[0]!.url, 'https://example.org/b');
  }
  assert.equal(registryAnswer('आईआईटी दोरापुर ने कौन-कौन से समझौते किए?', view)!.language, 'hi');
});

test('"all MoUs", by topic and by year', () => {
  assert.equal(registryAnswer('List all the MoUs in the corpus.', view)!.citations.length, 3);
  assert.deepEqual(
    registryAnswer('Which agreements are about cancer?', view)!.citations.map((c) => c.docId),
    ['a'],
  );
  assert.deepEqual(
    registryAnswer('Which agreements were signed in 2024?', view)!.citations.map((c) => c.docId),
    ['c', 'b'],
  );
});

test('"which hospitals…" keeps the records with a hospital among the other parties', () => {
  assert.deepEqual(
    registryAnswer('Which hospitals did IIT Dorapur sign MoUs with?', view)!.citations.map((c) => c.docId),
    ['a'],
  );
  assert.deepEqual(
    registryAnswer('आईआईटी दोरापुर ने किन अस्पतालों से समझौते किए?', view)!.citations.map((c) => c.docId),
    ['a'],
  );
});

test('retrieval answers what the registry cannot: not a list question, an unknown institution, no match', () => {
  assert.equal(registryAnswer('When did IIT Dorapur sign its agreement with Velmont Hospital?', view), undefined);
  assert.equal(registryAnswer('Which agreements involve Miskatonic University?', view), undefined);
  assert.equal(registryAnswer('Which agreements involve IIT Dorapur and Lorvan Hospital?', view), undefined);
  assert.equal(registryAnswer('Which hospitals are in Dorapur district?', view), undefined);
  assert.equal(
    registryAnswer('What facilities will IIT Dorapur set up under its agreement with Velmont Hospital?', view),
    undefined,
  );
  assert.equal(registryAnswer('Which agreement covers veterinary training?', view), undefined);
  assert.equal(registryAnswer('Which agreements involve IIT Dorapur?', undefined), undefined);
});

test('records follow the order retrieval ranked their articles in; unranked articles keep date order after them', () => {
  const answer = registryAnswer('List all the MoUs in the corpus.', view, ['a'])!;
  const dated = registryAnswer('List all the MoUs in the corpus.', view)!.citations.map((c) => c.docId);
  const ordered = answer.citations.map((c) => c.docId);
  assert.equal(ordered[0], 'a');
  assert.deepEqual(
    ordered.slice(1),
    dated.filter((d) => d !== 'a'),
  );
  assert.deepEqual(
    answer.citations.map((c) => c.n),
    [1, 2, 3],
  );
  // The answer's lines are numbered in the new order.
  assert.match(answer.answer.split('\n')[1]!, /Velmont.*\[1\]/);
  assert.deepEqual(
    registryAnswer('List all the MoUs in the corpus.', view, ['c', 'b'])!.citations.map((c) => c.docId),
    ['c', 'b', 'a'],
  );
});
