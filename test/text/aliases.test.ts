import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { findAliases } from '../../src/text/aliases.ts';
import { createAnalyzer } from '../../src/text/analyze.ts';

const analyzer = createAnalyzer();

describe('institution aliases in the text', () => {
  test('an English long name before its acronym', () => {
    assert.deepEqual(
      findAliases('signed by the Kalyan Singh Super Speciality Cancer Institute (KSSSCI) today', analyzer),
      [{ acronym: 'KSSSCI', expansion: 'Kalyan Singh Super Speciality Cancer Institute' }],
    );
    assert.deepEqual(findAliases('The Hong Kong University of Science and Technology (HKUST) introduced', analyzer), [
      { acronym: 'HKUST', expansion: 'Hong Kong University of Science and Technology' },
    ]);
  });

  test('a Bengali long name before a spelled-out acronym', () => {
    assert.deepEqual(findAliases('উদ্যোগী ইন্ডিয়ান ইনস্টিটিউট অফ টেকনোলজি (আইআইটি) খড়্গপুর', analyzer), [
      { acronym: 'IIT', expansion: 'ইন্ডিয়ান ইনস্টিটিউট অফ টেকনোলজি' },
    ]);
  });

  test('a Russian name with a hyphenated word', () => {
    const [alias] = findAliases(
      'заседание Совета Российско-Китайской ассоциации медицинских университетов (РКАМУ), в котором',
      analyzer,
    );
    assert.equal(alias?.acronym, 'РКАМУ');
    assert.equal(alias?.expansion, 'Российско Китайской ассоциации медицинских университетов');
  });

  test('a Hindi acronym spelled with spaces', () => {
    const [alias] = findAliases('कल्याण सिंह सुपर स्पेशियलिटी कैंसर संस्थान (के एस एस एस सी आई)', analyzer);
    assert.equal(alias?.acronym, 'KSSSCI');
  });

  test('parentheses that hold no acronym give nothing', () => {
    assert.deepEqual(findAliases('the director (who spoke first) said (in 2023) that', analyzer), []);
  });
});
