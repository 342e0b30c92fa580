// End to end: the real, unmodified discord.js client (through createBot) against the local fake Discord,
// with a scripted CollabService so each test controls answers and timing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  GatewayIntentBits,
  InteractionResponseType,
  Locale,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type { APIEmbed } from 'discord-api-types/v10';
import { hashUserId } from '../../src/discord/feedback.ts';
import { t as translate } from '../../src/i18n/index.ts';
import { buttonsOf, type RecordedRequest } from '../fixtures/fake-discord/server.ts';
import { validateMessagePayload } from '../fixtures/fake-discord/limits.ts';
import { citation, createGate, ScriptedService, startHarness } from './helpers.ts';

const MANAGE_GUILD =
  PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageGuild;
const NO_PINGS = { parse: [], replied_user: false };

const isEphemeral = (r: RecordedRequest) =>
  ((r.body?.data?.flags ?? r.body?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
const embedsOf = (r: RecordedRequest): APIEmbed[] => r.body?.embeds ?? r.body?.data?.embeds ?? [];
const hasSources = (r: RecordedRequest) => embedsOf(r).some((e) => e.fields?.some((f) => f.name === 'Sources'));

describe('slash commands', () => {
  test('/ask is acknowledged (deferred, type 5) before retrieval finishes, then edited with the answer and its sources', async (t) => {
    const service = new ScriptedService();
    service.askGate = createGate();
    const h = await startHarness(service);
    t.after(() => h.close());

    const asker = h.fake.createUser('alice');
    const ask = h.fake.sendSlashCommand({
      name: 'ask',
      options: { question: 'What does the MoU cover?' },
      user: asker,
    });
    const callback = await h.fake.waitForRequest(h.fake.is.callback(ask));
    assert.equal(callback.body.type, InteractionResponseType.DeferredChannelMessageWithSource);
    assert.equal(isEphemeral(callback), false, 'public by default (ASK_PUBLIC_DEFAULT=true)');
    assert.equal(callback.status, 204);
    // The gate is still closed: the service has not produced an answer, yet Discord already has its acknowledgement.
    assert.equal(service.answered, 0);
    assert.equal(h.fake.requests.some(h.fake.is.editOriginal(ask)), false);

    service.askGate.open();
    const edit = await h.fake.waitForRequest((r) => h.fake.is.editOriginal(ask)(r) && hasSources(r));
    assert.ok(edit.seq > callback.seq);
    assert.equal(edit.status, 200);
    assert.deepEqual(edit.body.allowed_mentions, NO_PINGS);
    const [embed] = h.fake.originalMessage(ask)!.embeds;
    assert.equal(embed!.title, 'What does the MoU cover?');
    assert.equal(embed!.description, 'An answer about What does the MoU cover? [1].');
    assert.match(
      embed!.fields![0]!.value,
      /\[Article 1\]\(https:\/\/example\.org\/articles\/1\) — Test Times, 2024-05-01/,
    );
    assert.deepEqual(
      service.asks.map((a) => a.question),
      ['What does the MoU cover?'],
    );
  });

  test('/ask public:false answers ephemerally; Show passages and 👍 work for whoever presses them', async (t) => {
    const service = new ScriptedService();
    const h = await startHarness(service);
    t.after(() => h.close());

    const ask = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'Who signed?', public: false } });
    assert.equal(isEphemeral(await h.fake.waitForRequest(h.fake.is.callback(ask))), true);
    await h.fake.waitForRequest((r) => h.fake.is.editOriginal(ask)(r) && hasSources(r));
    const original = h.fake.originalMessage(ask)!;
    const [passages, up] = buttonsOf(original);
    assert.equal(passages && 'label' in passages && passages.label, 'Show passages');

    const reader = h.fake.createUser('bob');
    const press = h.fake.pressButton({
      messageId: original.id,
      customId: 'custom_id' in passages! ? passages.custom_id : '',
      user: reader,
    });
    const shown = await h.fake.waitForRequest(h.fake.is.callback(press));
    assert.equal(shown.body.type, InteractionResponseType.ChannelMessageWithSource);
    assert.equal(isEphemeral(shown), true);
    assert.match(
      shown.body.data.content,
      /\*\*\[1\] Article 1\*\* — Test Times, 2024-05-01 <https:\/\/example\.org\/articles\/1>\n> Passage 1 of the cited article\./,
    );

    const vote = h.fake.pressButton({
      messageId: original.id,
      customId: 'custom_id' in up! ? up.custom_id : '',
      user: reader,
    });
    const thanks = await h.fake.waitForRequest(h.fake.is.callback(vote));
    assert.equal(isEphemeral(thanks), true);
    const lines = (await readFile(h.config.FEEDBACK_LOG, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(lines.length, 1);
    assert.equal(lines[0].vote, 'up');
    assert.equal(lines[0].question, 'Who signed?');
    assert.equal(lines[0].citations[0].title, 'Article 1');
    const salt = (await readFile(`${h.config.FEEDBACK_LOG}.salt`, 'utf8')).trim();
    assert.equal(lines[0].user, hashUserId(reader.id, salt));
    assert.ok(!JSON.stringify(lines[0]).includes(reader.id));
  });

  test("a button on an answer no longer kept says so privately, in the presser's locale, and records nothing", async (t) => {
    const service = new ScriptedService();
    // Capacity 1: the second answer pushes the first out of the store.
    const h = await startHarness(service, { botOptions: { answerCapacity: 1 } });
    t.after(() => h.close());
    const first = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'Who signed?' } });
    await h.fake.waitForRequest((r) => h.fake.is.editOriginal(first)(r) && hasSources(r));
    const second = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'When was it signed?' } });
    await h.fake.waitForRequest((r) => h.fake.is.editOriginal(second)(r) && hasSources(r));

    const original = h.fake.originalMessage(first)!;
    const [passages, up] = buttonsOf(original);
    for (const button of [passages, up]) {
      const press = h.fake.pressButton({
        messageId: original.id,
        customId: 'custom_id' in button! ? button.custom_id : '',
        locale: Locale.Hindi,
      });
      const reply = await h.fake.waitForRequest(h.fake.is.callback(press));
      assert.equal(isEphemeral(reply), true);
      assert.equal(reply.body.data.content, translate('hi', 'discord:answer.expired'));
    }
    await assert.rejects(readFile(h.config.FEEDBACK_LOG, 'utf8'), /ENOENT/, 'no vote recorded');
  });

  test('/ask streams progress edits while the answer is written, then the final edit carries the sources', async (t) => {
    const service = new ScriptedService();
    const h = await startHarness(service);
    t.after(() => h.close());
    const ask = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'What is planned?' } });
    service.beforeAnswer = async (options) => {
      options?.onPartial?.('The partners plan');
      // Hold the answer until the progress edit has reached Discord.
      await h.fake.waitForRequest(
        (r) => h.fake.is.editOriginal(ask)(r) && embedsOf(r)[0]?.description === 'The partners plan',
      );
    };
    const final = await h.fake.waitForRequest((r) => h.fake.is.editOriginal(ask)(r) && hasSources(r));
    const progress = h.fake.requests.find(
      (r) => h.fake.is.editOriginal(ask)(r) && embedsOf(r)[0]?.footer?.text === 'Writing the answer…',
    );
    assert.ok(progress && progress.seq < final.seq, 'a progress edit came before the final one');
    assert.equal(buttonsOf(h.fake.originalMessage(ask)).length, 3);
  });

  test('an answer longer than Discord allows is split over the reply and follow-ups, every one accepted', async (t) => {
    const service = new ScriptedService();
    const sentences = Array.from(
      { length: 300 },
      (_, i) => `Finding number ${i} concerns the joint programme [${(i % 12) + 1}].`,
    );
    const citations = Array.from({ length: 12 }, (_, i) =>
      citation(i + 1, {
        title: `An article with a long descriptive headline, number ${i + 1}, `.repeat(3),
        url: `https://example.org/${'deep/'.repeat(30)}${i}`,
      }),
    );
    service.respond = (question) => ({
      question,
      answer: sentences.join(' '),
      found: true,
      citations,
      language: 'en',
      mode: 'extractive',
    });
    const h = await startHarness(service);
    t.after(() => h.close());

    const ask = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'Tell me everything' } });
    // The buttons ride on the last message of the answer.
    await h.fake.waitForRequest(
      (r) => (h.fake.is.editOriginal(ask)(r) || h.fake.is.followUp(ask)(r)) && r.body?.components?.length > 0,
    );
    const parts = h.fake.requests.filter(
      (r) => (h.fake.is.editOriginal(ask)(r) || h.fake.is.followUp(ask)(r)) && embedsOf(r).length > 0,
    );
    assert.ok(parts.length >= 3, `expected several messages, got ${parts.length}`);
    for (const part of parts) {
      assert.equal(part.status, 200, JSON.stringify(part.response));
      assert.ok(validateMessagePayload(part.body, { creating: true }).ok);
      assert.deepEqual(part.body.allowed_mentions, NO_PINGS);
    }
    const text = parts.flatMap((p) => embedsOf(p).flatMap((e) => (e.description ? [e.description] : []))).join(' ');
    assert.equal(
      text.replace(/\s+/g, ' '),
      sentences.join(' '),
      'the whole answer arrives, in order, cut only between sentences',
    );
    const sources = parts
      .flatMap((p) => embedsOf(p).flatMap((e) => e.fields ?? []))
      .map((f) => f.value)
      .join('\n');
    for (let n = 1; n <= 12; n++) assert.ok(sources.includes(`**[${n}]**`));
  });

  test('/sources lists the articles and pages with buttons', async (t) => {
    const service = new ScriptedService();
    service.sourceList = Array.from({ length: 23 }, (_, i) => ({
      docId: `d${i}`,
      path: `d${i}.md`,
      title: `Article ${String(i).padStart(2, '0')}`,
      source: 'Paper',
      date: `2024-02-${String(i + 1).padStart(2, '0')}`,
      language: 'ru',
      chunks: 2,
    }));
    const h = await startHarness(service);
    t.after(() => h.close());
    const list = h.fake.sendSlashCommand({ name: 'sources' });
    assert.equal(isEphemeral(await h.fake.waitForRequest(h.fake.is.callback(list))), true);
    const page1 = await h.fake.waitForRequest(h.fake.is.editOriginal(list));
    assert.equal(embedsOf(page1)[0]!.footer?.text, 'Page 1 of 3');
    assert.match(embedsOf(page1)[0]!.description!, /^\*\*Article 22\*\* — Paper, 2024-02-23 · Russian · chunks: 2/);

    const next = buttonsOf(h.fake.originalMessage(list)).find((b) => 'label' in b && b.label === 'Next')!;
    const press = h.fake.pressButton({
      messageId: h.fake.originalMessage(list)!.id,
      customId: 'custom_id' in next ? next.custom_id : '',
    });
    const ack = await h.fake.waitForRequest(h.fake.is.callback(press));
    assert.equal(ack.body.type, InteractionResponseType.DeferredMessageUpdate);
    const page2 = await h.fake.waitForRequest(h.fake.is.editOriginal(press));
    assert.equal(embedsOf(page2)[0]!.footer?.text, 'Page 2 of 3');
  });

  test('/help explains the bot with example questions, ephemerally', async (t) => {
    const h = await startHarness(new ScriptedService());
    t.after(() => h.close());
    const help = h.fake.sendSlashCommand({ name: 'help' });
    assert.equal(isEphemeral(await h.fake.waitForRequest(h.fake.is.callback(help))), true);
    const edit = await h.fake.waitForRequest(h.fake.is.editOriginal(help));
    const embed = embedsOf(edit)[0]!;
    assert.equal(embed.title, 'What I do');
    assert.ok(embed.fields!.some((f) => f.name.startsWith('Example questions')));
  });
});

describe('/reindex', () => {
  test('a member without Manage Server gets an ephemeral refusal and the index is untouched', async (t) => {
    const service = new ScriptedService();
    const h = await startHarness(service);
    t.after(() => h.close());
    const attempt = h.fake.sendSlashCommand({ name: 'reindex' });
    const refusal = await h.fake.waitForRequest(h.fake.is.callback(attempt));
    assert.equal(refusal.body.type, InteractionResponseType.ChannelMessageWithSource);
    assert.equal(refusal.body.data.flags, MessageFlags.Ephemeral);
    assert.match(refusal.body.data.content, /Manage Server/);
    assert.equal(service.reindexCalls, 0);
  });

  test('Manage Server gets the summary; a second /reindex while one runs is told so', async (t) => {
    const service = new ScriptedService();
    service.reindexGate = createGate();
    service.summary = { ...service.summary, added: ['new-article.md'], documents: 2, chunks: 5, embedded: 2 };
    const h = await startHarness(service);
    t.after(() => h.close());

    const first = h.fake.sendSlashCommand({ name: 'reindex', permissions: MANAGE_GUILD });
    const deferred = await h.fake.waitForRequest(h.fake.is.callback(first));
    assert.equal(deferred.body.type, InteractionResponseType.DeferredChannelMessageWithSource);
    const second = h.fake.sendSlashCommand({ name: 'reindex', permissions: MANAGE_GUILD });
    const busy = await h.fake.waitForRequest(h.fake.is.callback(second));
    assert.equal(busy.body.data.flags, MessageFlags.Ephemeral);
    assert.match(busy.body.data.content, /already running/);

    service.reindexGate.open();
    const summary = await h.fake.waitForRequest(h.fake.is.editOriginal(first));
    const embed = embedsOf(summary)[0]!;
    assert.equal(embed.title, 'Reindex finished');
    assert.match(embed.description!, /Added 1 · changed 0 · removed 0 · unchanged 1 · failed 0/);
    assert.deepEqual(
      embed.fields!.map((f) => f.value),
      ['new-article.md'],
    );
    assert.equal(service.reindexCalls, 1);
  });

  test('the configured admin role may reindex without Manage Server', async (t) => {
    const service = new ScriptedService();
    const h = await startHarness(service, { env: (fake) => ({ DISCORD_ADMIN_ROLE_ID: fake.adminRoleId }) });
    t.after(() => h.close());
    const run = h.fake.sendSlashCommand({ name: 'reindex', roles: [h.fake.adminRoleId] });
    await h.fake.waitForRequest(h.fake.is.editOriginal(run));
    assert.equal(service.reindexCalls, 1);
  });
});

describe('mentions', () => {
  test('"@Bot question" gets a reply to that message, with typing first and no pings allowed', async (t) => {
    const service = new ScriptedService();
    const h = await startHarness(service);
    t.after(() => h.close());
    const asked = h.fake.sendMessage({ content: `<@${h.fake.bot.id}> who signed the MoU? @everyone` });
    const reply = await h.fake.waitForRequest(h.fake.is.replyTo(asked.id));
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body.allowed_mentions, NO_PINGS);
    assert.equal(reply.body.message_reference.message_id, asked.id);
    const typing = h.fake.requests.find(h.fake.is.typing(h.fake.channelId));
    assert.ok(typing && typing.seq < reply.seq, 'typing indicator before the answer');
    assert.deepEqual(
      service.asks.map((a) => a.question),
      ['who signed the MoU? @everyone'],
    );
    assert.match(embedsOf(reply)[0]!.fields![0]!.value, /\[Article 1\]\(https:\/\/example\.org\/articles\/1\)/);
  });

  test('a mention without a question gets a usage hint', async (t) => {
    const service = new ScriptedService();
    const h = await startHarness(service);
    t.after(() => h.close());
    const asked = h.fake.sendMessage({ content: `<@${h.fake.bot.id}>` });
    const reply = await h.fake.waitForRequest(h.fake.is.replyTo(asked.id));
    assert.match(reply.body.content, /Mention me with a question/);
    assert.deepEqual(reply.body.allowed_mentions, NO_PINGS);
    assert.equal(service.asks.length, 0);
  });

  test('replying to an answer continues the conversation (history from the answer store, or from the message)', async (t) => {
    const service = new ScriptedService();
    // Capacity 1: the second answer pushes the first out, so the message itself must serve as memory.
    const h = await startHarness(service, { botOptions: { answerCapacity: 1 } });
    t.after(() => h.close());
    const user = h.fake.createUser('carol');
    const q1 = h.fake.sendMessage({ content: `<@${h.fake.bot.id}> Which institutes signed the MoU?`, author: user });
    const a1 = await h.fake.waitForRequest(h.fake.is.replyTo(q1.id));
    const followUp = h.fake.sendMessage({
      content: 'When was it signed?',
      author: user,
      replyTo: { messageId: (a1.response as { id: string }).id },
    });
    await h.fake.waitForRequest(h.fake.is.replyTo(followUp.id));
    assert.deepEqual(service.asks[1]!.options?.history, [
      { question: 'Which institutes signed the MoU?', answer: 'An answer about Which institutes signed the MoU? [1].' },
    ]);

    const other = h.fake.sendMessage({
      content: `<@${h.fake.bot.id}> Something else entirely?`,
      author: h.fake.createUser('dave'),
    });
    await h.fake.waitForRequest(h.fake.is.replyTo(other.id));
    const late = h.fake.sendMessage({
      content: 'And who paid for it?',
      author: user,
      replyTo: { messageId: (a1.response as { id: string }).id },
    });
    await h.fake.waitForRequest(h.fake.is.replyTo(late.id));
    assert.deepEqual(service.asks[3]!.options?.history, [
      { question: 'Which institutes signed the MoU?', answer: 'An answer about Which institutes signed the MoU? [1].' },
    ]);
  });

  test('messages from other bots and from itself are ignored', async (t) => {
    const service = new ScriptedService();
    const h = await startHarness(service);
    t.after(() => h.close());
    const otherBot = h.fake.createUser('OtherBot', { bot: true });
    const fromBot = h.fake.sendMessage({ content: `<@${h.fake.bot.id}> what does the MoU cover?`, author: otherBot });
    const fromSelf = h.fake.sendMessage({
      content: `<@${h.fake.bot.id}> what does the MoU cover?`,
      author: h.fake.bot,
    });
    // The gateway delivers in order and the bot filters each message as it arrives: once the reply to a later
    // human message is recorded, anything the bot would have done for the earlier ones would be recorded too.
    const sentinel = h.fake.sendMessage({ content: `<@${h.fake.bot.id}> a real question` });
    await h.fake.waitForRequest(h.fake.is.replyTo(sentinel.id));
    assert.deepEqual(
      service.asks.map((a) => a.question),
      ['a real question'],
    );
    assert.equal(h.fake.requests.filter(h.fake.is.typing(h.fake.channelId)).length, 1);
    assert.ok(!h.fake.requests.some((r) => [fromBot.id, fromSelf.id].includes(r.body?.message_reference?.message_id)));
  });
});

describe('safety', () => {
  test('the rate limit answers with an ephemeral notice; a mention over the limit is told once', async (t) => {
    const service = new ScriptedService();
    const h = await startHarness(service, { env: { RATE_LIMIT_PER_MINUTE: '1' } });
    t.after(() => h.close());
    const user = h.fake.createUser('eager');
    const first = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'First question?' }, user });
    await h.fake.waitForRequest(h.fake.is.editOriginal(first));
    const second = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'Second question?' }, user });
    const notice = await h.fake.waitForRequest(h.fake.is.callback(second));
    assert.equal(notice.body.type, InteractionResponseType.ChannelMessageWithSource);
    assert.equal(notice.body.data.flags, MessageFlags.Ephemeral);
    assert.match(notice.body.data.content, /please wait \d+ s/);
    assert.deepEqual(
      service.asks.map((a) => a.question),
      ['First question?'],
    );

    const other = h.fake.createUser('another');
    const m1 = h.fake.sendMessage({ content: `<@${h.fake.bot.id}> one?`, author: other });
    await h.fake.waitForRequest(h.fake.is.replyTo(m1.id));
    const m2 = h.fake.sendMessage({ content: `<@${h.fake.bot.id}> two?`, author: other });
    const told = await h.fake.waitForRequest(h.fake.is.replyTo(m2.id));
    assert.match(told.body.content, /please wait/);
    const m3 = h.fake.sendMessage({ content: `<@${h.fake.bot.id}> three?`, author: other });
    const sentinel = h.fake.sendMessage({ content: `<@${h.fake.bot.id}> unrelated?` });
    await h.fake.waitForRequest(h.fake.is.replyTo(sentinel.id));
    assert.equal(h.fake.requests.some(h.fake.is.replyTo(m3.id)), false, 'told once per window, then quiet');
  });

  test('a question over the length limit is refused, stating the limit', async (t) => {
    const service = new ScriptedService();
    const h = await startHarness(service, { env: { MAX_QUESTION_LENGTH: '40' } });
    t.after(() => h.close());
    const ask = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'x'.repeat(41) } });
    const refusal = await h.fake.waitForRequest(h.fake.is.callback(ask));
    assert.equal(refusal.body.data.flags, MessageFlags.Ephemeral);
    assert.match(refusal.body.data.content, /the limit is 40 characters/);
    assert.equal(service.asks.length, 0);
  });

  test('outside the channel allowlist commands are refused and mentions ignored', async (t) => {
    const service = new ScriptedService();
    const h = await startHarness(service, { env: (fake) => ({ DISCORD_CHANNEL_ALLOWLIST: fake.channelId }) });
    t.after(() => h.close());
    const ask = h.fake.sendSlashCommand({
      name: 'ask',
      options: { question: 'Here?' },
      channelId: h.fake.otherChannelId,
    });
    const refusal = await h.fake.waitForRequest(h.fake.is.callback(ask));
    assert.equal(refusal.body.data.flags, MessageFlags.Ephemeral);
    const ignored = h.fake.sendMessage({ content: `<@${h.fake.bot.id}> here?`, channelId: h.fake.otherChannelId });
    const allowed = h.fake.sendMessage({ content: `<@${h.fake.bot.id}> and here?` });
    await h.fake.waitForRequest(h.fake.is.replyTo(allowed.id));
    assert.equal(h.fake.requests.some(h.fake.is.replyTo(ignored.id)), false);
    assert.deepEqual(
      service.asks.map((a) => a.question),
      ['and here?'],
    );
  });

  test('an unexpected error reaches the user as an apology with an error id; the log has details, never the token', async (t) => {
    const service = new ScriptedService();
    service.respond = () => {
      throw new Error('retrieval exploded');
    };
    const h = await startHarness(service);
    t.after(() => h.close());
    const ask = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'Anything?' } });
    const apology = await h.fake.waitForRequest(
      (r) => h.fake.is.editOriginal(ask)(r) && /Error id/.test(r.body?.content ?? ''),
    );
    const errorId = /Error id `([0-9a-f]+)`/.exec(apology.body.content)![1]!;
    const logged = h.logLines.find((line) => line.includes(errorId));
    assert.ok(logged && logged.includes('retrieval exploded'), 'the log line with the same id has the cause');
    assert.ok(h.logLines.length > 0);
    assert.ok(!h.logLines.some((line) => line.includes(h.fake.token)), 'the token is never logged');
  });

  test('when Discord rejects the answer, the user still gets an apology and the log holds no token', async (t) => {
    const h = await startHarness(new ScriptedService());
    t.after(() => h.close());
    const ask = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'Will this fail?' } });
    h.fake.failNext((r) => h.fake.is.editOriginal(ask)(r) && hasSources(r), {
      status: 400,
      body: {
        code: 50035,
        message: 'Invalid Form Body',
        errors: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'too big' }] } },
      },
    });
    const apology = await h.fake.waitForRequest(
      (r) => h.fake.is.editOriginal(ask)(r) && /Error id/.test(r.body?.content ?? ''),
    );
    const errorId = /Error id `([0-9a-f]+)`/.exec(apology.body.content)![1]!;
    const logged = h.logLines.find((line) => line.includes(errorId))!;
    assert.match(logged, /Invalid Form Body/);
    assert.match(logged, /\/webhooks\/\d+\/\[redacted\]\/messages/, 'the failing route is logged, its token masked');
    assert.ok(!h.logLines.some((line) => line.includes(ask.token) || line.includes(h.fake.token)));
  });

  test('least intents (no Message Content) and no pings as the client default', async (t) => {
    const h = await startHarness(new ScriptedService());
    t.after(() => h.close());
    assert.equal(h.fake.identifies[0]!.intents, GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages);
    assert.deepEqual(h.bot.client.options.allowedMentions, { parse: [], repliedUser: false });
  });
});

describe('gateway and REST robustness', () => {
  test('heartbeats are acknowledged and the client stays on its first session', async (t) => {
    const h = await startHarness(new ScriptedService(), { fakeOptions: { heartbeatIntervalMs: 50 } });
    t.after(() => h.close());
    await new Promise<void>((resolve) => {
      const onBeat = (count: number) => {
        if (count < 3) return;
        h.fake.gatewayEvents.off('heartbeat', onBeat);
        resolve();
      };
      h.fake.gatewayEvents.on('heartbeat', onBeat);
    });
    assert.equal(h.fake.identifies.length, 1, 'no reconnect');
    const ask = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'Still there?' } });
    await h.fake.waitForRequest((r) => h.fake.is.editOriginal(ask)(r) && hasSources(r));
  });

  test('a 429 from Discord is waited out and retried: the answer still arrives', async (t) => {
    const service = new ScriptedService();
    const h = await startHarness(service);
    t.after(() => h.close());
    const ask = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'Busy?' } });
    h.fake.rateLimitNext(h.fake.is.editOriginal(ask));
    const edit = await h.fake.waitForRequest(
      (r) => h.fake.is.editOriginal(ask)(r) && r.status === 200 && hasSources(r),
    );
    const limited = h.fake.requests.find((r) => h.fake.is.editOriginal(ask)(r) && r.status === 429);
    assert.ok(limited && limited.seq < edit.seq);
  });
});

describe('shutdown', () => {
  test('stop() refuses new work, lets the answer in flight finish, then disconnects', async (t) => {
    const service = new ScriptedService();
    service.askGate = createGate();
    const h = await startHarness(service, { botOptions: { shutdownGraceMs: 5000 } });
    t.after(() => h.close());
    const inFlight = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'Slow one?' } });
    await h.fake.waitForRequest(h.fake.is.callback(inFlight));
    const stopping = h.bot.stop();
    const late = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'Too late?' } });
    const refusal = await h.fake.waitForRequest(h.fake.is.callback(late));
    assert.match(refusal.body.data.content, /restarting/);
    service.askGate.open();
    await stopping;
    assert.ok(
      h.fake.requests.some((r) => h.fake.is.editOriginal(inFlight)(r) && hasSources(r)),
      'the answer in flight was delivered',
    );
    assert.equal(h.bot.client.isReady(), false);
  });

  test('an answer still running after the grace period is cancelled and the user told', async (t) => {
    const service = new ScriptedService();
    service.askGate = createGate(); // never opened
    const h = await startHarness(service, { botOptions: { shutdownGraceMs: 50 } });
    t.after(() => h.close());
    const inFlight = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'Never answered?' } });
    await h.fake.waitForRequest(h.fake.is.callback(inFlight));
    await h.bot.stop();
    const told = h.fake.requests.find((r) => h.fake.is.editOriginal(inFlight)(r));
    assert.match(told?.body.content ?? '', /restarting/);
    assert.equal(service.answered, 0);
  });
});
