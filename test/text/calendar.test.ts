import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { monthName, monthOf, russianOrdinalDay, weekdayName, weekdayOf } from '../../src/text/calendar.ts';

describe('calendar', () => {
  test('month names in four languages, with variants, cases and abbreviations', () => {
    for (const word of ['September', 'sept.', 'सितंबर', 'सितम्बर', 'সেপ্টেম্বর', 'сентября', 'Сентябрь'])
      assert.equal(monthOf(word), 9, word);
    assert.equal(monthOf('অগাস্ট'), 8);
    assert.equal(monthOf('hospital'), undefined);
  });

  test('weekday names and Russian ordinal day words', () => {
    assert.equal(weekdayOf('Saturday'), 6);
    assert.equal(weekdayOf('शनिवार'), 6);
    assert.equal(weekdayOf('субботу'), 6);
    assert.equal(weekdayOf('রবিবার'), 0);
    assert.equal(russianOrdinalDay('Шестого'), 6);
    assert.equal(russianOrdinalDay('третьего'), 3);
    assert.equal(russianOrdinalDay('двадцатого'), 20);
    assert.equal(russianOrdinalDay('шесть'), undefined);
  });

  test('answers write month and weekday names in the asker language', () => {
    assert.equal(monthName(7, 'en'), 'July');
    assert.equal(monthName(7, 'ru'), 'июля', 'genitive after a day');
    assert.equal(monthName(11, 'ru', false), 'ноябрь');
    assert.equal(monthName(9, 'bn'), 'সেপ্টেম্বর');
    assert.equal(weekdayName(6, 'hi'), 'शनिवार');
  });
});
