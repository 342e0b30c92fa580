import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../src/ingest/sentences.ts';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  test('offsets are exact and exclude surrounding whitespace', () => {
    const text = '  First one here.  Second one!\n\nThird?  ';
    const sentences = splitSentences(text);
    assert.deepEqual(
      sentences.map((s) => s.text),
      ['First one here.', 'Second one!', 'Third?'],
    );
    for (const s of sentences) assert.equal(text.slice(s.start, s.end), s.text);
  });

  test('Hindi: the danda । and double danda ॥ end sentences', () => {
    assert.deepEqual(texts('यह पहला वाक्य है। यह दूसरा वाक्य है॥ तीसरा वाक्य'), [
      'यह पहला वाक्य है।',
      'यह दूसरा वाक्य है॥',
      'तीसरा वाक्य',
    ]);
  });

  test('Bengali: the danda ends sentences', () => {
    assert.deepEqual(texts('প্রথম বাক্য এখানে। দ্বিতীয় বাক্য এখানে। তৃতীয়?'), [
      'প্রথম বাক্য এখানে।',
      'দ্বিতীয় বাক্য এখানে।',
      'তৃতীয়?',
    ]);
  });

  test('Hindi abbreviations and dotted initials do not end a sentence', () => {
    const text = 'निदेशक प्रो. सी.एम. सिंह और डॉ. वी. के. शर्मा ने कहा। श्री राम आए।';
    assert.deepEqual(texts(text), ['निदेशक प्रो. सी.एम. सिंह और डॉ. वी. के. शर्मा ने कहा।', 'श्री राम आए।']);
  });

  test('a Hindi dateline ("लखनऊ।") belongs to the sentence it opens', () => {
    assert.deepEqual(texts('लखनऊ। प्रदेश में एक समझौता हुआ। दूसरा वाक्य।'), ['लखनऊ। प्रदेश में एक समझौता हुआ।', 'दूसरा वाक्य।']);
  });

  test('Russian: no break after "г.", "им.", "акад.", "т.е." or initials', () => {
    const text =
      'Встреча прошла в 2023 г. В Москве выступил ректор университета им. Сеченова акад. П. В. Глыбочко, т.е. глава вуза. Потом был обед.';
    assert.deepEqual(texts(text), [
      'Встреча прошла в 2023 г. В Москве выступил ректор университета им. Сеченова акад. П. В. Глыбочко, т.е. глава вуза.',
      'Потом был обед.',
    ]);
  });

  test('English abbreviations and initials do not end a sentence', () => {
    const text = 'Prof. Nancy Ip met Dr. Smith of St. Mary Inc. and V. K. Tewari. C.M. Singh agreed. Mr. Rao left.';
    assert.deepEqual(texts(text), [
      'Prof. Nancy Ip met Dr. Smith of St. Mary Inc. and V. K. Tewari.',
      'C.M. Singh agreed.',
      'Mr. Rao left.',
    ]);
  });

  test('ordinary sentence ends still split, also before capitals and numbers', () => {
    assert.deepEqual(texts('The deal was signed. It runs for 5 years. 2024 was busy.'), [
      'The deal was signed.',
      'It runs for 5 years.',
      '2024 was busy.',
    ]);
    assert.deepEqual(texts('Room No. 5 is booked. Rs. 500 was paid.'), ['Room No. 5 is booked.', 'Rs. 500 was paid.']);
  });

  test('each bullet line and each paragraph ends a sentence, even without punctuation', () => {
    const text =
      'Key areas:\n• joint research\n• student exchanges\n\nA new paragraph without a full stop\n\nDr.\n\nLast';
    assert.deepEqual(texts(text), [
      'Key areas:',
      '• joint research',
      '• student exchanges',
      'A new paragraph without a full stop',
      'Dr.',
      'Last',
    ]);
  });

  test('a list number stays with its item', () => {
    assert.deepEqual(texts('1. First item here\n2. Second item'), ['1. First item here', '2. Second item']);
  });

  test('empty and whitespace-only text give no sentences', () => {
    assert.deepEqual(splitSentences(''), []);
    assert.deepEqual(splitSentences(' \n\n '), []);
  });
});

describe('splitSentences on long texts', () => {
  const sample =
    'Prof. V. K. Rao said the MoU runs for 5 years. निदेशक डॉ. सी.एम. सिंह ने कहा। Встреча прошла в 2023 г. в Москве.';
  const expectedOfSample = texts(sample);

  test('a text of many paragraphs splits exactly as its paragraphs do one by one', () => {
    const paragraphs = Array.from({ length: 300 }, (_, i) => `${sample} Paragraph ${i} ends here.`);
    const text = paragraphs.join('\n\n');
    let offset = 0;
    const oneByOne = paragraphs.flatMap((paragraph) => {
      const shifted = splitSentences(paragraph).map((s) => ({ ...s, start: s.start + offset, end: s.end + offset }));
      offset += paragraph.length + 2;
      return shifted;
    });
    assert.deepEqual(splitSentences(text), oneByOne);
  });

  test('one line far longer than a segmenting window keeps every sentence whole, with exact offsets', () => {
    const copies = 2000; // ~230k characters on one line
    const text = Array.from({ length: copies }, () => sample).join(' ');
    const sentences = splitSentences(text);
    assert.equal(sentences.length, copies * expectedOfSample.length);
    sentences.forEach((s, i) => {
      assert.equal(s.text, expectedOfSample[i % expectedOfSample.length]);
      assert.equal(text.slice(s.start, s.end), s.text);
    });
  });

  test('a chain of initials longer than any window is merged into one sentence', () => {
    const text = `${'A. B. '.repeat(5000)}Rao signed.`;
    assert.deepEqual(texts(text), [text]);
  });
});
