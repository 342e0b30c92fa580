import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkFeedbackLogWritable,
  createFeedbackLog,
  FeedbackLogError,
  hashUserId,
  loadOrCreateSalt,
} from '../../src/discord/feedback.ts';
import { MessageFlags } from 'discord-api-types/v10';
import { t as translate } from '../../src/i18n/index.ts';
import { buttonsOf } from '../fixtures/fake-discord/server.ts';
import { citation, ScriptedService, startHarness } from './helpers.ts';

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
  const lines = (await readFile(path, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  assert.deepEqual(Object.keys(lines[0]).sort(), [
    'answer',
    'answerId',
    'citations',
    'found',
    'question',
    'time',
    'user',
    'vote',
  ]);
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

test('one vote per user per answer: the same vote again writes nothing, the other vote replaces the line', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'collab-feedback-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'feedback.jsonl');
  const base = { question: 'Q?', answer: 'A [1].', found: true, citations: [citation(1)] };
  const log = createFeedbackLog(path, 'pepper');
  const outcomes = await Promise.all([
    ...Array.from({ length: 20 }, () => log.record({ ...base, answerId: 'a1', vote: 'up', userId: '111111111' })),
    log.record({ ...base, answerId: 'a1', vote: 'up', userId: '222222222' }),
    log.record({ ...base, answerId: 'a2', vote: 'down', userId: '111111111' }),
    log.record({ ...base, answerId: 'a1', vote: 'down', userId: '111111111' }),
  ]);
  assert.deepEqual(
    outcomes.map((o) => o.outcome),
    ['recorded', ...Array(19).fill('unchanged'), 'recorded', 'recorded', 'changed'],
  );
  const read = async () =>
    (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
  const lines = await read();
  assert.deepEqual(
    lines.map((l) => [l.answerId, l.user, l.vote]),
    [
      ['a1', hashUserId('111111111', 'pepper'), 'down'],
      ['a1', hashUserId('222222222', 'pepper'), 'up'],
      ['a2', hashUserId('111111111', 'pepper'), 'down'],
    ],
  );

  // A restarted bot knows the votes already in the log, and keeps lines it cannot read.
  await writeFile(path, `${await readFile(path, 'utf8')}not json\n`);
  const again = createFeedbackLog(path, 'pepper');
  assert.equal(
    (await again.record({ ...base, answerId: 'a2', vote: 'down', userId: '111111111' })).outcome,
    'unchanged',
  );
  assert.equal((await again.record({ ...base, answerId: 'a2', vote: 'up', userId: '111111111' })).outcome, 'changed');
  const text = await readFile(path, 'utf8');
  assert.equal(text.trim().split('\n').length, 4);
  assert.match(text, /\nnot json\n$/);
});

test('checkFeedbackLogWritable names FEEDBACK_LOG and the fix, and creates nothing but the empty log', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'collab-feedback-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const good = join(dir, 'logs', 'feedback.jsonl');
  await checkFeedbackLogWritable(good);
  assert.equal(await readFile(good, 'utf8'), '');
  await writeFile(join(dir, 'file'), 'x');
  await assert.rejects(checkFeedbackLogWritable(join(dir, 'file', 'feedback.jsonl')), (error: Error) => {
    assert.ok(error instanceof FeedbackLogError);
    assert.match(
      error.message,
      /^FEEDBACK_LOG=.*file\/feedback\.jsonl is not writable \((ENOTDIR|EEXIST)\): point FEEDBACK_LOG at a file the bot may write/,
    );
    return true;
  });
});

test('through Discord: twenty 👍 from one user make one record; 👎 then changes it; replies say which', async (t) => {
  const h = await startHarness(new ScriptedService());
  t.after(() => h.close());
  const ask = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'Who signed?' } });
  await h.fake.waitForRequest((r) => h.fake.is.editOriginal(ask)(r) && (r.body?.components?.length ?? 0) > 0);
  const message = h.fake.originalMessage(ask)!;
  const [, up, down] = buttonsOf(message).map((b) => ('custom_id' in b ? b.custom_id : ''));
  const voter = h.fake.createUser('carol');
  const press = async (customId: string, user = voter) => {
    const sent = h.fake.pressButton({ messageId: message.id, customId, user });
    const reply = await h.fake.waitForRequest(h.fake.is.callback(sent));
    return {
      content: reply.body.data.content as string,
      ephemeral: (reply.body.data.flags & MessageFlags.Ephemeral) !== 0,
    };
  };
  const replies = [];
  for (let i = 0; i < 20; i++) replies.push(await press(up!));
  replies.push(await press(down!));
  replies.push(await press(up!, h.fake.createUser('dave')));
  assert.ok(replies.every((r) => r.ephemeral));
  assert.deepEqual(
    replies.map((r) => r.content),
    [
      translate('en', 'reliability:voteRecorded.up'),
      ...Array(19).fill(translate('en', 'reliability:voteSame')),
      translate('en', 'reliability:voteChanged.down'),
      translate('en', 'reliability:voteRecorded.up'),
    ],
  );
  const salt = (await readFile(`${h.config.FEEDBACK_LOG}.salt`, 'utf8')).trim();
  const lines = (await readFile(h.config.FEEDBACK_LOG, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.deepEqual(
    lines.map((l) => [l.user === hashUserId(voter.id, salt), l.vote]),
    [
      [true, 'down'],
      [false, 'up'],
    ],
  );
});
