import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findPlaces } from '../../../src/text/spans/places.ts';

const places = (text: string, articleStart = false) =>
  findPlaces(text, { articleStart }).map((s) => [s.text, s.confidence ?? 1]);

describe('findPlaces', () => {
  test('a dateline at the start of an article', () => {
    assert.deepEqual(places('PUNE: The institute signed an agreement on Monday.', true)[0], ['PUNE', 1]);
    assert.deepEqual(places('भोपाल। दोनों संस्थानों ने समझौता किया।', true)[0], ['भोपाल', 1]);
    assert.deepEqual(places('New Delhi: The institute signed an agreement on Monday.', true)[0], ['New Delhi', 1]);
  });

  test('a lead-in in lower case is no dateline ("Editor\'s note:", "Пресс-релиз для печати:")', () => {
    assert.deepEqual(places('Note to editors: the institute signed an agreement on Monday.', true), []);
    assert.deepEqual(places('Сообщение для прессы: институт подписал соглашение.', true), []);
  });

  test('a capitalized name after a locative preposition, in English and Russian', () => {
    assert.deepEqual(places('The council met in Nanjing last week.'), [['Nanjing', 1]]);
    assert.deepEqual(places('Встреча прошла в Казани.'), [['Казани', 1]]);
  });

  test('cities and countries of the lexicon, in any script, less sure than a dateline', () => {
    assert.deepEqual(places('दिल्ली में बैठक हुई।'), [['दिल्ली', 0.5]]);
  });

  test('months and institutions after "in" are not places', () => {
    assert.deepEqual(places('It opened in March at the City Hospital.'), []);
  });
});
