import { loadCorpus } from './src/ingest/load.ts';
import { chunkArticle } from './src/ingest/chunk.ts';
import { buildLexicalIndex, loadLexicalIndex } from './src/index/lexical.ts';
import type { StoredChunk } from './src/index/types.ts';
const chunks: StoredChunk[] = [];
for (const dir of ['corpus', 'test/fixtures/distractors']) {
  const { articles } = await loadCorpus(dir);
  for (const a of articles) for (const c of chunkArticle(a, { size: 700, overlap: 120 })) chunks.push({ ...c, path: a.path, title: a.title, source: a.source, language: a.language, institutions: a.institutions });
}
// Make ~5000 chunks: copies with a number suffix so words differ a bit.
const big: StoredChunk[] = [];
for (let i = 0; big.length < 5000; i++) for (const c of chunks) big.push({ ...c, id: `${c.id}-${i}`, docId: `${c.docId}-${i}`, text: `${c.text} variant${i} नमूना${i} вариант${i}` });
console.log('chunks', big.length, 'chars', big.reduce((s, c) => s + c.text.length, 0));
let t = Date.now(); const idx = buildLexicalIndex(big); console.log('build ms', Date.now() - t);
t = Date.now(); const json = JSON.stringify(idx.toJSON()); console.log('toJSON ms', Date.now() - t, 'MB', (json.length / 1e6).toFixed(1));
t = Date.now(); const loaded = loadLexicalIndex(JSON.parse(json), big); console.log('load ms', Date.now() - t);
for (const q of ['Which hospitals did HKUST sign MoUs with?', 'केएसएसएससीआई और आरएमएलआईएमएस के बीच समझौता ज्ञापन कब हुआ?', 'Кто подписал коммюнике с российской стороны?']) {
  t = Date.now(); const hits = loaded.search(q, big.length); console.log('search all ms', Date.now() - t, hits.length);
}
