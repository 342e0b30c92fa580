import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isListQuestion } from '../../src/retrieve/intent.ts';

describe('list questions', () => {
  test('recognised in the four languages', () => {
    for (const q of [
      'Which hospitals did HKUST sign MoUs with?',
      'Which collaborations involve Chinese institutions?',
      'What other agreements has IIT Kharagpur signed?',
      'List all the MoUs of RMLIMS',
      'Какие университеты подписали соглашение?',
      'С кем сотрудничает Сеченовский университет?',
      'किन अस्पतालों के साथ समझौते हुए?',
      'कौन-कौन से संस्थान शामिल हैं?',
      'কোন কোন হাসপাতালের সঙ্গে চুক্তি হয়েছে?',
    ]) {
      assert.equal(isListQuestion(q), true, q);
    }
  });

  test('single-answer questions are not lists', () => {
    for (const q of [
      'What does the KSSSCI MoU cover?',
      'On which day did IIT Kharagpur sign its agreement with AIIMS Kalyani?',
      'Who is the director of RMLIMS?',
      'Кто подписал коммюнике с российской стороны?',
      'आईआईटी खड़गपुर ने समझौता कब किया?',
      'কোর্স শেষ করলে শংসাপত্র কে দেবে?',
    ]) {
      assert.equal(isListQuestion(q), false, q);
    }
  });

  test('"which of these/those …" and "which of the <plural>" pick several', () => {
    for (const q of [
      'which of these mous mention AI',
      'Which of those deals cover nursing?',
      'Which of the hospitals joined?',
    ])
      assert.equal(isListQuestion(q), true, q);
    assert.equal(isListQuestion('Which of the two signed first, on which day?'), false);
  });
});
