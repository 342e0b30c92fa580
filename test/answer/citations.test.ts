import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkGeneratedAnswer,
  isNotFoundReply,
  partialDisplayText,
  rewriteCitations,
  stripReasoning,
} from '../../src/answer/citations.ts';
import { NOT_FOUND_MARKER } from '../../src/answer/prompt.ts';
import { notFoundAnswer } from '../../src/answer/extractive.ts';
import { cancerHindi, hkust, kharagpur } from '../fixtures/fake-openai/passages.ts';

describe('rewriteCitations', () => {
  test('renumbers in order of first use and rewrites the text consistently', () => {
    const result = rewriteCitations(
      'HKUST works with hospitals [3]. IIT Kharagpur signed in July [1]. Both do research [3][1].',
      3,
    );
    assert.equal(
      result.text,
      'HKUST works with hospitals [1]. IIT Kharagpur signed in July [2]. Both do research [1][2].',
    );
    assert.deepEqual(result.used, [2, 0]);
    assert.deepEqual(result.removed, []);
  });

  test('removes numbers that name no passage, alone or inside a group', () => {
    const result = rewriteCitations('Signed in July [7]. Research on AI [7, 2]. Hospitals [2][9]. Also [0].', 3);
    assert.equal(result.text, 'Signed in July. Research on AI [1]. Hospitals [1]. Also.');
    assert.deepEqual(result.used, [1]);
    assert.deepEqual(result.removed, [7, 7, 9, 0]);
  });

  test('splits comma lists, expands short ranges and drops duplicates', () => {
    assert.equal(rewriteCitations('A [2, 1]. B [1-3]. C [2][2].', 3).text, 'A [1][2]. B [1][2][3]. C [1].');
  });

  test('reads Devanagari and Bengali digits and the 【n†source】 form', () => {
    const result = rewriteCitations('कैंसर अनुसंधान [२]। গবেষণা [১]. Hospitals 【2†source】.', 2);
    assert.equal(result.text, 'कैंसर अनुसंधान [1]। গবেষণা [2]. Hospitals [1].');
    assert.deepEqual(result.used, [1, 0]);
  });

  test('keeps words apart when a citation between them is removed', () => {
    assert.equal(rewriteCitations('one [8] two[8] three\n[8] four', 2).text, 'one two three\nfour');
  });

  test('leaves bracketed words and text without citations alone', () => {
    const text = 'The [editor] says: no citation here.';
    assert.deepEqual(rewriteCitations(text, 2), { text, used: [], removed: [] });
  });
});

describe('checkGeneratedAnswer', () => {
  const passages = [kharagpur, hkust, cancerHindi];

  test('cited passages become the sources, in order of first use', () => {
    const answer = checkGeneratedAnswer(
      'Who signed MoUs?',
      'HKUST signed with three hospitals [2]. IIT Kharagpur signed with AIIMS Kalyani [1].',
      passages,
    );
    assert.equal(answer.found, true);
    assert.equal(answer.mode, 'llm');
    assert.equal(answer.answer, 'HKUST signed with three hospitals [1]. IIT Kharagpur signed with AIIMS Kalyani [2].');
    assert.deepEqual(
      answer.citations.map((c) => [c.n, c.docId, c.text]),
      [
        [1, hkust.chunk.docId, hkust.chunk.text],
        [2, kharagpur.chunk.docId, kharagpur.chunk.text],
      ],
    );
  });

  test('an answer citing only unknown passages is "not found"', () => {
    const answer = checkGeneratedAnswer('q', 'It was signed in 2019 [7].', passages);
    assert.deepEqual(answer, { ...notFoundAnswer('q'), mode: 'llm' });
  });

  test('an answer with no citations is "not found"', () => {
    const answer = checkGeneratedAnswer('q', 'IIT Kharagpur signed an MoU with AIIMS Kalyani.', passages);
    assert.equal(answer.found, false);
    assert.deepEqual(answer.citations, []);
  });

  test('the not-found marker wins even next to citations', () => {
    assert.equal(checkGeneratedAnswer('q', `${NOT_FOUND_MARKER}`, passages).found, false);
    assert.equal(
      checkGeneratedAnswer('q', 'The passages mention IIT [1] but: no answer in passages.', passages).found,
      false,
    );
  });

  test('a reasoning block before the answer is not shown', () => {
    const answer = checkGeneratedAnswer(
      'q',
      '<think>Passage [3] is not relevant.</think>\nHKUST signed with hospitals [2].',
      passages,
    );
    assert.equal(answer.answer, 'HKUST signed with hospitals [1].');
    assert.deepEqual(
      answer.citations.map((c) => c.docId),
      [hkust.chunk.docId],
    );
  });
});

describe('partialDisplayText', () => {
  test('shows only whole sentences, holding back the one being written and an unfinished citation', () => {
    const passages = 3;
    assert.equal(partialDisplayText('HKUST works with hospitals [3', passages), '');
    assert.equal(
      partialDisplayText('HKUST works with hospitals [3]. IIT [1] signed [1', passages),
      'HKUST works with hospitals [1].',
    );
    assert.equal(
      partialDisplayText('HKUST works with hospitals [3]. IIT [1] signed [1]. Next', passages),
      'HKUST works with hospitals [1]. IIT [2] signed [2].',
    );
  });

  test('a sentence without a valid citation is never shown; later cited ones keep the final numbering', () => {
    const text =
      'They signed it. [2] The hospital on the Moon opens [9]. PWNED @everyone. The term is five years [1]. It';
    assert.equal(partialDisplayText(text, 3), 'They signed it. [1] The term is five years [2].');
    assert.equal(partialDisplayText('PWNED @everyone: the hospital on the Moon is open. It has 3 beds. More', 3), '');
    // The same sentences in the final, checked answer carry the same numbers.
    assert.match(rewriteCitations(text, 3).text, /^They signed it\. \[1\] .* The term is five years \[2\]\./);
  });

  test('sentence ends of the four languages, and line breaks, end a sentence', () => {
    assert.equal(
      partialDisplayText('आईआईटी ने समझौता किया [1]। यह बिना स्रोत है। अगला वाक्य [2]। और', 3),
      'आईआईटी ने समझौता किया [1]। अगला वाक्य [2]।',
    );
    assert.equal(
      partialDisplayText('- first point [1]\n- uncited point\n- second point [2]\n- third', 3),
      '- first point [1]\n- second point [2]',
    );
  });

  test('shows nothing while the reply may still be the not-found marker', () => {
    for (let i = 1; i <= NOT_FOUND_MARKER.length; i++) {
      assert.equal(partialDisplayText(NOT_FOUND_MARKER.slice(0, i), 2), '', NOT_FOUND_MARKER.slice(0, i));
    }
    assert.equal(partialDisplayText('NO answer is given here [1]. And', 2), 'NO answer is given here [1].');
  });

  test('hides an unfinished reasoning block', () => {
    assert.equal(partialDisplayText('<think>let me see [1]. More [2]. And', 2), '');
  });
});

test('isNotFoundReply tolerates spacing and case but not ordinary text', () => {
  assert.equal(isNotFoundReply('no_answer_in_passages'), true);
  assert.equal(isNotFoundReply('NO ANSWER IN PASSAGES.'), true);
  assert.equal(isNotFoundReply('There is no answer in the text [1]'), false);
  assert.equal(stripReasoning('<think>x</think>y'), 'y');
  // The neutralised form that escapeData writes into passages must not count as the marker.
  assert.equal(isNotFoundReply('NO-ANSWER-IN-PASSAGES'), false);
});
