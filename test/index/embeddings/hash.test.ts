import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HashEmbeddings } from '../../../src/index/embeddings/hash.ts';

const cosine = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
const norm = (a: number[]) => Math.sqrt(cosine(a, a));

// Per language: two texts about the same collaboration (different wording and inflection) and one unrelated.
const SAMPLES = {
  en: [
    'IIT Kharagpur signed a memorandum of understanding with AIIMS Kalyani to train healthcare workers.',
    'AIIMS Kalyani and IIT Kharagpur agreed on a training programme for healthcare workers.',
    'Heavy rain flooded several streets of the city on Monday evening.',
  ],
  hi: [
    'केएसएसएससीआई और आरएमएलआईएमएस ने कैंसर अनुसंधान के लिए समझौता ज्ञापन पर हस्ताक्षर किए।',
    'कैंसर अनुसंधान पर आरएमएलआईएमएस और केएसएसएससीआई के बीच समझौता हुआ।',
    'दिल्ली में आज तेज बारिश हुई और कई सड़कों पर पानी भर गया।',
  ],
  bn: [
    'আইআইটি খড়্গপুর এইমস কল্যাণীর সঙ্গে স্বাস্থ্যকর্মীদের প্রশিক্ষণের জন্য চুক্তি করেছে।',
    'এইমস কল্যাণী ও আইআইটি খড়্গপুরের চুক্তিতে স্বাস্থ্যকর্মীদের প্রশিক্ষণ দেওয়া হবে।',
    'কলকাতায় আজ ভারী বৃষ্টিতে শহরের বহু রাস্তা জলমগ্ন হয়েছে।',
  ],
  ru: [
    'Сеченовский университет подписал меморандум о сотрудничестве с китайскими медицинскими вузами.',
    'Меморандум о сотрудничестве Сеченовского университета и медицинских вузов Китая.',
    'В понедельник вечером сильный дождь затопил несколько улиц города.',
  ],
} as const;

describe('HashEmbeddings', () => {
  const embedder = new HashEmbeddings({ dimensions: 768 });

  test('is deterministic across calls and instances, and symmetric (query = document)', async () => {
    const text = SAMPLES.ru[0];
    const [first] = await embedder.embedDocuments([text]);
    const second = await new HashEmbeddings({ dimensions: 768 }).embedQuery(text);
    assert.deepEqual(second, first);
    assert.deepEqual(await embedder.embedQuery(text), first);
  });

  test('returns vectors of the configured dimension, and its id encodes version and dimension', async () => {
    for (const dimensions of [64, 768, 1024]) {
      const other = new HashEmbeddings({ dimensions });
      const [vector] = await other.embedDocuments([SAMPLES.en[0]]);
      assert.equal(vector!.length, dimensions);
      assert.equal(other.info.dimension, dimensions);
      assert.equal(other.info.kind, 'hash');
      assert.match(other.info.id, new RegExp(`^hash-v\\d+-${dimensions}-`));
    }
    assert.notEqual(new HashEmbeddings({ dimensions: 64 }).info.id, embedder.info.id);
    assert.equal(new HashEmbeddings({ dimensions: 768 }).info.id, embedder.info.id);
  });

  test('rejects a dimension that is not a positive integer, naming the setting', () => {
    for (const dimensions of [0, -3, 1.5, Number.NaN]) {
      assert.throws(() => new HashEmbeddings({ dimensions }), /dimensions must be a positive integer.*HASH_DIMENSIONS/);
    }
  });

  test('vectors have unit L2 norm in every script; text without letters or digits gives the zero vector', async () => {
    const texts = Object.values(SAMPLES).flat();
    for (const vector of await embedder.embedDocuments(texts)) {
      assert.ok(Math.abs(norm(vector) - 1) < 1e-9, `norm ${norm(vector)}`);
      assert.ok(vector.every(Number.isFinite));
    }
    const empty = await embedder.embedQuery(' ?!… — ');
    assert.ok(empty.every((x) => x === 0));
  });

  for (const [language, [text, paraphrase, unrelated]] of Object.entries(SAMPLES)) {
    test(`a rewording is closer than an unrelated text (${language})`, async () => {
      const [a, b, c] = await embedder.embedDocuments([text, paraphrase, unrelated]);
      const similar = cosine(a!, b!);
      const different = cosine(a!, c!);
      assert.ok(similar > different + 0.2, `similar ${similar.toFixed(3)} vs unrelated ${different.toFixed(3)}`);
    });
  }

  test('shares features across inflections (Russian case endings, Hindi/Bengali suffixes)', async () => {
    const pairs: [string, string, string][] = [
      ['университет', 'университета', 'больница'],
      ['Сеченовского', 'Сеченовский', 'Пекинский'],
      ['खड़गपुर', 'खड़गपुरके', 'कल्याणी'],
      ['খড়্গপুরের', 'খড়্গপুর', 'কল্যাণী'],
    ];
    for (const [word, inflected, other] of pairs) {
      const [a, b, c] = await embedder.embedDocuments([word, inflected, other]);
      assert.ok(cosine(a!, b!) > cosine(a!, c!) + 0.3, `${word} ~ ${inflected} should beat ${other}`);
    }
  });

  test('Unicode variants embed identically: NFKC compatibility forms, canonical forms, zero-width characters', async () => {
    const variants: [string, string][] = [
      ['ﬁnancial ＩＩＴ Ｋｈａｒａｇｐｕｒ', 'financial IIT Kharagpur'],
      ['collabo\u200Bration\u2060 with AII\uFEFFMS', 'collaboration with AIIMS'],
      ['\u0915\u093C', '\u0958'], // Devanagari qa: letter + nukta vs the precomposed letter
      ['\u09AF\u09BC', '\u09DF'], // Bengali yya: letter + nukta vs the precomposed letter
      ['সম\u200Cঝোতা', 'সমঝোতা'], // zero-width non-joiner inside a Bengali word
      ['Сеченовский Университет', 'сеченовский университет'],
    ];
    for (const [variant, plain] of variants) {
      assert.deepEqual(await embedder.embedQuery(variant), await embedder.embedQuery(plain), `${variant} vs ${plain}`);
    }
  });

  test('a document is its own nearest neighbour when queried with a fragment of it', async () => {
    // Distinct documents, several on the same kind of topic (an institution signing an MoU), so shared
    // phrasing alone does not decide the match.
    const documents = [
      ...Object.values(SAMPLES).flatMap(([text, , unrelated]) => [text, unrelated]),
      'HKUST signed MoUs with the First and Second Affiliated Hospitals and Sir Run Run Shaw Hospital.',
      'Galgotias University signed an MoU with a technology company for student internships.',
      'आईआईटी बॉम्बे ने टाटा मेमोरियल अस्पताल के साथ चिकित्सा उपकरणों पर समझौता किया।',
      'যাদবপুর বিশ্ববিদ্যালয় একটি জার্মান প্রতিষ্ঠানের সঙ্গে গবেষণা চুক্তি স্বাক্ষর করেছে।',
      'Совет Российско-Китайской ассоциации медицинских университетов собрался в Гуанчжоу.',
    ];
    const vectors = await embedder.embedDocuments(documents);
    for (const [i, document] of documents.entries()) {
      // Every other word of the document: a partial, reworded-looking query.
      const fragment = document
        .split(/\s+/)
        .filter((_, k) => k % 2 === 0)
        .join(' ');
      const query = await embedder.embedQuery(fragment);
      const scores = vectors.map((vector) => cosine(query, vector));
      const best = scores.indexOf(Math.max(...scores));
      assert.equal(best, i, `"${fragment}" matched "${documents[best]}" instead of its source`);
    }
  });
});
