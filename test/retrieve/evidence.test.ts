// Named entities need strength: a short phonetic key shared by unrelated names is not a match, a
// transliteration of the same name is.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../src/text/analyze.ts';
import { toLatin } from '../../src/text/transliterate.ts';
import { MATCH_STRENGTH, abbreviates, isShortForm, similarity, strengthIn } from '../../src/retrieve/evidence.ts';

const analyzer = createAnalyzer();
const word = (text: string) => analyzer.words(text).find((w) => !w.stopword)!;

/** The terms and Latin spellings of an "article" made of `text`, as evidence.ts builds them. */
function article(text: string) {
  const terms = new Set<string>();
  const latinByKey = new Map<string, Set<string>>();
  for (const w of analyzer.words(text)) {
    for (const t of [...w.terms, ...w.keys, ...w.concepts]) terms.add(t);
    for (const key of w.keys)
      latinByKey.set(key, new Set([...(latinByKey.get(key) ?? []), toLatin(w.folded, w.script)]));
  }
  return { terms, latinByKey };
}

const strength = (question: string, text: string) => {
  const a = article(text);
  return strengthIn(word(question), a.terms, a.latinByKey);
};

describe('named-entity strength', () => {
  test('unrelated names that share consonants are not a full match', () => {
    assert.ok(strength('Chennai', 'An agreement with a university in China.') < MATCH_STRENGTH.full);
    assert.ok(strength('Patna', 'Putin met the delegation.') < MATCH_STRENGTH.full);
    assert.ok(strength('Путин', 'AIIMS Patna signed it.') < MATCH_STRENGTH.full);
  });

  test('the same name in another script, or inflected, is a full match', () => {
    assert.equal(strength('কল্যাণীর', 'IIT Kharagpur and AIIMS Kalyani signed.'), MATCH_STRENGTH.full);
    assert.equal(strength('Харагпуре', 'IIT Kharagpur signed.'), MATCH_STRENGTH.full);
    assert.equal(strength('खड़गपुर', 'IIT Kharagpur signed.'), MATCH_STRENGTH.full);
    assert.equal(strength('Kalyani', 'এইমস কল্যাণীর সঙ্গে চুক্তি'), MATCH_STRENGTH.full);
  });

  test('a name missing altogether has no strength', () => {
    assert.equal(strength('Bhubaneswar', 'IIT Kharagpur and AIIMS Kalyani signed.'), 0);
  });

  test('similarity is 1 - edit distance / length', () => {
    assert.equal(similarity('kalyani', 'kalyani'), 1);
    assert.ok(similarity('chennai', 'china') < 0.75);
    assert.ok(similarity('kalyanira', 'kalyani') >= 0.75);
  });
});

describe('named-entity strength across transcription conventions', () => {
  test('a short-keyed name spelled by another convention is a full match (Bengali ঝেজিয়াং = Zhejiang)', () => {
    assert.equal(strength('ঝেজিয়াংয়ের', 'Zhejiang University School of Medicine'), MATCH_STRENGTH.full);
    assert.equal(strength('Zhejiang', 'ঝেজিয়াং বিশ্ববিদ্যালয়ের সঙ্গে চুক্তি'), MATCH_STRENGTH.full);
  });

  test('a Russian adjective made from a name meets the name (Чжэцзянского = Zhejiang, Харагпурского = Kharagpur)', () => {
    assert.equal(strength('Чжэцзянского', 'Zhejiang University School of Medicine'), MATCH_STRENGTH.full);
    assert.equal(strength('Харагпурского', 'IIT Kharagpur signed.'), MATCH_STRENGTH.full);
  });

  test('unrelated short names still differ once the conventions are undone', () => {
    assert.ok(strength('Chennai', 'An agreement with a university in China.') < MATCH_STRENGTH.full);
    assert.ok(strength('Patna', 'Putin met the delegation.') < MATCH_STRENGTH.full);
  });
});

describe('concepts: loanwords', () => {
  test('the English loanword for training (ট্রেনিং, ट्रेनिंग) expresses training like প্রশিক্ষণ and प्रशिक्षण', () => {
    for (const loan of ['ট্রেনিং', 'ট্রেনিংয়ের', 'ट्रेनिंग']) assert.ok(word(loan).concepts.includes('#training'), loan);
    assert.ok(word('প্রশিক্ষণ').concepts.includes('#training'));
  });

  test('"advanced" meets its translations (উন্নত, उन्नत, передовые) and stays a generic word', () => {
    for (const form of ['advanced', 'উন্নত', 'उन्नत', 'передовые'])
      assert.ok(word(form).concepts.includes('#advanced'), form);
    assert.equal(word('উন্নত').generic, true);
  });
});

describe('chat short forms (kgp, BBSR)', () => {
  test('a consonant short form meets the one long name it abbreviates, in any script', () => {
    assert.equal(strength('dpr', 'IIT Dorapur signed an agreement.'), MATCH_STRENGTH.full);
    assert.equal(strength('DPR', 'IIT Dorapur signed an agreement.'), MATCH_STRENGTH.full);
    assert.equal(strength('dpr', 'আইআইটি দোরাপুরের সঙ্গে চুক্তি'), MATCH_STRENGTH.full);
    assert.equal(strength('vlmnt', 'Velmont Hospital joined.'), MATCH_STRENGTH.full);
  });

  test('unrelated names with other consonants, or in another order, are no match', () => {
    assert.equal(strength('dpr', 'The Darpan portal was launched.'), 0);
    assert.equal(strength('kgp', 'Kingston University signed.'), 0);
    assert.equal(strength('dpr', 'Padrauna hospital signed.'), 0);
  });

  test('two letters, a word with vowels or a short name are not short forms', () => {
    assert.equal(isShortForm(word('dp')), false);
    assert.equal(isShortForm(word('dor')), false);
    assert.equal(isShortForm(word('kgp')), true);
    assert.equal(strength('dp', 'IIT Dorapur signed an agreement.'), 0);
    // A short form needs a long name (LONG_KEY consonant sounds): "Dipur" only shares its short key.
    assert.ok(strength('dpr', 'Dipur signed.') < MATCH_STRENGTH.full);
  });

  test('abbreviates: same first letter, letters in order', () => {
    assert.equal(abbreviates('bbsr', 'bhubaneswar'), true);
    assert.equal(abbreviates('bbsr', 'abubaneswar'), false);
    assert.equal(abbreviates('kgp', 'kalpag'), false);
  });
});
