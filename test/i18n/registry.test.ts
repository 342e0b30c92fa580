import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LANGUAGES, t } from '../../src/i18n/index.ts';
import { registry } from '../../src/i18n/locales/registry.ts';
import { TOPICS } from '../../src/ingest/records/topics.ts';

test('every registry text and topic label exists in all four languages, in its own script', () => {
  const keys = Object.keys(registry.en).sort();
  for (const language of LANGUAGES) {
    assert.deepEqual(Object.keys(registry[language]).sort(), keys, language);
    for (const key of keys)
      assert.notEqual((registry[language] as Record<string, string>)[key]!.trim(), '', `${language} ${key}`);
    for (const topic of TOPICS) assert.notEqual(topic.label[language].trim(), '', `${language} ${topic.id}`);
  }
  assert.match(t('hi', 'registry:kind.mou'), /\p{Script=Devanagari}/u);
  assert.match(t('bn', 'registry:noResults'), /\p{Script=Bengali}/u);
  assert.equal(t('ru', 'registry:page', { page: 1, pages: 2, count: 7 }), 'Страница 1 из 2 · записей: 7');
});
