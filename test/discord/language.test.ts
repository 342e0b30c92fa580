// The reader's language on Discord: slash commands follow the user's Discord locale (Bengali, which Discord has no
// locale for, follows a Bengali question); the answer's own words stay in the answer's language. End to end with
// the real discord.js client against the fake Discord, and the localized command definitions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Locale } from 'discord-api-types/v10';
import type { APIEmbed } from 'discord-api-types/v10';
import { commandDefinitions } from '../../src/discord/commands/definitions.ts';
import { interactionLanguage } from '../../src/discord/language.ts';
import { buttonsOf, type RecordedRequest } from '../fixtures/fake-discord/server.ts';
import { ScriptedService, startHarness } from './helpers.ts';

const embedsOf = (r: RecordedRequest): APIEmbed[] => r.body?.embeds ?? r.body?.data?.embeds ?? [];
const hasFields = (r: RecordedRequest) => embedsOf(r).some((e) => (e.fields ?? []).length > 0);

describe("Discord texts in the reader's language", () => {
  test('/ask from a Hindi Discord client: headings, footer and buttons in Hindi, the answer text as written', async (t_) => {
    const service = new ScriptedService();
    const h = await startHarness(service);
    t_.after(() => h.close());

    const ask = h.fake.sendSlashCommand({
      name: 'ask',
      options: { question: 'What does the MoU cover?' },
      locale: Locale.Hindi,
    });
    await h.fake.waitForRequest((r) => h.fake.is.editOriginal(ask)(r) && hasFields(r));
    const original = h.fake.originalMessage(ask)!;
    const [embed] = original.embeds;
    assert.equal(
      embed!.description,
      'An answer about What does the MoU cover? [1].',
      'the answer itself is not translated',
    );
    assert.equal(embed!.fields![0]!.name, 'स्रोत');
    assert.match(
      embed!.fields![0]!.value,
      /^\[Article 1\]\(https:\/\/example\.org\/articles\/1\) — Test Times, 2024-05-01\n- \*\*\[1\]\*\* /,
    );
    assert.equal(embed!.footer?.text, 'उद्धृत अंशों से लिया गया');
    const [passages] = buttonsOf(original);
    assert.equal(passages && 'label' in passages && passages.label, 'अंश दिखाएँ');

    // The same answer's vote, pressed from a Russian client, is answered in Russian.
    const [, up] = buttonsOf(original);
    const vote = h.fake.pressButton({
      messageId: original.id,
      customId: 'custom_id' in up! ? up.custom_id : '',
      locale: Locale.Russian,
    });
    const thanks = await h.fake.waitForRequest(h.fake.is.callback(vote));
    assert.match(thanks.body.data.content, /\p{Script=Cyrillic}/u);
  });

  test('a Bengali question from an English client gets Bengali headings (Discord has no Bengali locale)', async (t_) => {
    const service = new ScriptedService();
    const h = await startHarness(service);
    t_.after(() => h.close());

    const ask = h.fake.sendSlashCommand({
      name: 'ask',
      options: { question: 'চুক্তিটি কী নিয়ে?' },
      locale: Locale.EnglishUS,
    });
    await h.fake.waitForRequest((r) => h.fake.is.editOriginal(ask)(r) && hasFields(r));
    assert.equal(h.fake.originalMessage(ask)!.embeds[0]!.fields![0]!.name, 'সূত্র');
  });

  test('/help from a Russian client is in Russian', async (t_) => {
    const service = new ScriptedService();
    const h = await startHarness(service);
    t_.after(() => h.close());

    const help = h.fake.sendSlashCommand({ name: 'help', locale: Locale.Russian });
    const edit = await h.fake.waitForRequest((r) => h.fake.is.editOriginal(help)(r) && embedsOf(r).length > 0);
    const [embed] = embedsOf(edit);
    assert.equal(embed!.title, 'Что я умею');
    assert.equal(embed!.fields![0]!.name, 'Команды');
  });
});

test('locale resolution: Discord locales map to the product language; a Bengali question wins', () => {
  assert.equal(interactionLanguage('hi'), 'hi');
  assert.equal(interactionLanguage('ru'), 'ru');
  assert.equal(interactionLanguage('en-GB'), 'en');
  assert.equal(interactionLanguage('de'), 'en');
  assert.equal(interactionLanguage('hi', 'bn'), 'bn');
  assert.equal(interactionLanguage('ru', 'en'), 'ru');
});

test("command descriptions are registered in Hindi, Russian and both Englishes, within Discord's 100 characters", () => {
  const commands = commandDefinitions({ maxQuestionLength: 500 });
  const described = commands.flatMap((c) => [
    c,
    ...((c.options ?? []) as { description: string; description_localizations?: Record<string, string> }[]),
  ]);
  assert.ok(described.length >= 6);
  for (const item of described) {
    const localized = item.description_localizations ?? {};
    assert.deepEqual(Object.keys(localized).sort(), ['en-GB', 'en-US', 'hi', 'ru']);
    assert.match(localized['hi']!, /\p{Script=Devanagari}/u, item.description);
    assert.match(localized['ru']!, /\p{Script=Cyrillic}/u, item.description);
    assert.equal(localized['en-US'], item.description);
    for (const text of Object.values(localized)) assert.ok(String(text).length <= 100, String(text));
  }
  assert.equal(
    commands.find((c) => c.name === 'help')!.description_localizations!['ru'],
    'Что умеет этот бот, с примерами вопросов.',
  );
});
