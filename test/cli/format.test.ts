import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAnswerText } from '../../src/cli/format.ts';
import type { Answer, Citation } from '../../src/answer/types.ts';

const citation = (n: number, docId: string, text: string): Citation => ({
  n,
  docId,
  path: `${docId}.md`,
  title: `Title ${docId}`,
  source: 'Wire',
  date: '2024-01-02',
  language: 'en',
  text,
  score: 0.5,
});

describe('formatAnswerText', () => {
  test('names each article once, with its cited passages under it, in the asker language', () => {
    const answer: Answer = {
      question: 'कब?',
      answer: '2 जनवरी [1]\n“…” [1] “…” [2] “…” [3]',
      found: true,
      citations: [
        citation(1, 'a', 'First passage of a.'),
        citation(2, 'b', 'Passage of b.'),
        citation(3, 'a', 'Second passage of a.'),
      ],
      language: 'hi',
      mode: 'extractive',
    };
    const text = formatAnswerText(answer);
    assert.match(
      text,
      /\n\nस्रोत:\nTitle a — Wire, 2024-01-02\n {2}\[1\] First passage of a\.\n {2}\[3\] Second passage of a\.\nTitle b — Wire, 2024-01-02\n {2}\[2\] Passage of b\.$/,
    );
  });

  test('a not-found answer has no sources heading', () => {
    const answer: Answer = {
      question: 'q',
      answer: 'В корпусе я ничего об этом не нашёл.',
      found: false,
      citations: [],
      language: 'ru',
      mode: 'extractive',
    };
    assert.equal(formatAnswerText(answer), 'В корпусе я ничего об этом не нашёл.');
  });
});
