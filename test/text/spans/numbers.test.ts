import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findNumbers } from '../../../src/text/spans/numbers.ts';

const numbers = (text: string) => findNumbers(text).map((s) => ({ text: s.text, ...s.number }));

describe('findNumbers', () => {
  test('digits of every script, with the noun they count', () => {
    assert.deepEqual(numbers('প্রথমে ২০০ জনকে প্রশিক্ষণ দেওয়া হবে।'), [{ text: '২০০', value: 200, unit: 'জনকে' }]);
    assert.deepEqual(numbers('पहले साल में ८० छात्र आएंगे।'), [{ text: '८०', value: 80, unit: 'छात्र' }]);
  });

  test('Bengali classifiers fused to the digits: the number, with the classifier as its unit', () => {
    assert.deepEqual(numbers('জোটটি ১২০টি প্রকল্প চালায়।'), [{ text: '১২০টি', value: 120, unit: 'টি' }]);
    assert.deepEqual(numbers('প্রথমে ১৫০জনকে নেওয়া হবে।'), [{ text: '১৫০জনকে', value: 150, unit: 'জনকে' }]);
    assert.deepEqual(numbers('৪০টিরও বেশি বিশ্ববিদ্যালয় যোগ দেয়।')[0], {
      text: '৪০টিরও বেশি',
      value: 40,
      qualifier: 'more',
      unit: 'টিরও',
    });
  });

  test('qualifiers before and after the number', () => {
    assert.deepEqual(numbers('В работе участвуют более 40 вузов.')[0], {
      text: 'более 40',
      value: 40,
      qualifier: 'more',
      unit: 'вузов',
    });
    assert.deepEqual(numbers('It brings together more than 25 hospitals.')[0], {
      text: 'more than 25',
      value: 25,
      qualifier: 'more',
      unit: 'hospitals',
    });
    assert.equal(numbers('इसमें 300 से अधिक डॉक्टर शामिल हैं।')[0]?.qualifier, 'more');
    assert.equal(numbers('প্রায় ৫০ জন যোগ দেবেন।')[0]?.qualifier, 'about');
  });

  test('multipliers and grouped digits', () => {
    assert.equal(numbers('Участие приняли 5 тысяч человек.')[0]?.value, 5000);
    assert.equal(numbers('About 12,500 people applied.')[0]?.value, 12500);
    assert.equal(numbers('2 लाख लोगों को लाभ होगा।')[0]?.value, 200000);
  });

  test('number words', () => {
    assert.deepEqual(numbers('It signed MoUs with four hospitals.')[0], {
      text: 'four',
      value: 4,
      word: 'four',
      unit: 'hospitals',
    });
  });

  test('years, dates and citation markers are not quantities', () => {
    assert.deepEqual(numbers('Signed in 2023 on 14 July [2].'), []);
  });
});
