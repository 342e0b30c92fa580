import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../src/text/analyze.ts';

const analyzer = createAnalyzer();
const shared = (a: string, b: string) => {
  const x = new Set(analyzer.queryTerms(a));
  return analyzer.queryTerms(b).filter((t) => x.has(t));
};

describe('analyzer: one set of terms for questions and articles in every script', () => {
  test('an English question meets a Bengali article through the acronym and the transliterated name', () => {
    const common = shared('IIT Kharagpur', 'আইআইটি খড়্গপুরের উদ্যোগ');
    assert.ok(common.includes('iit'), common.join(' '));
    assert.ok(
      common.some((t) => t.startsWith('~')),
      common.join(' '),
    );
  });

  test('a Russian name meets its Latin spelling', () => {
    assert.ok(shared('Glybochko', 'академик РАН Петр Глыбочко').some((t) => t.startsWith('~')));
  });

  test('nationalities meet across languages through concepts', () => {
    assert.ok(shared('Chinese institutions', 'китайских университетов').includes('#china'));
    assert.ok(shared('agreement', 'समझौता ज्ञापन').includes('#agreement'));
  });

  test('job titles and "time" are generic words in every language, never a named party', () => {
    const words = analyzer.words('Superintendent कार्यकारी এগজিকিউটিভ अधीक्षक সময় время Dean');
    for (const w of words) assert.equal(w.generic, true, w.raw);
    assert.ok(shared('Medical Superintendent', 'चिकित्सा अधीक्षक').includes('#superintendent'));
  });

  test('digits match across scripts', () => {
    assert.ok(shared('150 people', '১৫০ জনকে').includes('150'));
  });

  test('acronym plurals and possessives keep the acronym', () => {
    assert.ok(analyzer.queryTerms('MoUs').includes('mou'));
    assert.ok(analyzer.queryTerms('HKUST’s plan').includes('hkust'));
  });

  test('stopwords in all four languages are not terms', () => {
    assert.deepEqual(analyzer.queryTerms('what is the of और के বা и'), []);
  });

  test('analyzer.terms gives shared terms for comparing a question with a passage in another script', () => {
    const question = new Set(createAnalyzer().terms('When did IIT Kharagpur start the course?'));
    assert.ok(
      createAnalyzer()
        .terms('আইআইটি খড়্গপুর')
        .some((t) => question.has(t)),
    );
  });
});

describe('inflected Bengali questions meet their uninflected form', () => {
  const analyzer = createAnalyzer();
  const content = (text: string) =>
    analyzer
      .words(text)
      .filter((w) => !w.stopword)
      .flatMap((w) => w.terms);
  test('a genitive name: এইমস কল্যাণীর চুক্তি = এইমস কল্যাণী চুক্তি', () => {
    assert.deepEqual(content('এইমস কল্যাণীর চুক্তি'), content('এইমস কল্যাণী চুক্তি'));
  });
  test('an inflected question word: কতজনকে and কত জনকে leave the same content terms', () => {
    assert.deepEqual(
      content('কতজনকে প্রশিক্ষণ দেওয়া হবে'),
      content('কত জনকে প্রশিক্ষণ দেওয়া হবে').filter((t) => t !== 'জন'),
    );
  });
});
