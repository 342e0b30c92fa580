import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  articleNote,
  forReader,
  partiesOf,
  renderDate,
  renderSpan,
  siblingName,
  spellSame,
} from '../../src/answer/render.ts';
import { UNKNOWN_SOURCE } from '../../src/types.ts';
import { findNumbers } from '../../src/text/spans/numbers.ts';
import { romanize } from '../../src/answer/romanize.ts';

describe('rendering spans for the asker', () => {
  test('dates in the asker language and digits', () => {
    assert.equal(renderDate({ day: 6, month: 7 }, 'ru'), '6 июля');
    assert.equal(renderDate({ day: 24, month: 9, year: 2023 }, 'bn'), '২৪ সেপ্টেম্বর ২০২৩');
    assert.equal(renderDate({ month: 11 }, 'ru'), 'ноябрь');
    assert.equal(renderDate({ weekday: 6, day: 1, month: 7, year: 2023 }, 'en'), 'Saturday, 1 July 2023');
  });

  test('quantities with localized qualifiers and digits', () => {
    const [span] = findNumbers('приняли участие более 10 тысяч человек');
    assert.equal(renderSpan(span!, 'en'), 'more than 10,000');
    assert.equal(renderSpan(span!, 'hi'), '10,000 से अधिक');
    assert.equal(renderSpan(span!, 'bn'), '১০,০০০-এর বেশি');
  });

  test('names: transliterated with the original, or letter by letter between Indic scripts', () => {
    assert.equal(romanize('विक्रम सिंह'), 'Vikram Singh');
    assert.equal(romanize('Ян Баофэн'), 'Yang Baofeng');
    assert.equal(forReader('অমিত সেন', 'en'), 'Amit Sen (অমিত সেন)');
    assert.equal(forReader('অমিত সেন', 'hi'), 'अमित सेन (অমিত সেন)');
    assert.equal(forReader('Nancy Ip', 'ru'), 'Nancy Ip', 'Latin is readable for every non-English asker');
  });

  test("the article's own Latin spelling of a party beats a transliteration", () => {
    assert.equal(
      siblingName('হেলথকেয়ার সেক্টর স্কিল কাউন্সিল', ['Healthcare Sector Skill Council', 'Some Other Trust']),
      'Healthcare Sector Skill Council',
    );
    assert.equal(siblingName('হেলথকেয়ার সেক্টর স্কিল কাউন্সিল', ['Some Other Trust']), undefined);
  });

  test('parties: short forms the asker reads, each entity once', () => {
    const chunk = {
      title: 't',
      institutions: ['Indian Institute of Science (IISc)', 'IISc', 'भारतीय विज्ञान संस्थान', 'Tata Memorial Centre'],
    };
    assert.equal(partiesOf(chunk, 'en'), 'IISc – Tata Memorial Centre');
    assert.equal(partiesOf(chunk, 'hi'), 'IISc – भारतीय विज्ञान संस्थान');
  });

  test('parties: one entity spelled in two scripts is named once, in the asker script when the article has it', () => {
    const chunk = {
      title: 't',
      institutions: [
        'Indian Institute of Technology Pune (IIT Pune)',
        'ইন্ডিয়ান ইনস্টিটিউট অফ টেকনোলজি (আইআইটি) পুণে',
        'Nagpur Cancer Trust',
        'নাগপুর ক্যানসার ট্রাস্ট',
      ],
    };
    assert.equal(partiesOf(chunk, 'en'), 'IIT Pune – Nagpur Cancer Trust');
    assert.equal(partiesOf(chunk, 'ru'), 'IIT Pune – Nagpur Cancer Trust');
    assert.equal(partiesOf(chunk, 'bn'), 'ইন্ডিয়ান ইনস্টিটিউট অফ টেকনোলজি (আইআইটি) পুণে – নাগপুর ক্যানসার ট্রাস্ট');
    const ru = {
      title: 't',
      institutions: ['Kazan Medical Association (KMA)', 'Казанская медицинская ассоциация (КМА)'],
    };
    assert.equal(partiesOf(ru, 'ru'), 'КМА');
    assert.equal(partiesOf(ru, 'en'), 'KMA');
  });

  test('two spellings are one name only when each mostly covers the other', () => {
    assert.equal(spellSame('IIT Pune', 'ইন্ডিয়ান ইনস্টিটিউট অফ টেকনোলজি (আইআইটি) পুণে'), true);
    assert.equal(spellSame('Dr. Ram Prasad Institute of Medical Sciences', 'डॉ राम प्रसाद आयुर्विज्ञान संस्थान'), true);
    assert.equal(spellSame('AIIMS Nagpur', 'University of Nagpur'), false);
    assert.equal(spellSame('IIT Pune', 'IIT Madras'), false);
  });

  test('the article-language line in the asker language, also for a language outside the four', () => {
    assert.equal(
      articleNote({ language: 'ru', source: 'Wire', date: '2024-01-02' }, 'bn'),
      'রুশ ভাষার একটি প্রতিবেদন থেকে (Wire, 2024-01-02):',
    );
    assert.equal(articleNote({ language: 'fr', source: 'Wire' }, 'en'), 'From a French article (Wire):');
  });

  test('a page that names no publication: the line gives the date alone, or nothing in brackets', () => {
    assert.equal(
      articleNote({ language: 'hi', source: UNKNOWN_SOURCE, date: '2024-09-24' }, 'en'),
      'From a Hindi article (2024-09-24):',
    );
    assert.equal(articleNote({ language: 'hi', source: UNKNOWN_SOURCE }, 'ru'), 'Из статьи (язык: хинди):');
  });
});
