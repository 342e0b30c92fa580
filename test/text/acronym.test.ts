import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { acronymOf, decodeLetterNames, letterOf } from '../../src/text/acronym.ts';
import { createAnalyzer } from '../../src/text/analyze.ts';
import { foldText } from '../../src/text/fold.ts';

const acronym = (word: string) => acronymOf(foldText(word));

describe('Latin acronyms spelled with letter names', () => {
  test('Devanagari words decode to their Latin acronym', () => {
    assert.equal(acronym('केएसएसएससीआई'), 'KSSSCI');
    assert.equal(acronym('आरएमएलआईएमएस'), 'RMLIMS');
    assert.equal(acronym('एमओयू'), 'MOU');
    assert.equal(acronym('आईआईटी'), 'IIT');
    assert.equal(acronym('एचकेयूएसटी'), 'HKUST');
  });

  test('Bengali words decode to their Latin acronym', () => {
    assert.equal(acronym('আইআইটি'), 'IIT');
    assert.equal(acronym('এনএসকিউএফ'), 'NSQF');
    assert.equal(acronym('এইচকেইউএসটি'), 'HKUST');
  });

  test("a case ending after the acronym is allowed (আইআইটির = IIT's)", () => {
    assert.equal(acronym('আইআইটির'), 'IIT');
    assert.equal(acronym('এনএসকিউএফের'), 'NSQF');
  });

  test('ordinary words, and single letter names, are not acronyms', () => {
    for (const word of ['कैंसर', 'समझौता', 'संस्थान', 'প্রশিক্ষণ', 'খড়্গপুর', 'লখনউ'])
      assert.equal(acronym(word), undefined, word);
    assert.equal(acronym('के'), undefined);
    assert.equal(decodeLetterNames(foldText('के')), 'K');
  });

  test('the decoder reads the whole word or nothing', () => {
    // एम + ओ + यू + ग: the last syllable is not a letter name.
    assert.equal(decodeLetterNames(foldText('एमओयूग')), undefined);
  });

  test('a spelled word with several readings gets a complete one (longest names first, with backtracking)', () => {
    // এ (A) is a prefix of এইচ (H) and of এম (M); only one reading consumes the whole word.
    assert.equal(decodeLetterNames(foldText('এইচএএম')), 'HAM');
    assert.equal(decodeLetterNames(foldText('एएमयू')), 'AMU');
  });

  test('single letter names are recognised', () => {
    assert.equal(letterOf(foldText('एस')), 'S');
    assert.equal(letterOf(foldText('সি')), 'C');
    assert.equal(letterOf(foldText('समझौता')), undefined);
  });

  test('spaced and dotted spellings join into the acronym', () => {
    const analyzer = createAnalyzer();
    const acronyms = (text: string) => analyzer.words(text).flatMap((w) => (w.acronym ? [w.acronym] : []));
    assert.ok(acronyms('के एस एस एस सी आई के निदेशक').includes('KSSSCI'));
    assert.ok(acronyms('আই আই টি খড়্গপুর').includes('IIT'));
    assert.ok(acronyms('प्रो. सी.एम. सिंह').includes('CM'));
    assert.ok(acronyms('Prof. C.M. Singh').includes('CM'));
  });

  test('the Latin form becomes a search term beside the native one', () => {
    const terms = createAnalyzer().queryTerms('केएसएसएससीआई और आरएमएलआईएमएस');
    assert.ok(terms.includes('ksssci') && terms.includes('rmlims'));
    assert.ok(terms.includes(foldText('केएसएसएससीआई')));
  });
});
