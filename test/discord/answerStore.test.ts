import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnswerStore } from '../../src/discord/answerStore.ts';
import { encodeCustomId, parseCustomId } from '../../src/discord/customIds.ts';

const entry = (question: string) => ({
  question,
  answer: { question, answer: 'a', found: true, citations: [], language: 'en' as const, mode: 'extractive' as const },
  history: [],
});

test('keeps the most recently used answers up to its capacity', () => {
  const store = createAnswerStore(2);
  const a = store.add(entry('a'));
  const b = store.add(entry('b'));
  assert.equal(store.get(a.id)?.question, 'a'); // a is now the most recent
  const c = store.add(entry('c'));
  assert.equal(store.size, 2);
  assert.equal(store.get(b.id), undefined, 'the least recently used one left');
  assert.equal(store.get(a.id)?.question, 'a');
  assert.equal(store.get(c.id)?.question, 'c');
});

test('ids are distinct and fit in a custom_id with the action', () => {
  const store = createAnswerStore(10);
  const ids = new Set(Array.from({ length: 10 }, () => store.add(entry('q')).id));
  assert.equal(ids.size, 10);
  for (const id of ids) {
    const customId = encodeCustomId({ kind: 'vote', vote: 'down', answerId: id });
    assert.ok(customId.length <= 100);
    assert.deepEqual(parseCustomId(customId), { kind: 'vote', vote: 'down', answerId: id });
  }
});

test('custom ids round-trip and foreign ids are not ours', () => {
  for (const action of [
    { kind: 'passages', answerId: 'Ab-_9' },
    { kind: 'vote', vote: 'up', answerId: 'x' },
    { kind: 'sources', page: 3 },
  ] as const) {
    assert.deepEqual(parseCustomId(encodeCustomId(action)), action);
  }
  for (const foreign of [
    '',
    'answer',
    'answer:vote:sideways:x',
    'sources:page:-1',
    'sources:page:x',
    'other:passages:x',
  ]) {
    assert.equal(parseCustomId(foreign), null, foreign);
  }
});
