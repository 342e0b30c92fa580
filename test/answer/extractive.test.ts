import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { countedPhrase, extractiveAnswer, NOT_FOUND_TEXT, quotedStatements } from '../../src/answer/extractive.ts';
import { createAnalyzer } from '../../src/text/analyze.ts';
import type { StoredChunk } from '../../src/index/types.ts';
import type { Passage, Retrieval } from '../../src/retrieve/types.ts';

function passage(
  docId: string,
  index: number,
  text: string,
  relevance: number,
  extra: Partial<StoredChunk> = {},
): Passage {
  return {
    relevance,
    chunk: {
      id: `${docId}#${index}`,
      docId,
      index,
      path: `${docId}.md`,
      title: `Title of ${docId}`,
      source: 'Test Wire',
      language: 'en',
      institutions: [],
      text,
      start: 0,
      end: text.length,
      ...extra,
    },
  };
}

const retrieval = (question: string, passages: Passage[]): Retrieval => ({
  question,
  passages,
  found: passages.length > 0,
});

describe('extractiveAnswer', () => {
  test('quotes the sentences that answer the question, each followed by the [n] of its passage', () => {
    const q = 'How many nurses will the Ranchi skills centre train?';
    const answer = extractiveAnswer(
      q,
      retrieval(q, [
        passage(
          'ranchi',
          0,
          'The centre opened on Monday in Ranchi. It will train 240 nurses in its first year. The building has four floors.',
          0.8,
        ),
      ]),
    );
    assert.equal(answer.found, true);
    assert.equal(answer.mode, 'extractive');
    assert.match(answer.answer, /^240 \[1\]\n/, 'the first line is the number asked for, with its [n]');
    assert.match(answer.answer, /“It will train 240 nurses in its first year\.” \[1\]/, 'then the evidence, quoted');
    assert.doesNotMatch(
      answer.answer,
      /four floors/,
      'a sentence with nothing of the question is left out when better ones exist',
    );
    assert.deepEqual(
      answer.citations.map((c) => [c.n, c.docId, c.path, c.source]),
      [[1, 'ranchi', 'ranchi.md', 'Test Wire']],
    );
  });

  test('numbers sources in order of first use and lists only cited passages', () => {
    const q = 'Which universities signed agreements on vaccine research?';
    const answer = extractiveAnswer(
      q,
      retrieval(q, [
        passage('alpha', 0, 'Alpha University signed an agreement on vaccine research with a hospital.', 0.9),
        passage('beta', 0, 'Beta University signed agreements on vaccine research in March.', 0.7),
        passage('gamma', 0, 'The weather was pleasant.', 0.5),
      ]),
    );
    assert.deepEqual(
      answer.citations.map((c) => c.docId).sort(),
      ['alpha', 'beta'],
      'gamma matches nothing and is not listed',
    );
    assert.deepEqual(
      answer.citations.map((c) => c.n),
      [1, 2],
    );
    const markers = [...answer.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    assert.deepEqual([...new Set(markers)], [1, 2], 'numbered in order of first use');
    const first = answer.citations[0]!.docId === 'alpha' ? /^Alpha University/ : /^Beta University/;
    assert.match(answer.answer, first);
  });

  test('a list question gets the best sentence of every retrieved article, not several of one', () => {
    const q = 'Which collaborations involve Chinese hospitals?';
    const first =
      'Hospital A in China signed a collaboration. Hospital A in China will host students. Hospital A in China adds a lab.';
    const answer = extractiveAnswer(
      q,
      retrieval(q, [
        passage('a', 0, first, 0.9),
        passage('a', 1, 'Hospital A in China and collaboration again.', 0.85),
        passage('b', 0, 'A Chinese hospital collaboration with B was announced.', 0.6),
      ]),
      { maxSentences: 3, maxPerPassage: 2 },
    );
    assert.ok(
      answer.citations.some((c) => c.docId === 'b'),
      'the second article is cited',
    );
  });

  test('nothing retrieved gives the not-found answer with no citations', () => {
    const answer = extractiveAnswer('What about Mars?', { question: 'What about Mars?', passages: [], found: false });
    assert.deepEqual(answer, {
      question: 'What about Mars?',
      answer: NOT_FOUND_TEXT,
      found: false,
      citations: [],
      language: 'en',
      mode: 'extractive',
    });
  });

  test('keeps the answer within the length budget, but never empty', () => {
    const long = `${'word '.repeat(300).trim()} research.`;
    const q = 'research';
    const answer = extractiveAnswer(q, retrieval(q, [passage('long', 0, `${long} Another research sentence.`, 0.9)]), {
      maxChars: 100,
    });
    assert.ok(answer.answer.length > 0);
    assert.equal(answer.answer.split('[1]').length - 1, 1, 'one sentence: the second would exceed the budget');
  });

  test('carries date and url into the citation only when the article has them', () => {
    const q = 'agreement';
    const answer = extractiveAnswer(
      q,
      retrieval(q, [
        passage('dated', 0, 'The agreement was signed.', 0.9, { date: '2024-05-01', url: 'https://example.org/a' }),
        passage('plain', 0, 'Another agreement was signed.', 0.8),
      ]),
    );
    const byDoc = Object.fromEntries(answer.citations.map((c) => [c.docId, c]));
    assert.equal(byDoc.dated?.date, '2024-05-01');
    assert.equal(byDoc.dated?.url, 'https://example.org/a');
    assert.equal('date' in byDoc.plain!, false);
    assert.equal('url' in byDoc.plain!, false);
  });
});

describe('how many: the number followed by what the question counts', () => {
  const lead = (q: string, text: string, language: string) =>
    extractiveAnswer(q, retrieval(q, [passage('doc', 0, text, 0.9, { language })])).answer.split(' [1]')[0];

  test('English: the trainees, not the partner universities of the same sentence', () => {
    const text =
      'The alliance of more than 40 universities met in Pune on Monday. The alliance runs more than 120 joint research projects every year and trains 900 nurses.';
    assert.equal(
      lead('How many joint research projects does the Pune alliance run each year?', text, 'en'),
      'more than 120',
    );
    assert.equal(lead('How many nurses does the Pune alliance train?', text, 'en'), '900');
  });

  test('Hindi: the asked-for noun after कितने decides between two numbers', () => {
    const text =
      'पुणे में सोमवार को 40 से अधिक विश्वविद्यालयों के संघ की बैठक हुई। संघ हर साल 120 से अधिक संयुक्त शोध परियोजनाएँ चलाता है और 900 नर्सों को प्रशिक्षण देता है।';
    assert.equal(lead('संघ हर साल कितनी संयुक्त शोध परियोजनाएँ चलाता है?', text, 'hi'), '120 से अधिक');
  });

  test('Bengali: কতগুলি followed by the counted noun', () => {
    const text =
      'সোমবার পুণেতে ৪০টিরও বেশি বিশ্ববিদ্যালয়ের জোটের বৈঠক হয়। জোটটি প্রতি বছর ১২০টি যৌথ গবেষণা প্রকল্প চালায় এবং ৯০০ জন নার্সকে প্রশিক্ষণ দেয়।';
    assert.equal(lead('জোটটি প্রতি বছর কতগুলি যৌথ গবেষণা প্রকল্প চালায়?', text, 'bn'), '১২০');
  });

  test('Russian question about an English article: what is counted, across languages', () => {
    const text =
      'The alliance of more than 40 universities met in Pune on Monday. The alliance runs more than 120 joint research projects every year and trains 900 nurses.';
    assert.equal(lead('Сколько совместных исследовательских проектов ежегодно ведёт альянс?', text, 'en'), 'более 120');
  });
});

describe('the first line of a sentence answer', () => {
  test('a quotation split across sentences is quoted whole, and the best match opens the answer', () => {
    const q = 'What did the director of the Pune institute say was the main goal of the centre?';
    const text =
      'The Pune institute opened a skills centre on Monday. The centre will train nurses. ' +
      'The director of the institute said, “We want to train health workers with new technology. Better rural healthcare is our main goal.”';
    const answer = extractiveAnswer(q, retrieval(q, [passage('doc', 0, text, 0.9)]));
    const first = answer.answer.split('\n')[0]!;
    assert.match(
      first,
      /^The director of the institute said, “We want .* Better rural healthcare is our main goal\.” \[1\]$/,
    );
  });
});

describe('a sentence answer: the words asked about outweigh the parties named', () => {
  test('Bengali (no capitals): the party names of the article count as names, the asked words pick the sentence', () => {
    const q = 'আইআইটি খড়্গপুর এবং এইমস কল্যাণীর এই উদ্যোগের মূল উদ্দেশ্য কী?';
    const text =
      'আইআইটি খড়্গপুর এবং এইমস কল্যাণী আইআইটি খড়্গপুরের ক্যাম্পাসে বৈঠক করেছে। ' +
      'এই উদ্যোগের মূল উদ্দেশ্য গ্রামীণ স্বাস্থ্য পরিষেবার উন্নতি।';
    const answer = extractiveAnswer(
      q,
      retrieval(q, [
        passage('doc', 0, text, 0.9, {
          language: 'bn',
          institutions: ['আইআইটি খড়্গপুর', 'এইমস কল্যাণী'],
        }),
      ]),
    );
    assert.match(answer.answer.split('\n')[0]!, /^এই উদ্যোগের মূল উদ্দেশ্য গ্রামীণ স্বাস্থ্য পরিষেবার উন্নতি। \[1\]$/);
  });
});

describe('yes-no "only …?" questions: no, with the areas the article names besides the asked one', () => {
  const text =
    'The two institutes signed an MoU on Monday for cancer treatment. ' +
    'The partnership also covers research and the training of nurses, with joint teaching programmes.';
  const ask = (q: string) => extractiveAnswer(q, retrieval(q, [passage('doc', 0, text, 0.9)])).answer.split('\n')[0]!;

  test('English', () => {
    const first = ask('Is the MoU only about treatment?');
    assert.match(first, /^No/);
    assert.match(first, /research/);
    assert.match(first, /training/);
    assert.doesNotMatch(first.split(' [1]')[0]!, /treatment/, 'the asked area is not listed as what else it covers');
  });

  test('Hindi, Bengali and Russian askers get the verdict and the areas in their language', () => {
    assert.match(ask('क्या यह समझौता सिर्फ़ इलाज तक सीमित है?'), /^नहीं.*अनुसंधान/u);
    assert.match(ask('এই চুক্তি কি শুধু চিকিৎসার জন্য?'), /^না.*গবেষণা/u);
    assert.match(ask('Касается ли соглашение только лечения?'), /^Нет.*исследования/u);
  });
});

describe('composition steps', () => {
  test('quotedStatements joins the sentences of one quotation, at most three, and leaves closed ones alone', () => {
    assert.deepEqual(quotedStatements(['He said, “We will train nurses.', 'Rural care is our aim.”', 'Next.']), [
      'He said, “We will train nurses. Rural care is our aim.”',
      'Next.',
    ]);
    assert.deepEqual(quotedStatements(['«Мы начнём.', 'Потом продолжим.', 'И ещё.', 'Конец.']), [
      '«Мы начнём. Потом продолжим. И ещё.',
      'Конец.',
    ]);
    assert.deepEqual(quotedStatements(['“Done.” said he.', 'Then.']), ['“Done.” said he.', 'Then.']);
  });

  test('countedPhrase: the words after "how many" in the four languages, none for other questions', () => {
    const analyzer = createAnalyzer({ maxCacheSize: 100 });
    const counted = (q: string) => countedPhrase(q, analyzer).length;
    assert.equal(counted('How many nurses will the Pune centre train?'), 1);
    assert.equal(counted('how many large joint research projects does it run'), 4);
    assert.equal(counted('कितने छात्रों को प्रशिक्षण मिलेगा?'), 1);
    assert.equal(counted('Сколько больниц подписали соглашение?'), 3);
    assert.equal(counted('When was it signed?'), 0);
  });
});

describe('which organisation: the one the question describes is not the answer', () => {
  const lead = (q: string, text: string, extra: Partial<StoredChunk>) =>
    extractiveAnswer(q, retrieval(q, [passage('doc', 0, text, 0.9, extra)])).answer.split(' [1]')[0];

  test('English: the trust that supports the nursing school, not the school named in the question', () => {
    const text =
      'The university will open the ‘Pune School of Nursing and Technology’ on its campus next year. The Sahyadri Health Trust, a voluntary body, will support the project.';
    assert.equal(
      lead('Which voluntary organisation supports the university in setting up its nursing school?', text, {}),
      'Sahyadri Health Trust',
    );
  });

  test("the asked-for kind alone does not make a name the question's own", () => {
    const text =
      'On Monday, Pune City Hospital signed an agreement with Nagpur Medical University for nursing research.';
    assert.equal(
      lead('Which university did Pune City Hospital sign with for nursing research?', text, {}),
      'Nagpur Medical University',
    );
  });

  test('Bengali article, English asker: the foundation in the spelling the front matter gives, the original after it', () => {
    const text =
      'ক্যাম্পাসেই ‘স্কুল ফর নার্সিং: হেলথকেয়ার অ্যান্ড টেকনোলজি’ গড়ে তোলা হবে। সহায়তা করবে ‘সহ্যাদ্রি হেলথ ফাউন্ডেশন’ নামক একটি স্বেচ্ছাসেবি সংস্থা।';
    assert.equal(
      lead(
        'Which voluntary organisation is supporting the university in setting up its healthcare nursing school?',
        text,
        {
          language: 'bn',
          institutions: ['Sahyadri Health Foundation', 'সহ্যাদ্রি হেলথ ফাউন্ডেশন'],
        },
      ),
      'Sahyadri Health Foundation (সহ্যাদ্রি হেলথ ফাউন্ডেশন)',
    );
  });
});

describe('who is the <role>: a person of that role leads, from another article when the best one has none', () => {
  test('English question: the director quoted in the Hindi article, not the investigator of the English one', () => {
    const q = 'Who is the Pune Institute of Science director quoted about training nurses with new technology?';
    const answer = extractiveAnswer(
      q,
      retrieval(q, [
        passage(
          'en-doc',
          0,
          'The Pune Institute of Science will train nurses to use a new screening device with the City Hospital. "A device that a trained nurse can carry could change rural care," said Prof. Ravi Kulkarni, the principal investigator at the Pune Institute of Science.',
          0.9,
        ),
        passage(
          'hi-doc',
          0,
          'पुणे इंस्टीट्यूट ऑफ साइंस नर्सों के लिए एक नया प्रशिक्षण केंद्र खोलेगा। पुणे इंस्टीट्यूट ऑफ साइंस के निदेशक अमित शर्मा ने कहा कि नई तकनीक से प्रशिक्षित नर्सें गाँवों में काम करेंगी।',
          0.8,
          { language: 'hi' },
        ),
      ]),
    );
    assert.equal(answer.answer.split(' [1]')[0], 'Amit Sharma (अमित शर्मा)');
    assert.equal(answer.citations[0]!.docId, 'hi-doc');
  });
});

describe('who signed for one side: the signatory of that side only', () => {
  const text =
    'С российской стороны документ подписал ректор Казанского университета, академик Иван Петров, с казахской - профессор Алматинского медицинского университета, академик Нурлан Абенов.';
  const lead = (q: string) =>
    extractiveAnswer(q, retrieval(q, [passage('doc', 0, text, 0.9, { language: 'ru' })])).answer.split(' [1]')[0];

  test('Russian: "со стороны X", "с X-ской стороны", chat-style "от X"', () => {
    assert.equal(lead('Кто подписал соглашение со стороны Казахстана?'), 'Нурлан Абенов');
    assert.equal(lead('Кто подписал документ с казахской стороны?'), 'Нурлан Абенов');
    assert.equal(lead('кто подписывал от казахстана'), 'Нурлан Абенов');
    assert.equal(lead('Кто подписал документ с российской стороны?'), 'Иван Петров');
  });

  test('Russian: no side named, both signatories', () => {
    assert.equal(lead('Кто подписал документ?'), 'Иван Петров, Нурлан Абенов');
  });

  test('English asker: the side named, transliterated', () => {
    assert.equal(lead('Who signed the document for the Kazakh side?'), 'Nurlan Abenov (Нурлан Абенов)');
    assert.equal(lead('Who signed for the Russian side?'), 'Ivan Petrov (Иван Петров)');
  });
});

describe('Russian yes-no questions asked by intonation alone (no ли)', () => {
  const text = 'Соглашение о сотрудничестве университеты подписали в Казани 5 мая 2024 года.';
  const lead = (q: string) =>
    extractiveAnswer(q, retrieval(q, [passage('doc', 0, text, 0.9, { language: 'ru' })])).answer.split(' [1]')[0];

  test('another place or year than the one asked: "Нет — …"', () => {
    assert.equal(lead('Соглашение подписали в Москве?'), 'Нет — Казани');
    assert.equal(lead('Университеты подписали соглашение в 2023 году?'), 'Нет — 5 мая 2024');
  });

  test('the year asked: "Да — …"', () => {
    assert.match(lead('Университеты подписали соглашение в 2024 году?')!, /^Да — 5 мая 2024$/);
  });
});
