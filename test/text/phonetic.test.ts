import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { phoneticKey, phoneticSpelling } from '../../src/text/phonetic.ts';
import { normalizeUnicode } from '../../src/text/normalize.ts';
import { scriptOf } from '../../src/text/script.ts';
import { toLatin } from '../../src/text/transliterate.ts';

const keyOf = (word: string) => {
  const normalized = normalizeUnicode(word);
  return phoneticKey(toLatin(normalized, scriptOf(normalized)));
};

describe('transliteration to Latin', () => {
  test('Cyrillic, with the Russian transcription of Chinese', () => {
    assert.equal(toLatin('Глыбочко', 'cyrillic'), 'glybochko');
    assert.equal(toLatin('Гуанчжоу', 'cyrillic'), 'guanzhou');
  });

  test('Devanagari and Bengali, with nukta consonants read as an English writer hears them', () => {
    assert.equal(toLatin(normalizeUnicode('খড়্গপুর'), 'bengali'), 'khargapura');
    assert.equal(toLatin(normalizeUnicode('कैंसर'), 'devanagari'), 'kainsara');
    assert.equal(toLatin(normalizeUnicode('যাদবপুর'), 'bengali'), 'jadavapura');
  });

  test('Latin words only lose their diacritics', () => {
    assert.equal(toLatin('Zürich', 'latin'), 'zurich');
  });
});

describe('phonetic keys match one name across scripts', () => {
  const same: [string, string][] = [
    ['Глыбочко', 'Glybochko'],
    ['খড়্গপুর', 'Kharagpur'],
    ['खड़गपुर', 'Kharagpur'],
    ['Гуанчжоу', 'Guangzhou'],
    ['Чжэцзян', 'Zhejiang'],
    ['Харбин', 'Harbin'],
    ['কল্যাণী', 'Kalyani'],
    ['कैंसर', 'cancer'],
    ['হেলথকেয়ার', 'healthcare'],
    ['Москва', 'Moscow'],
    ['তেওয়ারি', 'Tewari'],
    ['সিংহ', 'Singh'],
    ['স্কুল', 'school'],
  ];
  for (const [native, latin] of same) {
    test(`${native} ≈ ${latin}`, () => assert.equal(keyOf(native), keyOf(latin)));
  }

  test('different names keep different keys', () => {
    assert.notEqual(keyOf('Kharagpur'), keyOf('Kalyani'));
    assert.notEqual(keyOf('Глыбочко'), keyOf('Guangzhou'));
    assert.notEqual(keyOf('Bombay'), keyOf('Kharagpur'));
  });
});

describe('phonetic spelling: consonant rewrites with the vowels kept', () => {
  test('one name in two transcriptions spells the same', () => {
    assert.equal(phoneticSpelling(toLatin('ঝেজিয়াং', 'bengali')), phoneticSpelling('zhejiang'));
    assert.ok(phoneticSpelling(toLatin('झेजियांग', 'devanagari')).startsWith(phoneticSpelling('zhejiang')));
  });

  test('names that only share consonants do not', () => {
    assert.notEqual(phoneticSpelling('chennai'), phoneticSpelling('china'));
    assert.notEqual(phoneticSpelling('patna'), phoneticSpelling('putin'));
    assert.notEqual(phoneticSpelling('katha'), phoneticSpelling('kota'));
  });
});
