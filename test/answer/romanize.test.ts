// Names written for a reader of another script (src/answer/romanize.ts): Latin letters as English text writes
// them, and Bengali ⇄ Devanagari for Hindi and Bengali readers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { indicToIndic, romanize } from '../../src/answer/romanize.ts';

describe('romanize: institution names in Bengali and Devanagari letters', () => {
  test('Bengali: English words written in Bengali letters come back as English', () => {
    assert.equal(romanize('স্কুল ফর নার্সিং অ্যান্ড টেকনোলজি'), 'School for Nursing and Technology');
    assert.equal(romanize('ন্যাশনাল ফাউন্ডেশন ফর হেলথ রিসার্চ'), 'National Foundation for Health Research');
  });

  test('Devanagari: an English-sounding name of a hospital, with its institution word translated', () => {
    assert.equal(romanize('पुणे सुपर स्पेशियलिटी कैंसर संस्थान'), 'Pune Super Speciality Cancer Institute');
  });

  test('acronyms spelled as letter names become Latin capitals, also inside brackets and hyphenated', () => {
    assert.equal(romanize('আইআইটি পুণে'), 'IIT Pune');
    assert.equal(romanize('(एनआईटी)'), '(NIT)');
    assert.equal(romanize('आईएमएस-बीएचयू'), 'IMS-BHU');
  });

  test('institution words are translated, the proper name transliterated', () => {
    assert.equal(romanize('নাগপুর বিশ্ববিদ্যালয়'), 'Nagpur University');
  });

  test('honorifics as English writes them', () => {
    assert.equal(romanize('डॉ अमित वर्मा'), 'Dr Amit Varma');
    assert.equal(romanize('प्रो. सी.एम. शर्मा'), 'Prof. C.M. Sharma');
  });

  test("a person's name that sounds like English words stays a transliterated name", () => {
    assert.equal(romanize('हरप्रीत कौर'), 'Haraprit Kaur');
  });
});

describe('romanize: Russian', () => {
  test('each part of a hyphenated compound is read on its own', () => {
    assert.match(romanize('Российско-Китайский центр'), /^Russia-China /);
  });
});

describe('indicToIndic', () => {
  test('Bengali য় is plain य for a Hindi reader; no Bengali sign is left in the Devanagari', () => {
    const hindi = indicToIndic('নাগপুর বিশ্ববিদ্যালয়', 'devanagari');
    assert.equal(hindi, 'नागपुर विश्वविद्यालय');
    assert.ok(!/[\u0980-\u09FF]/u.test(hindi));
  });
});
