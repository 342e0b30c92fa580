// End to end with the real service: the real discord.js client against the fake Discord, answering from an
// index built (hash embeddings, offline) over a temp copy of corpus/. The right article is found by a
// marker phrase in its text, not by file name, so the test holds for any copy of the corpus.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InteractionResponseType, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import type { APIEmbed } from 'discord-api-types/v10';
import { loadConfig } from '../../src/config.ts';
import { createService } from '../../src/service/service.ts';
import type { AskOptions, CollaborationFilter, CollabService } from '../../src/service/types.ts';
import type { RecordedRequest } from '../fixtures/fake-discord/server.ts';
import { createGate, startHarness, type Gate, type Harness } from './helpers.ts';

const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));
const MANAGE_GUILD =
  PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageGuild;

const embedsOf = (r: RecordedRequest): APIEmbed[] => r.body?.embeds ?? [];
const sourcesOf = (r: RecordedRequest) =>
  embedsOf(r)
    .flatMap((e) => e.fields ?? [])
    .filter((f) => f.name.startsWith('Sources'))
    .map((f) => f.value)
    .join('\n');
const hasSources = (r: RecordedRequest) => sourcesOf(r) !== '';

/** The one file of the corpus whose text contains `marker`. */
async function articleWith(dir: string, marker: string): Promise<string> {
  const matches: string[] = [];
  for (const name of await readdir(dir)) {
    if ((await readFile(join(dir, name), 'utf8')).includes(marker)) matches.push(name);
  }
  assert.equal(
    matches.length,
    1,
    `expected exactly one article in ${dir} containing ${marker}, found ${matches.join(', ') || 'none'}`,
  );
  return matches[0]!;
}

/** The real service, with a gate in front of ask() that the test can close to hold retrieval back. */
function gated(service: CollabService): CollabService & { gate: Gate | undefined } {
  const wrapper = {
    gate: undefined as Gate | undefined,
    async ask(question: string, options?: AskOptions) {
      await wrapper.gate?.opened;
      return service.ask(question, options);
    },
    sources: () => service.sources(),
    reindex: (options?: { full?: boolean }) => service.reindex(options),
    get reindexing() {
      return service.reindexing;
    },
    stats: () => service.stats(),
    collaborations: (filter?: CollaborationFilter) => service.collaborations(filter),
    parties: (prefix: string, limit?: number) => service.parties(prefix, limit),
    close: () => service.close(),
  };
  return wrapper;
}

const NEW_ARTICLE = `---
title: "Marlowe Institute of Ocean Robotics and Tessaly University Hospital sign MoU on underwater medical drones"
source: "Harbour Gazette"
language: en
date: 2025-03-14
institutions: [Marlowe Institute of Ocean Robotics, Tessaly University Hospital]
---
PORT ELSWICK: The Marlowe Institute of Ocean Robotics and Tessaly University Hospital signed a memorandum of understanding on Friday to build underwater drones that carry emergency medicines to offshore platforms and island clinics.

Under the agreement the institute will design the drones and the hospital will run clinical trials of cold-chain delivery for insulin and antivenom. The partners will also train twenty marine paramedics every year.
`;

describe('the bot with the real service', () => {
  let dir: string;
  let corpusDir: string;
  let service: CollabService & { gate: Gate | undefined };
  let h: Harness;
  let env: Record<string, string>;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'collab-bot-e2e-'));
    corpusDir = join(dir, 'corpus');
    await cp(CORPUS, corpusDir, { recursive: true });
    env = { CORPUS_DIR: corpusDir, INDEX_DIR: join(dir, 'index'), EMBEDDINGS: 'hash', LOG_LEVEL: 'silent' };
    service = gated(await createService(loadConfig(env)));
    h = await startHarness(service, { env });
  });

  after(async () => {
    await h?.close();
    await service?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const titleOf = async (file: string) => (await service.sources()).find((s) => s.path === file)!.title;

  test('/ask is deferred before retrieval runs, then cites the Hindi KSSSCI article', async () => {
    const article = await articleWith(corpusDir, 'केएसएसएससीआई');
    service.gate = createGate();
    const ask = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'What does the KSSSCI MoU cover?' } });
    const callback = await h.fake.waitForRequest(h.fake.is.callback(ask));
    assert.equal(callback.body.type, InteractionResponseType.DeferredChannelMessageWithSource);
    assert.equal(h.fake.requests.some(h.fake.is.editOriginal(ask)), false, 'nothing answered while retrieval is held');
    service.gate.open();
    service.gate = undefined;

    const edit = await h.fake.waitForRequest((r) => h.fake.is.editOriginal(ask)(r) && hasSources(r), {
      timeoutMs: 20_000,
    });
    assert.equal(edit.status, 200);
    const sources = sourcesOf(edit);
    assert.ok(sources.includes(await titleOf(article)), `the sources cite ${article}:\n${sources}`);
    assert.match(
      sourcesOf(edit).split('\n')[1]!,
      /^- \*\*\[1\]\*\* \S/,
      'passages under their article, numbered like the [n] markers',
    );
    assert.match(embedsOf(edit)[0]!.description!, /\[\d+\]/, 'the answer carries [n] markers');
  });

  test('a mention is answered in a reply citing the right article, with no pings', async () => {
    const article = await articleWith(corpusDir, 'AIIMS-Kalyani');
    const asked = h.fake.sendMessage({
      content: `<@${h.fake.bot.id}> On which day did IIT Kharagpur sign its agreement with AIIMS Kalyani?`,
    });
    const reply = await h.fake.waitForRequest(h.fake.is.replyTo(asked.id), { timeoutMs: 20_000 });
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.body.allowed_mentions, { parse: [], replied_user: false });
    assert.ok(sourcesOf(reply).includes(await titleOf(article)), sourcesOf(reply));
  });

  test('/reindex without permission leaves the index untouched', async () => {
    const before = await service.stats();
    const attempt = h.fake.sendSlashCommand({ name: 'reindex' });
    const refusal = await h.fake.waitForRequest(h.fake.is.callback(attempt));
    assert.equal(refusal.body.data.flags, MessageFlags.Ephemeral);
    assert.deepEqual(await service.stats(), before);
  });

  test('after /reindex picks up a new article, the next answer cites it', async () => {
    const question = 'What did the Marlowe Institute of Ocean Robotics agree with Tessaly University Hospital?';
    const title =
      'Marlowe Institute of Ocean Robotics and Tessaly University Hospital sign MoU on underwater medical drones';
    const beforeAsk = h.fake.sendSlashCommand({ name: 'ask', options: { question } });
    const beforeEdit = await h.fake.waitForRequest(h.fake.is.editOriginal(beforeAsk), { timeoutMs: 20_000 });
    assert.ok(!sourcesOf(beforeEdit).includes('Marlowe'), 'not in the index yet');

    await writeFile(join(corpusDir, 'marlowe-tessaly-drones-en.md'), NEW_ARTICLE);
    const reindex = h.fake.sendSlashCommand({ name: 'reindex', permissions: MANAGE_GUILD });
    const summary = await h.fake.waitForRequest(h.fake.is.editOriginal(reindex), { timeoutMs: 30_000 });
    assert.match(embedsOf(summary)[0]!.description!, /^Added 1 · changed 0 · removed 0/);
    assert.match(embedsOf(summary)[0]!.fields![0]!.value, /^marlowe-tessaly-drones-en(\.md)?$/);

    const afterAsk = h.fake.sendSlashCommand({ name: 'ask', options: { question } });
    const afterEdit = await h.fake.waitForRequest((r) => h.fake.is.editOriginal(afterAsk)(r) && hasSources(r), {
      timeoutMs: 20_000,
    });
    assert.ok(sourcesOf(afterEdit).includes(title), sourcesOf(afterEdit));
  });
});
