import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import MiniSearch from 'minisearch';
import { FIELDS, FIELD_BOOSTS, analyzeDocument, buildLexicalIndex, groupByDocument } from '../../src/index/lexical.ts';
import { KEY_PREFIX, createAnalyzer } from '../../src/text/analyze.ts';
import { storedChunks } from '../retrieve/snapshot.ts';

const chunks = [
  ...storedChunks({
    id: 'hindi-cancer',
    title: 'कैंसर संस्थान और लोहिया संस्थान के बीच एमओयू',
    language: 'hi',
    institutions: ['Kalyan Singh Super Speciality Cancer Institute (KSSSCI)'],
    chunks: [
      'केएसएसएससीआई और आरएमएलआईएमएस ने समझौता ज्ञापन पर हस्ताक्षर किए।',
      'निदेशक प्रो. सी.एम. सिंह ने कहा कि अनुसंधान बढ़ेगा।',
    ],
  }),
  ...storedChunks({
    id: 'bengali-skills',
    title: 'আইআইটি খড়্গপুরের নয়া উদ্যোগ',
    language: 'bn',
    chunks: ['ইন্ডিয়ান ইনস্টিটিউট অফ টেকনোলজি (আইআইটি) খড়্গপুর। প্রাথমিক ভাবে ১৫০ জনকে প্রশিক্ষণ দেওয়া হবে।'],
  }),
  ...storedChunks({
    id: 'russian-council',
    title: 'Медвузы России и КНР договорились о сотрудничестве',
    language: 'ru',
    chunks: ['Шестого июля в Гуанчжоу состоялось заседание. Документ подписал академик Петр Глыбочко.'],
  }),
  ...storedChunks({
    id: 'english-hkust',
    title: 'HKUST signs MoUs with hospitals',
    language: 'en',
    chunks: ['The Hong Kong University of Science and Technology (HKUST) signed MoUs with three hospitals.'],
  }),
];

const top = (index: ReturnType<typeof buildLexicalIndex>, query: string) => index.search(query, 3)[0]?.chunk.docId;

describe('lexical index (BM25 over cross-script terms)', () => {
  const index = buildLexicalIndex(chunks);

  test('Latin acronyms find their Devanagari and Bengali spellings', () => {
    assert.equal(top(index, 'KSSSCI'), 'hindi-cancer');
    assert.equal(top(index, 'RMLIMS director'), 'hindi-cancer');
    assert.equal(top(index, 'IIT Kharagpur training'), 'bengali-skills');
  });

  test('names match across scripts', () => {
    assert.equal(top(index, 'Glybochko'), 'russian-council');
    assert.equal(top(index, 'Guangzhou'), 'russian-council');
  });

  test('native digits match ASCII digits', () => {
    assert.equal(top(index, '150'), 'bengali-skills');
  });

  test('front-matter institutions are aliases of every chunk of their article', () => {
    // The second chunk says neither the long name nor the acronym.
    const hits = index
      .search('Kalyan Singh Super Speciality Cancer Institute', 10)
      .filter((h) => h.chunk.docId === 'hindi-cancer');
    assert.deepEqual(hits.map((h) => h.chunk.index).sort(), [0, 1]);
  });

  test('a long name spelled out in a question also searches for the acronym an article defines', () => {
    const hits = index.search('Indian Institute of Technology', 5);
    assert.equal(hits[0]?.chunk.docId, 'bengali-skills');
    assert.ok(hits[0]?.matchedTerms?.includes('iit'), String(hits[0]?.matchedTerms));
  });

  test('hits report the query terms they matched', () => {
    const [hit] = index.search('HKUST hospitals', 1);
    assert.equal(hit?.chunk.docId, 'english-hkust');
    assert.ok(hit?.matchedTerms?.includes('hkust'));
  });

  test('k limits the hits; no match gives none', () => {
    assert.equal(index.search('MoU', 1).length, 1);
    assert.deepEqual(index.search('zzzz qqqq', 5), []);
    assert.deepEqual(index.search('KSSSCI', 0), []);
  });

  test('scores like the MiniSearch BM25 it replaced, for the same fields and boosts', () => {
    // The reference: MiniSearch 7 over the same analyzed fields (what src/index/lexical.ts used before).
    const analyzer = createAnalyzer();
    const docs = groupByDocument(chunks).flatMap((list) =>
      analyzeDocument(list, analyzer).chunks.map((c) => ({
        id: c.chunkId,
        ...Object.fromEntries(FIELDS.map((f, i) => [f, c.fields[i]!.join(' ')])),
      })),
    );
    const split = (text: string) => (text === '' ? [] : text.split(' '));
    const reference = new MiniSearch({
      idField: 'id',
      fields: [...FIELDS],
      tokenize: split,
      processTerm: (t: string) => t,
    });
    reference.addAll(docs);
    const boost = Object.fromEntries(FIELDS.map((f, i) => [f, FIELD_BOOSTS[i]!]));
    for (const query of [
      'KSSSCI director',
      'Glybochko Guangzhou',
      'IIT Kharagpur 150',
      'HKUST hospitals MoU',
      'निदेशक अनुसंधान',
    ]) {
      const terms = analyzer.queryTerms(query);
      const expected = reference
        .search(terms.join(' '), { boost, prefix: (t: string) => t.startsWith(KEY_PREFIX) && t.length > 4 })
        .slice(0, 5)
        .map((h) => [h.id, h.score.toFixed(6)]);
      const actual = index.search(query, 5).map((h) => [h.chunk.id, h.score.toFixed(6)]);
      assert.deepEqual(actual, expected, query);
    }
  });
});
