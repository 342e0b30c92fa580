// Near misses: a question about a party the article does not mention, or a year it contradicts, is
// answered "not found" plus the collaboration the corpus does have, in the asker's language.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractiveAnswer, notFoundAnswer } from '../../src/answer/extractive.ts';
import { found, seedPassage, SEEDS } from './seeds.ts';

describe('near misses', () => {
  test('a wrong partner: not found, nothing cited, the closest collaboration named', () => {
    const q = 'Did IIT Kharagpur sign an MoU with AIIMS Delhi?';
    const answer = extractiveAnswer(q, found(q, [seedPassage(SEEDS.en)]));
    assert.equal(answer.found, false);
    assert.deepEqual(answer.citations, []);
    assert.equal(
      answer.answer,
      'I found nothing about that in the corpus.\nThe corpus has IIT Kharagpur – AIIMS Kalyani, 2023-07-01.',
    );
  });

  test('a wrong year: not found in the asker language, with the nearest line', () => {
    const q = '২০১৯ সালে আইআইটি খড়্গপুর আর এইমস কল্যাণীর মধ্যে কী চুক্তি হয়েছিল?';
    const answer = extractiveAnswer(q, found(q, [seedPassage(SEEDS.en)]));
    assert.equal(answer.found, false);
    assert.equal(answer.language, 'bn');
    assert.equal(
      answer.answer,
      'সংগ্রহে এ বিষয়ে আমি কিছু পাইনি।\nসংগ্রহে এর সবচেয়ে কাছাকাছি সহযোগিতাটি হল: IIT Kharagpur – AIIMS Kalyani, 2023-07-01।',
    );
  });

  test('the right partner and year are answered', () => {
    const q = 'What did IIT Kharagpur and AIIMS Kalyani agree in 2023?';
    assert.equal(extractiveAnswer(q, found(q, [seedPassage(SEEDS.en)])).found, true);
  });

  test("retrieval's nearest article is named when nothing was found", () => {
    const q = 'Какой вуз подписал соглашение о космической медицине?';
    const answer = extractiveAnswer(q, {
      question: q,
      passages: [],
      found: false,
      nearest: seedPassage(SEEDS.en).chunk,
    });
    assert.equal(
      answer.answer,
      'В корпусе я ничего об этом не нашёл.\nБлижайшее, что есть в корпусе: IIT Kharagpur – AIIMS Kalyani, 2023-07-01.',
    );
  });
});

describe('not found in four languages', () => {
  const cases: [string, string][] = [
    ['What about Mars?', 'I found nothing about that in the corpus.'],
    ['मंगल ग्रह के बारे में क्या?', 'संग्रह में इसके बारे में मुझे कुछ नहीं मिला।'],
    ['মঙ্গল গ্রহের কী খবর?', 'সংগ্রহে এ বিষয়ে আমি কিছু পাইনি।'],
    ['А что насчёт Марса?', 'В корпусе я ничего об этом не нашёл.'],
  ];
  for (const [question, text] of cases) {
    test(question, () => {
      const answer = notFoundAnswer(question);
      assert.equal(answer.answer, text);
      assert.equal(answer.found, false);
    });
  }
});
