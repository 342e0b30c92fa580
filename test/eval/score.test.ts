import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuestions, type EvalQuestion } from '../../src/eval/questions.ts';
import { containsText, leadSentence, readableBy, scoreItem, summarize } from '../../src/eval/score.ts';

const articles: Record<string, string> = {
  'hi.md': 'केएसएसएससीआई और आरएमएलआईएमएस ... प्रो. सी.एम. सिंह',
  'ru.md': 'Совет РКАМУ в Гуанчжоу',
  'en.md': 'HKUST and Sir Run Run Shaw Hospital',
};
const text = (docId: string) => articles[docId] ?? '';
const q = (over: Partial<EvalQuestion>): EvalQuestion => ({
  id: 'q',
  lang: 'en',
  question: 'Q?',
  expect: ['РКАМУ'],
  facts: [],
  answerable: true,
  ...over,
});
const cite = (...docIds: string[]) => docIds.map((docId) => ({ docId, text: text(docId) }));

describe('eval scoring (../shared/eval/README.md)', () => {
  test('the right article is recognised by a marker in its text, at its doc-level rank', () => {
    const s = scoreItem(q({}), { answer: '', found: true, citations: cite('en.md', 'en.md', 'ru.md') }, 5, text);
    assert.equal(s.firstRightRank, 2); // en.md cited twice counts once
    assert.equal(s.recallAt1, 0);
    assert.equal(s.recallAtK, 1);
    assert.equal(s.reciprocalRank, 0.5);
  });

  test('a list question needs each marker matched within k; at k = 1 one marker suffices', () => {
    const list = q({ expect: ['РКАМУ', 'Run Run Shaw'] });
    const one = scoreItem(list, { answer: '', found: true, citations: cite('ru.md') }, 5, text);
    assert.equal(one.recallAtK, 0.5);
    assert.equal(one.recallAt1, 1);
    const both = scoreItem(list, { answer: '', found: true, citations: cite('ru.md', 'en.md') }, 5, text);
    assert.equal(both.recallAtK, 1);
  });

  test('facts count when some alternative is in the answer or a cited passage', () => {
    const item = q({ facts: [['Guangzhou'], ['Гуанчжоу'], ['70']] });
    const s = scoreItem(item, { answer: 'They met in guangzhou [1].', found: true, citations: cite('ru.md') }, 5, text);
    assert.equal(s.factsMatched, 2);
    assert.deepEqual(s.missingFacts, [['70']]);
  });

  test('answer-level facts: in the answer itself, in its first sentence, and readable by the asker', () => {
    const item = q({ lang: 'en', facts: [['Гуанчжоу', 'Guangzhou'], ['РКАМУ', 'RCAMU'], ['70']] });
    const answer = 'The council met in Гуанчжоу [1]. It has more than 70 members and RCAMU leads it [1].';
    const s = scoreItem(item, { answer, found: true, citations: cite('ru.md') }, 5, text);
    assert.equal(s.answerFacts, 3);
    assert.equal(s.leadFacts, 1); // only Гуанчжоу is before the first [n]
    assert.equal(s.readableFacts, 2); // Гуанчжоу is Cyrillic: an English asker cannot read it; RCAMU and 70 they can
    const notFound = scoreItem(item, { answer: 'Гуанчжоу', found: false, citations: [] }, 5, text);
    assert.equal(notFound.answerFacts, 0);
    const sum = summarize([s, notFound], 5);
    assert.equal(sum.answerFacts, 3 / 6);
    assert.equal(sum.falseNotFound, 1);
    assert.equal(sum.falseNotFoundRate, 0.5);
  });

  test('the lead sentence ends at the first citation marker, or at the first sentence end without one', () => {
    assert.equal(leadSentence('On 24 September [1]. More [2].'), 'On 24 September ');
    assert.equal(leadSentence('२४ सितंबर को। फिर'), '२४ सितंबर को।');
    assert.equal(leadSentence('no end'), 'no end');
  });

  test("readable: the asker's script, Latin for a non-English asker, or no letters at all", () => {
    assert.ok(readableBy('hi', 'सी.एम. सिंह'));
    assert.ok(readableBy('hi', 'C.M. Singh'));
    assert.ok(!readableBy('en', 'सी.एम. सिंह'));
    assert.ok(readableBy('en', '১৫০'));
    assert.ok(!readableBy('bn', 'Гуанчжоу'));
    assert.ok(readableBy('ru', 'Гуанчжоу'));
  });

  test('an unanswerable question is right only with found=false and no citations', () => {
    const u = q({ expect: [], answerable: false });
    assert.equal(scoreItem(u, { answer: 'none', found: false, citations: [] }, 5, text).notFoundCorrect, true);
    assert.equal(scoreItem(u, { answer: 'x', found: true, citations: cite('en.md') }, 5, text).notFoundCorrect, false);
    assert.equal(scoreItem(u, { answer: 'x', found: false, citations: cite('en.md') }, 5, text).notFoundCorrect, false);
  });

  test('summary: means over answerable items, pooled facts, not-found accuracy over unanswerable ones', () => {
    const items = [
      scoreItem(
        q({ id: 'a', facts: [['Run Run Shaw']] }),
        { answer: '', found: true, citations: cite('en.md', 'ru.md') },
        5,
        text,
      ),
      scoreItem(
        q({ id: 'b', expect: ['РКАМУ'], facts: [['x'], ['Совет']] }),
        { answer: '', found: true, citations: cite('ru.md') },
        5,
        text,
      ),
      scoreItem(q({ id: 'c', expect: [], answerable: false }), { answer: '', found: false, citations: [] }, 5, text),
      scoreItem(
        q({ id: 'd', expect: [], answerable: false }),
        { answer: '', found: true, citations: cite('en.md') },
        5,
        text,
      ),
    ];
    const s = summarize(items, 5);
    assert.deepEqual(
      { r1: s.recallAt1, r5: s.recallAtK, mrr: s.mrr, facts: s.factCoverage, nf: s.notFoundAccuracy },
      { r1: 0.5, r5: 1, mrr: 0.75, facts: 2 / 3, nf: 0.5 },
    );
  });

  test('text matching ignores case, width and zero-width characters', () => {
    assert.ok(containsText('Sir RUN\u200B Run Shaw', 'run run shaw'));
    assert.ok(!containsText('Run Shaw', 'Run Run Shaw'));
  });
});

describe('question files', () => {
  test('a valid file parses', () => {
    const qs = parseQuestions(
      '{"id":"a","lang":"en","question":"Q?","expect":["x"],"facts":[["y"]],"answerable":true}\n\n',
      'f.jsonl',
    );
    assert.equal(qs.length, 1);
  });

  test('errors name the file, the line and the field', () => {
    assert.throws(() => parseQuestions('{"id":"a"', 'f.jsonl'), /f\.jsonl:1: not valid JSON/);
    assert.throws(
      () =>
        parseQuestions('{"id":"a","lang":"en","question":"Q?","expect":[],"facts":[],"answerable":"yes"}', 'f.jsonl'),
      /f\.jsonl:1: field "answerable"/,
    );
    const line = '{"id":"a","lang":"en","question":"Q?","expect":["x"],"facts":[],"answerable":true}';
    assert.throws(() => parseQuestions(`${line}\n${line}`, 'f.jsonl'), /f\.jsonl:2: duplicate id "a"/);
    assert.throws(
      () =>
        parseQuestions('{"id":"a","lang":"en","question":"Q?","expect":[],"facts":[],"answerable":true}', 'f.jsonl'),
      /needs at least one "expect"/,
    );
    assert.throws(() => parseQuestions('\n', 'f.jsonl'), /no questions/);
  });
});
