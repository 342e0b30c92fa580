// Cleaning rules on unseen pages (test/fixtures/ingest/pages): chrome of the same kinds as in the seeds,
// worded differently, in all four languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanArticleText } from '../../src/ingest/clean.ts';
import { loadArticleFile } from '../../src/ingest/load.ts';

const page = (name: string) => readFileSync(new URL(`../fixtures/ingest/pages/${name}`, import.meta.url), 'utf8');
const paragraphs = (body: string) => body.split('\n\n');

describe('cleanArticleText on unseen news pages', () => {
  test('English: menus, byline, photo credit, ads, inline and listed related links, comments', () => {
    const cleaned = cleanArticleText(page('news-en.txt'));
    assert.equal(cleaned.title, 'University of Northfield signs MoU with City General Hospital for joint research');
    assert.deepEqual(paragraphs(cleaned.body), [
      'The University of Northfield on Tuesday signed a memorandum of understanding with City General Hospital to collaborate on clinical research and training.',
      'Under the agreement, students will intern at the hospital. The two institutions will also set up a joint laboratory.',
      'Share prices of the hospital group rose after the agreement was announced on Monday, analysts said.',
      'The MoU covers:',
      '- joint research projects',
      '- faculty exchange',
    ]);
  });

  test('Hindi: home/e-paper links, update line, photo credit, ad, "यह भी पढ़ें" list, follow prompt', () => {
    const cleaned = cleanArticleText(page('news-hi.txt'));
    assert.equal(cleaned.title, 'आईआईटी कानपुर और एसजीपीजीआई के बीच एमओयू पर हस्ताक्षर');
    const body = paragraphs(cleaned.body);
    assert.equal(body.length, 2);
    assert.ok(body[0]!.startsWith('कानपुर। आईआईटी कानपुर'));
    assert.ok(body[1]!.startsWith('दोनों संस्थान मिलकर'));
    for (const chrome of ['होम', 'ई-पेपर', 'अपडेटेड', 'फोटो', 'विज्ञापन', 'यह भी पढ़ें', 'बारिश', 'फ्लाईओवर', 'फॉलो']) {
      assert.ok(!cleaned.body.includes(chrome), chrome);
    }
  });

  test('Bengali: login, correspondent byline, update line, captioned photo credit, ad, "আরও পড়ুন" list', () => {
    const cleaned = cleanArticleText(page('news-bn.txt'));
    assert.equal(cleaned.title, 'কলকাতা বিশ্ববিদ্যালয় ও এসএসকেএম হাসপাতালের মধ্যে চুক্তি');
    const body = paragraphs(cleaned.body);
    assert.equal(body.length, 2);
    assert.ok(body[0]!.startsWith('কলকাতা বিশ্ববিদ্যালয় এবং'));
    assert.ok(body[1]!.startsWith('এই চুক্তির ফলে'));
    for (const chrome of [
      'লগ ইন',
      'নিজস্ব সংবাদদাতা',
      'শেষ আপডেট',
      'ছবি',
      'কলেজ স্ট্রিট',
      'বিজ্ঞাপন',
      'আরও পড়ুন',
      'মেডিক্যাল কলেজ',
      'পূর্বাভাস',
    ]) {
      assert.ok(!cleaned.body.includes(chrome), chrome);
    }
  });

  test('Russian: login and menu, time stamp, photo credit, ad, "Читайте также" list, subscribe prompt', () => {
    const cleaned = cleanArticleText(page('news-ru.txt'));
    assert.equal(cleaned.title, 'В Томске университет и больница подписали соглашение о сотрудничестве');
    const body = paragraphs(cleaned.body);
    assert.equal(body.length, 2);
    assert.ok(body[0]!.startsWith('ТОМСК, 7 мар — РИА Новости.'));
    assert.ok(body[1]!.startsWith('Документ подписали'));
    for (const chrome of [
      'Войти',
      'Главная',
      '10:45',
      'Фото',
      'Реклама',
      'Читайте также',
      'новый материал',
      'Подписывайтесь',
    ]) {
      assert.ok(!cleaned.body.includes(chrome), chrome);
    }
  });

  test('reports what it removed and why', () => {
    const { removed } = cleanArticleText(page('news-en.txt'));
    const reasonOf = (line: string) => removed.find((r) => r.line === line)?.reason;
    assert.equal(reasonOf('Advertisement'), 'advertisement');
    assert.equal(reasonOf('Photo: File image of the university campus'), 'photo');
    assert.equal(reasonOf('By Staff Reporter | Updated: March 5, 2024 10:15 IST'), 'byline');
    assert.equal(reasonOf('Related Stories'), 'linkList');
    assert.equal(reasonOf('Great news for the city!'), 'afterArticle');
  });
});

describe('cleanArticleText rules', () => {
  test('a paragraph that merely starts with a trigger word is kept', () => {
    const text = [
      'Share prices of both companies rose sharply on Monday after the two universities announced the research agreement.',
      'Advertisement spending by the hospital will not change, the director said in a statement on Tuesday.',
      'Follow-up talks between the two institutes are planned for next month, officials said after the signing.',
      'Subscribers to the journal will get the joint research papers for free, the editors said.',
      'Comments by the minister were welcomed by both universities at the ceremony.',
      'Photo exhibitions will be held at both campuses as part of the exchange programme this year.',
    ].join('\n');
    assert.equal(paragraphs(cleanArticleText(text, { title: 'T' }).body).length, 6);
  });

  test("a short closing statement is the article's, while a short label after it is chrome", () => {
    const body =
      'The two universities signed an MoU on Monday to share their research laboratories.\n\nThe MoU runs for five years.\n\nShare this story';
    assert.deepEqual(paragraphs(cleanArticleText(body, { title: 'T' }).body), [
      'The two universities signed an MoU on Monday to share their research laboratories.',
      'The MoU runs for five years.',
    ]);
    const russian =
      'Университеты подписали соглашение о совместной магистратуре по биоинженерии.\n\nДобавлен новый абзац.';
    assert.deepEqual(paragraphs(cleanArticleText(russian, { title: 'T' }).body).length, 2);
  });

  test('a list introduced by a line ending in ":" is content, also in the middle of the article', () => {
    const text =
      'The two sides agreed on the following points today.\nObjectives:\n• joint research\n• exchanges\nThe MoU was signed in Delhi on Monday evening.';
    assert.deepEqual(paragraphs(cleanArticleText(text, { title: 'T' }).body), [
      'The two sides agreed on the following points today.',
      'Objectives:',
      '• joint research',
      '• exchanges',
      'The MoU was signed in Delhi on Monday evening.',
    ]);
  });

  test('a link list ends at the next real paragraph, which is kept', () => {
    const text =
      'The first paragraph of the story is here, and it is long enough.\nयह भी पढ़ें\nकोई और खबर\nदूसरी खबर यहाँ\nThe article goes on after the box with another full paragraph.';
    assert.deepEqual(paragraphs(cleanArticleText(text, { title: 'T' }).body), [
      'The first paragraph of the story is here, and it is long enough.',
      'The article goes on after the box with another full paragraph.',
    ]);
  });

  test('whitespace is normalized: NBSP, tabs, CRLF, runs of blank lines, zero-width spaces', () => {
    const text =
      'First\u00A0paragraph has   several\tspaces in it today.\r\n\r\n\r\n\r\nSecond para\u200Bgraph ends here as well.  ';
    assert.equal(
      cleanArticleText(text, { title: 'T' }).body,
      'First paragraph has several spaces in it today.\n\nSecond paragraph ends here as well.',
    );
  });

  test('a known title repeated at the top of the body is dropped; no headline is sought', () => {
    const cleaned = cleanArticleText(
      'Universities sign MoU\nThe two universities signed an agreement on research today.',
      { title: 'Universities sign MoU' },
    );
    assert.equal(cleaned.title, undefined);
    assert.equal(cleaned.body, 'The two universities signed an agreement on research today.');
  });

  test('a page whose first line is already a paragraph has no headline', () => {
    const cleaned = cleanArticleText(
      'The two universities signed an agreement on research today. It runs for five years.\nSources',
    );
    assert.equal(cleaned.title, undefined);
    assert.equal(cleaned.body, 'The two universities signed an agreement on research today. It runs for five years.');
  });

  test('an empty or chrome-only page gives an empty body', () => {
    assert.equal(cleanArticleText('').body, '');
    assert.equal(cleanArticleText('Advertisement\nShare:\nLeave a Reply').body, '');
  });
});

describe('a scraped page whose first line is the site menu', () => {
  const pages: [string, string, string][] = [
    [
      'menu-first-en.txt',
      'Northfield Medical College and Riverside Institute of Technology sign MoU on surgical robotics',
      'Home | News',
    ],
    ['menu-first-hi.txt', 'रामपुर मेडिकल कॉलेज और नगर विश्वविद्यालय के बीच शोध के लिए समझौता', 'होम • देश'],
    ['menu-first-bn.txt', 'নদীয়া মেডিক্যাল কলেজের সঙ্গে প্রযুক্তি বিশ্ববিদ্যালয়ের গবেষণা চুক্তি', 'প্রচ্ছদ | রাজ্য'],
    [
      'menu-first-ru.txt',
      'Медицинский университет и политехнический институт подписали соглашение о сотрудничестве',
      'Главная · Новости',
    ],
  ];
  for (const [name, headline, menuStart] of pages) {
    test(`${name}: the headline is the title, the menu is removed as a menu`, async () => {
      const folder = fileURLToPath(new URL('../fixtures/ingest/pages/', import.meta.url));
      const article = await loadArticleFile(join(folder, name), folder);
      assert.equal(article.title, headline);
      assert.ok(!article.body.includes(menuStart), article.body);
      const cleaned = cleanArticleText(page(name));
      assert.equal(cleaned.removed.find((r) => r.line.startsWith(menuStart))?.reason, 'menu');
    });
  }

  test('a headline with its section after a bar is not a menu; a sentence listing names is not either', () => {
    const cleaned = cleanArticleText(
      [
        'Hospital and university sign research pact | Education',
        'The agreement was signed on Monday by the university and the hospital, officials said in a statement.',
        'Partners | Riverside | Northfield | and others joined later.',
      ].join('\n\n'),
    );
    assert.equal(cleaned.title, 'Hospital and university sign research pact | Education');
    assert.ok(cleaned.body.includes('Partners | Riverside'));
  });
});
