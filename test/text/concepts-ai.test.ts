// "Artificial" alone is not artificial intelligence: artificial limbs are no AI, in any language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conceptsOf } from '../../src/text/concepts.ts';
import { foldText } from '../../src/text/fold.ts';

const ids = (word: string) => conceptsOf(foldText(word)).map((c) => c.id);

test('AI: the intelligence word or the acronym, not "artificial" alone', () => {
  for (const w of ['AI', 'intelligence', 'интеллекта', 'बुद्धिमत्ता', 'এআই', 'বুদ্ধিমত্তার'])
    assert.ok(ids(w).includes('ai'), w);
  for (const w of ['artificial', 'искусственных', 'कृत्रिम', 'কৃত্রিম']) assert.ok(!ids(w).includes('ai'), w);
});
