import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { asciiDigits, dropNukta, normalizeUnicode } from '../../src/text/normalize.ts';
import { foldText } from '../../src/text/fold.ts';

describe('Unicode normalization', () => {
  test('NFKC: compatibility forms become their plain letters', () => {
    assert.equal(normalizeUnicode('ﬁnance ＩＩＴ'), 'finance IIT');
  });

  test('zero-width characters and the soft hyphen are removed', () => {
    assert.equal(normalizeUnicode('co\u200Boperation'), 'cooperation');
    assert.equal(normalizeUnicode('র\u200D্যাব'), 'র্যাব');
    assert.equal(normalizeUnicode('colla\u00ADboration\uFEFF'), 'collaboration');
  });

  test('nukta: precomposed, decomposed and omitted spellings fold to the same text', () => {
    const precomposed = '\u095C'; // ड़
    const decomposed = 'ड\u093C';
    assert.equal(foldText(`खड़गपुर`), foldText(`ख${decomposed}गपुर`));
    assert.equal(foldText(`ख${precomposed}गपुर`), 'खडगपुर');
    assert.equal(foldText('খড়্গপুর'), foldText('খড্গপুর'));
    assert.equal(dropNukta('ক\u09BC'), 'ক');
  });

  test('Bengali and Devanagari digits equal ASCII digits', () => {
    assert.equal(asciiDigits('১৫০'), '150');
    assert.equal(asciiDigits('२४ सितंबर २०२४'), '24 सितंबर 2024');
    assert.equal(foldText('১৫০ জন'), foldText('150 জন'));
  });

  test('folding lower-cases every cased script', () => {
    assert.equal(foldText('РКАМУ HKUST'), 'ркаму hkust');
  });
});
