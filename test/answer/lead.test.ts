// The first line of an extractive answer answers the question, in a form the asker reads, with its [n];
// the evidence follows, and an article in another language is named as such. Run on the seed articles.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractiveAnswer } from '../../src/answer/extractive.ts';
import { leadSentence, readableBy } from '../../src/eval/score.ts';
import { found, seedPassage, SEEDS } from './seeds.ts';

const ask = (question: string, file: string) => extractiveAnswer(question, found(question, [seedPassage(file)]));
const lead = (answer: { answer: string }) => leadSentence(answer.answer).trim();

describe('lead line: English questions about the non-English seeds', () => {
  test('Bengali article, how many: ASCII digits, then the quoted Bengali evidence after the language line', () => {
    const answer = ask('How many trainees will the IIT Kharagpur skills centre take in its first round?', SEEDS.bn);
    assert.equal(lead(answer), '150');
    const [first, note, evidence] = answer.answer.split('\n');
    assert.equal(first, '150 [1]');
    assert.match(note!, /^From a Bengali article \(Anandabazar Patrika, 2025-08-18\):$/);
    assert.match(evidence!, /“[^”]*১৫০[^”]*” \[1\]/);
    assert.equal(answer.language, 'en');
  });

  test('Hindi article, when: the date written out in English', () => {
    const answer = ask('On what date did the cancer institute sign its MoU with RMLIMS?', SEEDS.hi);
    assert.equal(lead(answer), '24 September');
  });

  test('Russian article, where: the place in Latin letters with the original', () => {
    const answer = ask('In which city did the council of the association meet?', SEEDS.ru);
    assert.equal(lead(answer), 'Guangzhou (Гуанчжоу)');
  });

  test('Russian article, who: a name transliterated, the side asked for', () => {
    const answer = ask('Who signed the communique for the Chinese side?', SEEDS.ru);
    assert.match(lead(answer), /^Yang Baofeng \(Ян Баофэн\)$/);
    assert.ok(readableBy('en', lead(answer).split(' (')[0]!));
  });
});

describe('lead line: Hindi, Bengali and Russian questions about an English seed', () => {
  test('Hindi, who: the Latin names are readable as they are', () => {
    const answer = ask('एमओयू पर हस्ताक्षर के समय कौन मौजूद थे?', SEEDS.en);
    assert.match(lead(answer), /Ramji Singh/);
    assert.ok(readableBy('hi', lead(answer)));
    assert.equal(answer.language, 'hi');
    assert.match(answer.answer, /अंग्रेज़ी भाषा के एक लेख से \(Press Trust of India \/ Careers360, 2023-07-01\):/);
  });

  test('Bengali, when: "on Saturday" resolved against the article date, in Bengali', () => {
    const answer = ask('আইআইটি খড়্গপুর আর এইমস কল্যাণীর চুক্তি কবে সই হয়?', SEEDS.en);
    assert.equal(lead(answer), 'শনিবার, ১ জুলাই ২০২৩');
  });

  test('Russian, how many: a number word becomes digits', () => {
    const answer = ask('Со сколькими больницами HKUST подписал меморандумы?', SEEDS.enHospitals);
    assert.equal(lead(answer), '3');
    assert.match(answer.answer, /Из статьи \(язык: английский; Mirage News/);
  });
});

describe('which and who questions that ask for several', () => {
  test('"which hospitals" lists the hospitals, and only hospitals', () => {
    const answer = ask('Which hospitals did HKUST sign MoUs with?', SEEDS.enHospitals);
    assert.equal(lead(answer), 'First Affiliated Hospital, Second Affiliated Hospital, Sir Run Run Shaw Hospital');
  });

  test('a role and its owner pick one person: the director of the institute the question names', () => {
    const answer = ask('केएसएसएससीआई के निदेशक कौन हैं?', SEEDS.hi);
    assert.equal(lead(answer), 'मदन लाल ब्रह्म भट्ट');
  });
});

describe('lead line: "what does it cover" about an article in another language', () => {
  test('English question, Hindi article: the areas in English, then the Hindi evidence after the language line', () => {
    const answer = ask('What does the cancer institute MoU cover?', SEEDS.hi);
    const first = lead(answer);
    assert.match(first, /^Areas: /);
    assert.match(first, /cancer care/);
    assert.match(first, /research/);
    assert.match(first, /prevention/);
    assert.ok(readableBy('en', first));
    assert.match(answer.answer, /From a Hindi article \(Sehat Times\):\n“/);
  });

  test('Russian question, Hindi article: the areas in Russian', () => {
    const answer = ask('Какие направления включает меморандум онкологического института?', SEEDS.hi);
    const first = lead(answer);
    assert.match(first, /^Направления: /);
    assert.match(first, /профилактика/);
    assert.ok(readableBy('ru', first));
  });

  test('same language: the best sentence itself answers first', () => {
    const answer = ask('What is the primary objective of the IIT Kharagpur and AIIMS Kalyani partnership?', SEEDS.en);
    assert.doesNotMatch(lead(answer), /^Areas:/);
    assert.match(lead(answer), /primary objective/);
  });
});

describe('lead line: list questions', () => {
  test('every article found is named on the first line, before any [n]; each is then quoted once', () => {
    const question = 'Which agreements mention research?';
    const answer = extractiveAnswer(question, found(question, [seedPassage(SEEDS.en), seedPassage(SEEDS.enHospitals)]));
    const [first] = answer.answer.split('\n');
    assert.match(lead(answer), /AIIMS Kalyani/);
    assert.match(lead(answer), /HKUST/);
    assert.match(first!, /\[1\] \[2\]$/);
    assert.deepEqual(
      answer.citations.map((c) => c.n),
      [1, 2],
    );
  });
});
