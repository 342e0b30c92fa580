import { describe, test } from 'node:test';
import { embedLength } from 'discord.js';
import assert from 'node:assert/strict';
import type { Answer } from '../../src/answer/types.ts';
import { parseCustomId } from '../../src/discord/customIds.ts';
import {
  formatSourceLines,
  LIMITS,
  renderAnswer,
  renderPassages,
  renderReindexSummary,
  renderSourcesPage,
  safeUrl,
  type MessagePart,
} from '../../src/discord/format.ts';
import { validateMessagePayload } from '../fixtures/fake-discord/limits.ts';
import { citation, EMPTY_SUMMARY } from './helpers.ts';

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: 'What does the MoU cover?',
    answer: 'It covers joint cancer research [1] and training [2].',
    found: true,
    citations: [citation(1), citation(2, { url: undefined, date: undefined })],
    language: 'en',
    mode: 'extractive',
    ...overrides,
  };
}

function assertWithinLimits(part: MessagePart): void {
  const check = validateMessagePayload({ ...part, allowed_mentions: { parse: [] } }, { creating: true });
  assert.ok(check.ok, JSON.stringify(check.ok ? '' : check.body));
  assert.ok(part.embeds.reduce((n, e) => n + embedLength(e), 0) <= LIMITS.embedsTotal);
}

const customIds = (parts: MessagePart[]) =>
  parts
    .flatMap((p) => p.components ?? [])
    .flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));

describe('renderAnswer', () => {
  test('the question titles the answer; sources are linked fields; buttons carry the answer id', () => {
    const parts = renderAnswer(answer(), { answerId: 'abc123' });
    assert.equal(parts.length, 1);
    const [embed] = parts[0]!.embeds;
    assert.equal(embed!.title, 'What does the MoU cover?');
    assert.equal(embed!.description, 'It covers joint cancer research [1] and training [2].');
    const sources = embed!.fields!.find((f) => f.name === 'Sources')!.value;
    assert.match(
      sources,
      /^\[Article 1\]\(https:\/\/example\.org\/articles\/1\) — Test Times, 2024-05-01\n- \*\*\[1\]\*\* Passage 1/,
    );
    assert.match(
      sources,
      /^\*\*Article 2\*\* — Test Times\n- \*\*\[2\]\*\* /m,
      'no link and no date where they are unknown',
    );
    const actions = customIds(parts).map((id) => parseCustomId(id));
    assert.deepEqual(actions, [
      { kind: 'passages', answerId: 'abc123' },
      { kind: 'vote', vote: 'up', answerId: 'abc123' },
      { kind: 'vote', vote: 'down', answerId: 'abc123' },
    ]);
    assertWithinLimits(parts[0]!);
  });

  test('a not-found answer has no sources and no passages button', () => {
    const parts = renderAnswer(
      answer({ found: false, answer: 'I found nothing about that in the corpus.', citations: [] }),
      { answerId: 'x1' },
    );
    assert.equal(parts[0]!.embeds[0]!.fields, undefined);
    assert.deepEqual(
      customIds(parts).map((id) => parseCustomId(id)?.kind),
      ['vote', 'vote'],
    );
  });

  test('each article is named once, with its passages ([n] and their first words) under it', () => {
    const blocks = formatSourceLines([
      citation(1),
      citation(2, { docId: 'doc-1', text: 'A second passage of the same article.' }),
      citation(3),
    ]);
    assert.equal(blocks.length, 2);
    const [heading, ...passages] = blocks[0]!.split('\n');
    assert.match(heading!, /^\[Article 1\]\(https:\/\/example\.org\/articles\/1\) — Test Times, 2024-05-01$/);
    assert.deepEqual(passages, [
      '- **[1]** Passage 1 of the cited article.',
      '- **[2]** A second passage of the same article.',
    ]);
  });

  test('titles cannot break the markdown link and only http(s) URLs are linked', () => {
    const [line] = formatSourceLines([
      citation(1, { title: 'MoU [draft] *signed*', url: 'https://example.org/a_(b)' }),
    ]);
    assert.equal(
      line!.split('\n')[0],
      '[MoU \\[draft\\] \\*signed\\*](https://example.org/a_%28b%29) — Test Times, 2024-05-01',
    );
    assert.equal(safeUrl('javascript:alert(1)'), undefined);
    assert.equal(safeUrl('not a url'), undefined);
  });

  test('a long answer with many sources is split within every Discord limit, markers intact', () => {
    const sentences = Array.from(
      { length: 400 },
      (_, i) => `Sentence ${i} reports a finding about the agreement [${(i % 30) + 1}].`,
    );
    const text = sentences.join(' ');
    const citations = Array.from({ length: 30 }, (_, i) =>
      citation(i + 1, {
        title: `A rather long article title number ${i + 1} `.repeat(5),
        url: `https://example.org/${'path/'.repeat(20)}${i}`,
      }),
    );
    const parts = renderAnswer(answer({ answer: text, citations }), { answerId: 'long1' });
    assert.ok(parts.length > 1, 'needs several messages');
    parts.forEach(assertWithinLimits);
    const descriptions = parts.flatMap((p) => p.embeds.map((e) => e.description ?? '')).join(' ');
    assert.equal(descriptions.replace(/\s+/g, ''), text.replace(/\s+/g, ''), 'the whole answer, in order');
    for (const description of parts.flatMap((p) => p.embeds.flatMap((e) => (e.description ? [e.description] : [])))) {
      assert.match(
        description,
        /^(Sentence \d+ reports a finding about the agreement \[\d+\]\.\s?)+$/,
        'pieces hold whole sentences',
      );
    }
    const sourceText = parts
      .flatMap((p) => p.embeds.flatMap((e) => e.fields ?? []))
      .map((f) => f.value)
      .join('\n');
    for (let n = 1; n <= 30; n++) assert.ok(sourceText.includes(`**[${n}]**`), `source ${n} listed`);
    assert.equal(parts.filter((p) => p.components).length, 1, 'buttons appear once');
    assert.ok(parts.at(-1)!.components, 'on the last message');
  });
});

describe('renderPassages', () => {
  test('quotes each passage under its source, links wrapped in <> so Discord shows no preview', () => {
    const pieces = renderPassages(
      answer({ citations: [citation(1, { text: 'Line one.\n\nLine two.' }), citation(2, { url: undefined })] }),
    );
    assert.equal(pieces.length, 1);
    assert.match(
      pieces[0]!,
      /^\*\*\[1\] Article 1\*\* — Test Times, 2024-05-01 <https:\/\/example\.org\/articles\/1>\n> Line one\.\n> Line two\./,
    );
    assert.match(pieces[0]!, /\*\*\[2\] Article 2\*\* — Test Times, 2024-05-01\n> Passage 2/);
    assert.doesNotMatch(pieces[0]!.replace(/<https?:\/\/[^>]+>/g, ''), /https?:\/\//, 'no bare link');
  });

  test('long passages spread over several messages of at most 2,000 characters', () => {
    const long = Array.from({ length: 120 }, (_, i) => `Passage sentence ${i}.`).join(' ');
    const pieces = renderPassages(answer({ citations: [1, 2, 3, 4, 5].map((n) => citation(n, { text: long })) }));
    assert.ok(pieces.length > 1);
    for (const piece of pieces) assert.ok(piece.length <= LIMITS.content);
    for (let n = 1; n <= 5; n++) assert.equal(pieces.join('\n').split(`**[${n}] Article ${n}**`).length - 1, 1);
  });
});

describe('renderSourcesPage', () => {
  const sources = Array.from({ length: 23 }, (_, i) => ({
    docId: `d${i}`,
    path: `d${i}.md`,
    title: `Title ${String(i).padStart(2, '0')}`,
    source: 'Paper',
    date: `2024-01-${String(i + 1).padStart(2, '0')}`,
    language: i % 2 ? 'hi' : 'bn',
    chunks: i,
    ...(i === 0 ? { url: 'https://example.org/0' } : {}),
  }));

  // The language name comes from ICU (Bengali or Bangla, depending on the Node version).
  test('pages of ten, newest first, with language names, chunk counts and page buttons', () => {
    const first = renderSourcesPage(sources, 0);
    const embed = first.embeds[0]!;
    assert.equal(embed.title, 'Indexed articles (23)');
    assert.equal(embed.footer?.text, 'Page 1 of 3');
    const lines = embed.description!.split('\n');
    assert.equal(lines.length, 10);
    assert.match(lines[0]!, /^\*\*Title 22\*\* — Paper, 2024-01-23 · Bengali · chunks: 22$/);
    const [previous, next] = first.components![0]!.components;
    assert.equal(previous!.disabled, true);
    assert.equal(next!.disabled, false);
    assert.deepEqual(parseCustomId('custom_id' in next! ? next.custom_id : ''), { kind: 'sources', page: 1 });
    const last = renderSourcesPage(sources, 99);
    assert.equal(last.embeds[0]!.footer?.text, 'Page 3 of 3', 'out-of-range pages are clamped');
    assert.match(
      last.embeds[0]!.description!,
      /\[Title 00\]\(https:\/\/example\.org\/0\) — Paper, 2024-01-01 · Bengali · chunks: 0/,
    );
    assertWithinLimits(first);
  });

  test('a short list has no buttons', () => {
    assert.equal(renderSourcesPage(sources.slice(0, 3), 0).components, undefined);
  });
});

test('renderReindexSummary counts every change and lists the files', () => {
  const part = renderReindexSummary({
    ...EMPTY_SUMMARY,
    added: ['new.md'],
    failed: [{ path: 'bad.md', reason: 'no title' }],
  });
  const embed = part.embeds[0]!;
  assert.match(embed.description!, /Added 1 · changed 0 · removed 0 · unchanged 1 · failed 1/);
  assert.deepEqual(
    embed.fields!.map((f) => [f.name, f.value]),
    [
      ['Added (1)', 'new.md'],
      ['Failed (1)', 'bad.md: no title'],
    ],
  );
});
