import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nameBase, stem } from '../../src/text/stem.ts';
import type { Script } from '../../src/text/script.ts';

const same = (a: string, b: string, script: Script) =>
  assert.equal(stem(a.normalize('NFKC'), script), stem(b.normalize('NFKC'), script), `${a} / ${b}`);

describe('light stemming', () => {
  test('English plurals and -ed/-ing', () => {
    same('hospitals', 'hospital', 'latin');
    same('universities', 'university', 'latin');
    same('signed', 'signing', 'latin');
    assert.equal(stem('aiims', 'latin'), 'aiim'); // acronyms are never stemmed: the analyzer keeps them whole
    assert.equal(stem('campus', 'latin'), 'campus');
  });

  test('Russian case endings', () => {
    same('российской', 'российская', 'cyrillic');
    same('университета', 'университетов', 'cyrillic');
    same('подписали', 'подписал', 'cyrillic');
  });

  test('Hindi plural and oblique endings', () => {
    same('संस्थानों', 'संस्थान', 'devanagari');
    same('अस्पतालों', 'अस्पताल', 'devanagari');
  });

  test('Bengali case endings, without cutting a stem that ends in র', () => {
    same('খড়্গপুরের', 'খড়্গপুর', 'bengali');
    same('হাসপাতালে', 'হাসপাতাল', 'bengali');
    assert.equal(stem('খড়্গপুর'.normalize('NFKC'), 'bengali'), 'খড়্গপুর'.normalize('NFKC'));
  });

  test('Bengali genitive and objective forms of names and ordinary words', () => {
    same('কল্যাণীর', 'কল্যাণী', 'bengali');
    same('এইমসের', 'এইমস', 'bengali');
    same('কলকাতায়', 'কলকাতা', 'bengali');
    same('শিক্ষার্থীদের', 'শিক্ষার্থী', 'bengali');
    same('ঝেজিয়াংয়ের', 'ঝেজিয়াং', 'bengali');
    same('বিষয়ের', 'বিষয়', 'bengali');
    same('জনকে', 'জন', 'bengali');
    same('হাসপাতালগুলির', 'হাসপাতাল', 'bengali');
  });

  test('Hindi oblique plurals of ordinary words', () => {
    same('समझौतों', 'समझौता', 'devanagari');
    same('विश्वविद्यालयों', 'विश्वविद्यालय', 'devanagari');
  });

  test('Snowball: English and Russian inflections of names and ordinary words', () => {
    same('agreements', 'agreement', 'latin');
    same('trainees', 'trainee', 'latin');
    same('харагпуре', 'харагпур', 'cyrillic');
    same('соглашения', 'соглашение', 'cyrillic');
    same('университетами', 'университет', 'cyrillic');
  });
});

describe('names behind Russian relational adjectives', () => {
  test('an -ск- adjective gives the name it is made from', () => {
    assert.equal(nameBase(stem('чжэцзянского', 'cyrillic'), 'cyrillic'), 'чжэцзян');
    assert.equal(nameBase(stem('харагпурский', 'cyrillic'), 'cyrillic'), 'харагпур');
  });

  test('short names ending in -ск and words of other scripts are left alone', () => {
    assert.equal(nameBase(stem('томск', 'cyrillic'), 'cyrillic'), undefined);
    assert.equal(nameBase('минск', 'cyrillic'), undefined);
    assert.equal(nameBase('task', 'latin'), undefined);
  });
});
