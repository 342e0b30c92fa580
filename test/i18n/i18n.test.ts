import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LANGUAGES, t, toLanguage } from '../../src/i18n/index.ts';
import { answer } from '../../src/i18n/locales/answer.ts';
import { common } from '../../src/i18n/locales/common.ts';
import { discord } from '../../src/i18n/locales/discord.ts';
import { indexing } from '../../src/i18n/locales/indexing.ts';
import { reliability } from '../../src/i18n/locales/reliability.ts';

test('each language has its own text; unknown languages fall back to English', () => {
  assert.equal(t('en', 'answer:notFound'), 'I found nothing about that in the corpus.');
  assert.equal(t('ru', 'answer:sources'), 'Источники:');
  assert.match(t('hi', 'answer:notFound'), /\p{Script=Devanagari}/u);
  assert.match(t('bn', 'answer:notFound'), /\p{Script=Bengali}/u);
  assert.equal(t('fr', 'answer:sources'), 'Sources:');
  assert.equal(t(undefined, 'common:language.bn'), 'Bengali');
});

test('Discord locales and ISO codes map to a product language', () => {
  assert.equal(toLanguage('en-US'), 'en');
  assert.equal(toLanguage('hi'), 'hi');
  assert.equal(toLanguage('ru'), 'ru');
  assert.equal(toLanguage('pt-BR'), 'en');
  assert.equal(toLanguage(undefined), 'en');
});

test('every namespace has every key in every language, none empty', () => {
  for (const table of [answer, common, indexing, reliability, discord] as Record<string, Record<string, string>>[]) {
    const keys = Object.keys(table['en']!).sort();
    for (const language of LANGUAGES) {
      assert.deepEqual(Object.keys(table[language]!).sort(), keys, language);
      for (const key of keys) assert.notEqual(table[language]![key]!.trim(), '', `${language} ${key}`);
    }
  }
});
