import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stem } from '../../src/text/stem.ts';
import type { Script } from '../../src/text/script.ts';

const same = (a: string, b: string, script: Script) => assert.equal(stem(a.normalize('NFKC'), script), stem(b.normalize('NFKC'), script), `${a} / ${b}`);

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
});
