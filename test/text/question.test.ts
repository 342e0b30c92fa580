import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseQuestion, type AnswerType } from '../../src/text/question.ts';
import { isListQuestion } from '../../src/retrieve/intent.ts';
import { detectLanguage } from '../../src/ingest/language.ts';
import { toLanguage } from '../../src/i18n/index.ts';

const analyse = (q: string) => analyseQuestion(q, toLanguage(detectLanguage(q)), isListQuestion(q));

describe('analyseQuestion', () => {
  const cases: [string, AnswerType, string][] = [
    // English, formal and chat-style
    ['Who heads the new nursing college?', 'who', 'en'],
    ['when was the pune mou signed', 'when', 'en'],
    ['On what date did the two institutes sign?', 'when', 'en'],
    ['where did the delegation meet', 'where', 'en'],
    ['how many students join each year', 'how-many', 'en'],
    ['Is the centre open to foreign students?', 'yes-no', 'en'],
    ['What does the agreement cover?', 'what', 'en'],
    ['Which agreements involve Japanese universities?', 'list', 'en'],
    // Hindi, also romanized
    ['समझौते पर किसने हस्ताक्षर किए?', 'who', 'hi'],
    ['यह समझौता कब हुआ', 'when', 'hi'],
    ['बैठक कहाँ हुई?', 'where', 'hi'],
    ['कितने छात्रों को प्रशिक्षण मिलेगा?', 'how-many', 'hi'],
    ['क्या यह केंद्र सभी के लिए खुला है?', 'yes-no', 'hi'],
    ['pune wale mou ke director kaun hai', 'who', 'en'],
    // Bengali
    ['চুক্তিতে কে সই করেছেন?', 'who', 'bn'],
    ['প্রথম ক্লাস কবে শুরু হবে', 'when', 'bn'],
    ['সভা কোথায় হয়েছিল?', 'where', 'bn'],
    ['কতজন প্রশিক্ষণ পাবেন?', 'how-many', 'bn'],
    ['এই কোর্স কি শুধু ছাত্রীদের জন্য?', 'yes-no', 'bn'],
    // Russian
    ['кто подписал соглашение', 'who', 'ru'],
    ['Когда открылся центр?', 'when', 'ru'],
    ['Где прошла встреча?', 'where', 'ru'],
    ['Сколько студентов примут?', 'how-many', 'ru'],
    ['Есть ли у центра филиалы?', 'yes-no', 'ru'],
    ['Соглашение подписали в Казани?', 'yes-no', 'ru'],
    ['Центр откроют только для студентов?', 'yes-no', 'ru'],
    ['Что подписали в Казани?', 'what', 'ru'],
    ['Какие соглашения подписал институт?', 'list', 'ru'],
  ];
  for (const [question, type, language] of cases) {
    test(`${type}: ${question}`, () => {
      const analysis = analyse(question);
      assert.equal(analysis.type, type);
      assert.equal(analysis.language, language);
    });
  }

  test('who and which ask for an organisation when they name a kind of organisation', () => {
    assert.equal(analyse('Which foundation supports the new course?').wants, 'organisation');
    assert.equal(analyse('কোন হাসপাতালে প্রশিক্ষণ হবে?').wants, 'organisation');
    assert.equal(analyse('Какая организация выдаёт сертификаты?').wants, 'organisation');
    assert.equal(analyse('Who signed for the hospital?').wants, 'person');
  });

  test('the span kind follows the type', () => {
    assert.equal(analyse('when did they sign').wants, 'date');
    assert.equal(analyse('where was it signed').wants, 'place');
    assert.equal(analyse('how many nurses').wants, 'number');
    assert.equal(analyse('What does it cover?').wants, 'text');
  });

  test('a year the question names is a constraint', () => {
    assert.equal(analyse('What did the two institutes sign in 2019?').year, 2019);
    assert.equal(analyse('২০২১ সালে কী চুক্তি হয়েছিল?').year, 2021);
    assert.equal(analyse('What did they sign?').year, undefined);
  });
});
