// The registry's fast lookups give what the exhaustive ones give: `partiesIn` reads only the names that may
// start and end at a question's words, and only the runs whose ends may match; `partiesInExhaustive` tries
// every party against every run; `namedBy` looks words up in an index of each party's tokens. Compared on the registry of the seeds, the distractors and the registry
// fixtures, for the dev questions and for every party name written alone, in lower case and inside a sentence.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { loadArticleFile } from '../../src/ingest/load.ts';
import { extractRecords } from '../../src/ingest/records/extract.ts';
import type { CollabRecord } from '../../src/ingest/records/types.ts';
import { nameTokens, tokensMatch } from '../../src/ingest/records/names.ts';
import { RegistryView } from '../../src/retrieve/registry.ts';

const FOLDERS = ['corpus', 'test/fixtures/distractors', 'test/fixtures/registry/articles'];
const QUESTIONS = ['test/fixtures/eval/dev.jsonl', 'test/fixtures/eval/dev-2.jsonl'];

let view: RegistryView;
before(async () => {
  const records: CollabRecord[] = [];
  for (const folder of FOLDERS) {
    for (const file of readdirSync(folder).sort()) {
      if (!/\.(md|txt|html?)$/.test(file)) continue;
      records.push(...extractRecords(await loadArticleFile(join(folder, file), folder)));
    }
  }
  view = new RegistryView(records);
});

function texts(): string[] {
  const questions = QUESTIONS.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { question: string }).question),
  );
  const names = view.parties.flatMap((p) => [p.name, ...p.aliases]);
  return [
    ...questions,
    ...names,
    ...names.map((n) => n.toLowerCase()),
    ...names.map((n) => `Which agreements did ${n} sign with other institutions?`),
    ...names.slice(0, -1).map((n, i) => `List the MoUs between ${n} and ${names[i + 1]!} since 2020.`),
  ];
}

test('partiesIn finds the parties the exhaustive search finds, in the same order', () => {
  const all = texts();
  let named = 0;
  for (const text of all) {
    const fast = view.partiesIn(text).map((p) => p.name);
    assert.deepEqual(
      fast,
      view.partiesInExhaustive(text).map((p) => p.name),
      text,
    );
    if (fast.length > 0) named++;
  }
  // The comparison is not vacuous: most texts name some party.
  assert.ok(named > all.length / 2, `${named} of ${all.length} texts name a party`);
});

test('namedBy tells a word of a party name as comparing it with every token of the party does', () => {
  let named = 0;
  let compared = 0;
  for (const text of texts().slice(0, 400)) {
    const parties = view.partiesIn(text);
    const tokens = parties.flatMap((p) => [p.name, ...p.aliases]).flatMap(nameTokens);
    for (const word of nameTokens(text)) {
      const exhaustive = tokens.some((t) => tokensMatch(word, t));
      assert.equal(view.namedBy(word, parties), exhaustive, `${word.raw} in ${text}`);
      compared++;
      if (exhaustive) named++;
    }
  }
  assert.ok(named > 0 && named < compared, `${named} of ${compared} words name a party`);
});
