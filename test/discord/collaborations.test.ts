// /collaborations end to end: the real discord.js client against the fake Discord, answering from a real
// index (hash embeddings) over a temp copy of corpus/ plus the distractor articles, so one party has more
// records than fit on a page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InteractionResponseType, Locale, MessageFlags } from 'discord-api-types/v10';
import type { APIEmbed } from 'discord-api-types/v10';
import { loadConfig } from '../../src/config.ts';
import { createService } from '../../src/service/service.ts';
import type { CollabService } from '../../src/service/types.ts';
import { COLLABORATIONS_PAGE_SIZE } from '../../src/discord/commands/collaborations.ts';
import { escapeText } from '../../src/discord/format.ts';
import { buttonsOf, type RecordedRequest } from '../fixtures/fake-discord/server.ts';
import { startHarness, type Harness } from './helpers.ts';

const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));
const DISTRACTORS = fileURLToPath(new URL('../fixtures/distractors/', import.meta.url));
const embedsOf = (r: RecordedRequest): APIEmbed[] => r.body?.embeds ?? [];

describe('/collaborations with the real registry', () => {
  let dir: string;
  let service: CollabService;
  let h: Harness;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'collab-registry-e2e-'));
    const corpusDir = join(dir, 'corpus');
    await cp(CORPUS, corpusDir, { recursive: true });
    await cp(DISTRACTORS, corpusDir, { recursive: true });
    const env = { CORPUS_DIR: corpusDir, INDEX_DIR: join(dir, 'index'), EMBEDDINGS: 'hash', LOG_LEVEL: 'silent' };
    service = await createService(loadConfig(env));
    h = await startHarness(service, { env });
  });

  after(async () => {
    await h?.close();
    await service?.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('the command is registered with an autocompleted party option and topic choices', async () => {
    const { commandDefinitions } = await import('../../src/discord/commands/definitions.ts');
    const command = commandDefinitions({ maxQuestionLength: 500 }).find((c) => c.name === 'collaborations');
    assert.ok(command, 'collaborations is among the registered commands');
    const party = command.options?.find((o) => o.name === 'party') as { autocomplete?: boolean } | undefined;
    assert.equal(party?.autocomplete, true);
    const topic = command.options?.find((o) => o.name === 'topic') as { choices?: { value: string }[] } | undefined;
    assert.ok(topic?.choices?.some((c) => c.value === 'cancer-care'));
  });

  test('autocomplete offers the registry party for a name typed in Bengali, Latin or as a short form', async () => {
    const [canonical] = (await service.collaborations({ party: 'IIT Kharagpur' })).parties;
    assert.ok(canonical, 'the corpus has the party');
    for (const typed of ['খড়্গপুর', 'Kharag', 'IIT']) {
      const sent = h.fake.sendAutocomplete({ name: 'collaborations', focused: 'party', value: typed });
      const callback = await h.fake.waitForRequest(h.fake.is.callback(sent));
      assert.equal(callback.body.type, InteractionResponseType.ApplicationCommandAutocompleteResult);
      const names = h.fake.autocompleteChoices(sent)!.map((c) => c.name);
      assert.ok(names.includes(canonical), `${typed} → ${names.join(' | ')}`);
    }
  });

  test('a party in Hindi lists every record of that party, page by page with buttons, each citing its article', async () => {
    const expected = (await service.collaborations({ party: 'IIT Kharagpur' })).records;
    assert.ok(
      expected.length > COLLABORATIONS_PAGE_SIZE,
      'the corpus needs more records of the party than one page holds',
    );
    const list = h.fake.sendSlashCommand({ name: 'collaborations', options: { party: 'आईआईटी खड़गपुर' } });
    const ack = await h.fake.waitForRequest(h.fake.is.callback(list));
    assert.equal(ack.body.data.flags & MessageFlags.Ephemeral, MessageFlags.Ephemeral);
    const pages = Math.ceil(expected.length / COLLABORATIONS_PAGE_SIZE);
    let page = await h.fake.waitForRequest(h.fake.is.editOriginal(list));
    const seen: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const embed = embedsOf(page)[0]!;
      assert.equal(embed.footer?.text, `Page ${p} of ${pages} · ${expected.length} record(s)`);
      seen.push(embed.description!);
      if (p === pages) break;
      const next = buttonsOf(h.fake.originalMessage(list)).find((b) => 'label' in b && b.label === 'Next')!;
      const press = h.fake.pressButton({
        messageId: h.fake.originalMessage(list)!.id,
        customId: 'custom_id' in next ? next.custom_id : '',
      });
      assert.equal(
        (await h.fake.waitForRequest(h.fake.is.callback(press))).body.type,
        InteractionResponseType.DeferredMessageUpdate,
      );
      page = await h.fake.waitForRequest(h.fake.is.editOriginal(press));
    }
    const all = seen.join('\n\n');
    for (const record of expected)
      assert.ok(all.includes(escapeText(record.title.slice(0, 60))), `lists ${record.path}`);
    assert.equal((all.match(/\*\*\d+\.\*\*/g) ?? []).length, expected.length, 'every record once');
  });

  test('texts follow the user’s Discord language, and a bad date is explained', async () => {
    const hindi = h.fake.sendSlashCommand({
      name: 'collaborations',
      options: { topic: 'cancer-care' },
      locale: Locale.Hindi,
    });
    const page = await h.fake.waitForRequest(h.fake.is.editOriginal(hindi));
    assert.match(embedsOf(page)[0]!.title!, /^सहयोग — कैंसर देखभाल/);
    const bad = h.fake.sendSlashCommand({ name: 'collaborations', options: { since: '2024-13' } });
    const reply = await h.fake.waitForRequest(h.fake.is.editOriginal(bad));
    assert.match(reply.body.content, /“2024-13” is not valid: write YYYY, YYYY-MM or YYYY-MM-DD/);
    const unknown = h.fake.sendSlashCommand({ name: 'collaborations', options: { party: 'Miskatonic University' } });
    assert.match(
      (await h.fake.waitForRequest(h.fake.is.editOriginal(unknown))).body.content,
      /No party in the registry matches “Miskatonic University”/,
    );
  });
});
