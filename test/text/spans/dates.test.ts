import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates, resolveWeekday } from '../../../src/text/spans/dates.ts';

const first = (text: string, articleDate?: string) => findDates(text, articleDate ? { articleDate } : {})[0];

describe('findDates', () => {
  test('day and month in four languages and scripts', () => {
    assert.deepEqual(first('The MoU was signed on 12 March 2022 in Pune.')?.date, { day: 12, month: 3, year: 2022 });
    assert.deepEqual(first('It was signed on March 12, at noon.')?.date, { day: 12, month: 3 });
    assert.deepEqual(first('दोनों संस्थानों ने आज 5 अक्टूबर को समझौता किया।')?.date, { day: 5, month: 10 });
    assert.deepEqual(first('গত ১৮ অগস্ট ২০২৫ চুক্তি হয়।')?.date, { day: 18, month: 8, year: 2025 });
    assert.deepEqual(first('Соглашение подписали 3 марта 2021 года.')?.date, { day: 3, month: 3, year: 2021 });
  });

  test('Russian ordinal day words', () => {
    const span = first('Девятого мая в Казани прошла встреча.');
    assert.equal(span?.text, 'Девятого мая');
    assert.deepEqual(span?.date, { day: 9, month: 5 });
  });

  test('a month alone, with a Bengali case ending', () => {
    assert.deepEqual(first('প্রথম ব্যাচের ক্লাস শুরু হবে ডিসেম্বরে।')?.date, { month: 12 });
    assert.deepEqual(first('Classes begin in January.')?.date, { month: 1 });
  });

  test('a weekday is resolved against the article date: the last such day up to it', () => {
    const span = first('The institute on Tuesday signed an agreement.', '2024-05-16');
    assert.deepEqual(span?.date, { weekday: 2, year: 2024, month: 5, day: 14, resolved: true });
    assert.deepEqual(
      resolveWeekday(4, '2024-05-16'),
      { weekday: 4, year: 2024, month: 5, day: 16, resolved: true },
      'the same day',
    );
    assert.deepEqual(first('शनिवार को समझौता हुआ।')?.date, { weekday: 6 }, 'no article date: the weekday only');
  });

  test('numbers that are not dates are not taken for dates', () => {
    assert.equal(first('It will train 240 nurses.'), undefined);
  });
});
