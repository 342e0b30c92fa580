import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFeedbackLog, hashUserId, loadOrCreateSalt } from '../../src/discord/feedback.ts';
import { citation } from './helpers.ts';

test('appends one JSON line per vote with a salted hash instead of the user id', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'collab-feedback-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'nested', 'feedback.jsonl');
  const log = createFeedbackLog(path, 'pepper');
  const base = { answerId: 'a1', question: 'Q?', answer: 'A [1].', found: true, citations: [citation(1)] };
  await Promise.all([
    log.record({ ...base, vote: 'up', userId: '123456789', time: new Date('2024-01-01T00:00:00Z') }),
    log.record({ ...base, vote: 'down', userId: '987654321' }),
  ]);
  const lines = (await readFile(path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  assert.deepEqual(Object.keys(lines[0]).sort(), ['answer', 'answerId', 'citations', 'found', 'question', 'time', 'user', 'vote']);
  assert.equal(lines[0].vote, 'up');
  assert.equal(lines[0].time, '2024-01-01T00:00:00.000Z');
  assert.equal(lines[0].citations[0].title, 'Article 1');
  assert.equal(lines[0].user, hashUserId('123456789', 'pepper'));
  assert.match(lines[0].user, /^[0-9a-f]{64}$/);
  assert.ok(!JSON.stringify(lines).includes('123456789'), 'the raw id is not stored');
  assert.notEqual(hashUserId('123456789', 'other salt'), lines[0].user, 'the salt matters');
});

test('without a configured salt, a random one is created once and reused', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'collab-feedback-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'feedback.jsonl');
  const first = await loadOrCreateSalt(path);
  assert.match(first, /^[0-9a-f]{64}$/);
  assert.equal(await loadOrCreateSalt(path), first);
  assert.equal(await loadOrCreateSalt(path, 'configured'), 'configured');
});
