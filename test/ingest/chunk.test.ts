import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chunkArticle } from '../../src/ingest/chunk.ts';
import { loadCorpus } from '../../src/ingest/load.ts';
import { splitSentences } from '../../src/ingest/sentences.ts';
import type { Article, Chunk, ChunkOptions } from '../../src/ingest/types.ts';

function article(body: string, id = 'doc'): Article {
  return {
    id,
    path: `${id}.md`,
    title: 'Title',
    source: 'Source',
    language: 'en',
    institutions: [],
    body,
    contentHash: 'x',
  };
}

function assertExact(doc: Article, chunks: Chunk[]): void {
  chunks.forEach((chunk, i) => {
    assert.equal(doc.body.slice(chunk.start, chunk.end), chunk.text, `chunk ${i} offsets`);
    assert.equal(chunk.index, i);
    assert.equal(chunk.id, `${doc.id}#${i}`);
    assert.equal(chunk.docId, doc.id);
  });
}

/** Every chunk starts at a sentence start and ends at a sentence end of the body. */
function assertSentenceAligned(doc: Article, chunks: Chunk[]): void {
  const sentences = splitSentences(doc.body);
  const starts = new Set(sentences.map((s) => s.start));
  const ends = new Set(sentences.map((s) => s.end));
  for (const chunk of chunks) {
    assert.ok(starts.has(chunk.start), `chunk starts mid-sentence: "${chunk.text.slice(0, 30)}"`);
    assert.ok(ends.has(chunk.end), `chunk ends mid-sentence: "${chunk.text.slice(-30)}"`);
  }
}

function chunk(body: string, options: ChunkOptions): { doc: Article; chunks: Chunk[] } {
  const doc = article(body);
  const chunks = chunkArticle(doc, options);
  assertExact(doc, chunks);
  return { doc, chunks };
}

describe('chunkArticle', () => {
  test('Hindi: chunks end at the danda, never inside a sentence or after "डॉ." / "प्रो."', () => {
    const body = [
      'लखनऊ। प्रदेश में कैंसर देखभाल के लिए डॉ. आरएमएलआईएमएस और केएसएसएससीआई ने समझौता किया।',
      'निदेशक प्रो. सी.एम. सिंह ने इसकी जानकारी दी। यह सहयोग अनुसंधान को बढ़ाएगा।',
      'दोनों संस्थान मिलकर प्रशिक्षण देंगे। वैज्ञानिकों का आदान-प्रदान होगा।',
    ].join('\n\n');
    const { doc, chunks } = chunk(body, { size: 90, overlap: 0 });
    assert.ok(chunks.length >= 3);
    assertSentenceAligned(doc, chunks);
    for (const c of chunks) {
      assert.match(c.text, /।$/u);
      assert.doesNotMatch(c.text, /(डॉ|प्रो|सी|एम)\.$/u);
    }
  });

  test('Bengali: chunks end at the danda', () => {
    const body =
      'স্বাস্থ্য ক্ষেত্রে দক্ষ পেশাদার তৈরি করতে উদ্যোগী আইআইটি খড়্গপুর। এ বার বিশেষ প্রশিক্ষণের ব্যবস্থা করা হচ্ছে। ' +
      'এ জন্য গড়ে তোলা হবে একটি কেন্দ্র। প্রাথমিক ভাবে ১৫০ জনকে প্রশিক্ষণ দেওয়া হবে এখানে।';
    const { doc, chunks } = chunk(body, { size: 80, overlap: 0 });
    assert.ok(chunks.length >= 2);
    assertSentenceAligned(doc, chunks);
    for (const c of chunks) assert.match(c.text, /।$/u);
  });

  test('Russian: no chunk boundary after "г." or initials', () => {
    const first = 'Заседание прошло в 2023 г. В Гуанчжоу выступил академик П. В. Глыбочко.';
    const second = 'Стороны подписали коммюнике о сотрудничестве.';
    const { chunks } = chunk(`${first} ${second} ${second}`, { size: first.length + 5, overlap: 0 });
    assert.equal(chunks[0]!.text, first);
    for (const c of chunks) assert.doesNotMatch(c.text, /(г|П|В)\.$/u);
  });

  test('English: no chunk boundary after "Prof." or "Dr."', () => {
    const first = 'The delegation led by Prof. Nancy Ip met Dr. Ramji Singh.';
    const { chunks } = chunk(`${first} They signed an MoU. It runs for five years.`, {
      size: first.length + 3,
      overlap: 0,
    });
    assert.equal(chunks[0]!.text, first);
  });

  test('bullets end sentences: a chunk may end after any bullet, never inside one', () => {
    const body =
      'Key areas of collaboration:\n\n• joint research groups\n\n• student and faculty exchanges\n\n• clinical training programmes';
    const { doc, chunks } = chunk(body, { size: 60, overlap: 0 });
    assertSentenceAligned(doc, chunks);
    assert.ok(
      chunks.some((c) => c.text.endsWith('• joint research groups')),
      'a chunk ends right after a bullet without punctuation',
    );
  });

  test('overlap repeats the trailing whole sentences that fit in the overlap budget', () => {
    const sentences = Array.from({ length: 12 }, (_, i) => `Sentence number ${i} is here.`); // 27-28 chars each
    const body = sentences.join(' ');
    const overlap = 60;
    const { doc, chunks } = chunk(body, { size: 150, overlap });
    assertSentenceAligned(doc, chunks);
    const bodySentences = splitSentences(body);
    for (let i = 1; i < chunks.length; i++) {
      const previous = chunks[i - 1]!;
      const current = chunks[i]!;
      assert.ok(current.start < previous.end, 'consecutive chunks overlap');
      const repeated = body.slice(current.start, previous.end);
      assert.ok(repeated.length <= overlap, `overlap "${repeated}" is at most ${overlap} chars`);
      const firstRepeated = bodySentences.findIndex((s) => s.start === current.start);
      const oneMore = bodySentences[firstRepeated - 1]!;
      assert.ok(
        previous.end - oneMore.start > overlap || oneMore.start < previous.start,
        'as many whole sentences as fit',
      );
    }
    assert.equal(chunks.at(-1)!.end, body.length, 'the last sentence is covered');
  });

  test('without overlap, chunks are disjoint and cover every sentence', () => {
    const body = Array.from({ length: 10 }, (_, i) => `This is sentence ${i}.`).join(' ');
    const { doc, chunks } = chunk(body, { size: 70, overlap: 0 });
    for (let i = 1; i < chunks.length; i++) assert.ok(chunks[i]!.start >= chunks[i - 1]!.end);
    const covered = splitSentences(doc.body).every((s) => chunks.some((c) => c.start <= s.start && s.end <= c.end));
    assert.ok(covered);
    for (const c of chunks) assert.ok(c.text.length <= 70);
  });

  test('prefers to end at a paragraph boundary when one is close to the size', () => {
    const paragraph1 = 'The first paragraph has one sentence. And it has a second one too.'; // 66 chars
    const paragraph2 = 'Short one. Another short one. A third short one.';
    const body = `${paragraph1}\n\n${paragraph2}`;
    const { chunks } = chunk(body, { size: 85, overlap: 0 });
    assert.equal(chunks[0]!.text, paragraph1);
  });

  test('an over-long sentence is split at whitespace into pieces of at most `size`', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const body = `Short intro. ${words}. Short outro.`;
    const size = 50;
    const { doc, chunks } = chunk(body, { size, overlap: 0 });
    for (const c of chunks) {
      assert.ok(c.text.length <= size, `chunk of ${c.text.length} chars`);
      assert.doesNotMatch(c.text, /^\s|\s$/);
      const after = doc.body[c.end];
      assert.ok(
        after === undefined || /\s/.test(after),
        `cut at whitespace, not inside "${c.text.slice(-10)}${after}"`,
      );
    }
    assert.ok(chunks[0]!.text.startsWith('Short intro. word0'));
    assert.ok(chunks.at(-1)!.text.endsWith('word59. Short outro.'));
  });

  test('text without spaces is split between characters, never inside a grapheme', () => {
    const body = 'स्वास्थ्य'.repeat(30) + '।';
    const size = 40;
    const { chunks } = chunk(body, { size, overlap: 10 });
    assert.ok(chunks.length > 1);
    const pieces = chunks.filter((c, i) => i === 0 || c.start >= chunks[i - 1]!.end);
    assert.equal(pieces.map((c) => c.text).join(''), body, 'the pieces cover the sentence');
    for (const c of chunks) {
      assert.ok(c.text.length <= size);
      assert.doesNotMatch(c.text, /^\p{M}/u, 'no piece starts with a combining mark or virama');
      assert.doesNotMatch(c.text, /\u094D$/u, 'no piece ends with a virama (half a conjunct)');
    }
  });

  test('is deterministic and handles an empty body', () => {
    const body = 'One sentence here. Two sentences here.\n\nThird paragraph here.';
    assert.deepEqual(
      chunkArticle(article(body), { size: 30, overlap: 10 }),
      chunkArticle(article(body), { size: 30, overlap: 10 }),
    );
    assert.deepEqual(chunkArticle(article(''), { size: 30, overlap: 10 }), []);
  });

  test('rejects an overlap that is not smaller than the size', () => {
    assert.throws(() => chunkArticle(article('Text.'), { size: 100, overlap: 100 }), /overlap/);
    assert.throws(() => chunkArticle(article('Text.'), { size: 0, overlap: 0 }), /size/);
  });

  test('the curated corpus chunks within the default size with exact offsets', async () => {
    const corpusDir = fileURLToPath(new URL('../../corpus', import.meta.url));
    const { articles } = await loadCorpus(corpusDir);
    assert.ok(articles.length > 0);
    for (const doc of articles) {
      const chunks = chunkArticle(doc, { size: 700, overlap: 120 });
      assertExact(doc, chunks);
      assertSentenceAligned(doc, chunks);
      for (const c of chunks) assert.ok(c.text.length <= 700);
    }
  });
});

describe('chunkArticle on long input', () => {
  test('text without any whitespace is cut into pieces of at most `size`, covering it all', () => {
    const body = 'ক'.repeat(60_000);
    const { chunks } = chunk(body, { size: 500, overlap: 0 });
    assert.ok(chunks.every((c) => c.text.length <= 500 && c.text.length > 0));
    assert.equal(chunks.map((c) => c.text).join(''), body);
  });

  test('chunks of a long article are the same whether its paragraphs come alone or together', () => {
    const paragraph =
      'Prof. Rao signed the MoU with the hospital. The agreement runs for five years and covers training.';
    const body = Array.from({ length: 400 }, (_, i) => `${paragraph} Item ${i}.`).join('\n\n');
    const { chunks } = chunk(body, { size: 300, overlap: 60 });
    const { chunks: firstPart } = chunk(body.slice(0, body.indexOf('Item 9.') + 'Item 9.'.length), {
      size: 300,
      overlap: 60,
    });
    // The first chunks do not depend on how much text follows them.
    assert.deepEqual(chunks.slice(0, firstPart.length - 1), firstPart.slice(0, -1));
  });
});
