// npx tsx scripts/fit-retrieval.ts: fits the article-ranking weights and the not-found model on dev + dev-2 without the
// untuned split (test/fixtures/eval/untuned-ids.txt), on the seeds alone and with both distractor folders, hash embedder, and
// prints the settings to put in src/config.ts. Ranking weights: grid search for recall@1 of the retrieval
// ranking; not-found: logistic regression (L2, gradient descent) on the best article's features, label =
// the question is answerable.
import { loadQuestions } from '../src/eval/questions.ts';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadConfig } from '../src/config.ts';
import { prepareCorpus, readArticles, workKey, type EvalOptions } from '../src/eval/run.ts';
import { createEmbeddings } from '../src/index/embeddings/select.ts';
import { openIndex } from '../src/index/store.ts';
import { silentLogger } from '../src/log.ts';
import { createService } from '../src/service/service.ts';
import { answerProbability, retrieveWithDiagnostics, type NotFoundFeatures } from '../src/retrieve/retrieve.ts';
import { settingsFrom } from '../src/retrieve/settings.ts';
import { DEFAULT_DISTRACTORS, UNTUNED_IDS, readIdList } from './eval.ts';

const untuned = await readIdList(UNTUNED_IDS);
const questions = [
  ...(await loadQuestions('test/fixtures/eval/dev.jsonl')),
  ...(await loadQuestions('test/fixtures/eval/dev-2.jsonl')),
].filter((q) => !untuned.has(q.id));
interface Row {
  answerable: boolean;
  /** Markers the question expects (a list question expects several articles). */
  markers: number;
  unknownShare: number;
  absentShare: number;
  denseTypical: number;
  docs: {
    docId: string;
    right: boolean;
    /** Indices of the question's markers the article's text holds. */
    matched: number[];
    rank: number;
    coverage: number;
    entity: number;
    names: number;
    eligible: boolean;
    chunkCoverage: number;
    phraseCoverage: number;
    dense: number;
  }[];
}
const rows: Row[] = [];
const fold = (t: string) => t.normalize('NFKC').toLowerCase();
// Both corpora the product meets: the seeds alone and the seeds among all distractors, pooled, so the
// features' weights hold at either scale.
/** The eval's corpus (seeds + distractors) indexed, opened directly: the fit re-scores retrieval's diagnostics. */
async function openEvalIndex(options: Pick<EvalOptions, 'corpusDir' | 'distractorsDir' | 'embeddings' | 'k'>) {
  const full: EvalOptions = { ...options, questionsFile: [], baseline: false };
  const workDir = join(tmpdir(), 'collab-bot-eval', workKey(full));
  const corpusDir = await prepareCorpus(full, workDir);
  const config = loadConfig(undefined, {
    CORPUS_DIR: corpusDir,
    INDEX_DIR: join(workDir, 'index'),
    TOP_K: options.k,
    ...(options.embeddings ? { EMBEDDINGS: options.embeddings } : {}),
  });
  const embedder = await createEmbeddings(config, {});
  const service = await createService(config, { embedder, logger: silentLogger });
  await service.reindex();
  const paths = (await service.sources()).map((s) => s.path);
  await service.close();
  return { config, snapshot: await openIndex(config, embedder), articleTexts: await readArticles(corpusDir, paths) };
}

let config!: Awaited<ReturnType<typeof openEvalIndex>>['config'];
for (const distractorsDir of [[], DEFAULT_DISTRACTORS]) {
  const opened = await openEvalIndex({ corpusDir: 'corpus', distractorsDir, embeddings: 'hash', k: 5 });
  config = opened.config;
  const { snapshot, articleTexts } = opened;
  const pathOf = new Map(snapshot.manifest.documents.map((d) => [d.id, d.path]));
  for (const q of questions) {
    const { diagnostics } = await retrieveWithDiagnostics(snapshot, q.question, { k: 5, config });
    const nf = diagnostics.notFound?.features;
    const best = diagnostics.documents[0];
    const textOf = (docId: string) => fold(articleTexts.get(pathOf.get(docId) ?? '') ?? '');
    const matchedIn = (docId: string) => q.expect.flatMap((m, i) => (textOf(docId).includes(fold(m)) ? [i] : []));
    rows.push({
      answerable: q.answerable,
      markers: q.expect.length,
      unknownShare: diagnostics.evidence.unknownShare,
      absentShare: diagnostics.evidence.absentShare,
      denseTypical: nf
        ? (diagnostics.documents.find((d) => d.eligible)?.dense ?? 0) - nf.denseMargin
        : (best?.dense ?? 0),
      docs: diagnostics.documents.map((d) => ({
        docId: d.docId,
        right: matchedIn(d.docId).length > 0,
        matched: matchedIn(d.docId),
        rank: d.rankScore,
        coverage: d.coverage,
        entity: d.entityCoverage,
        names: d.nameCoverage,
        eligible: d.eligible,
        chunkCoverage: d.chunks[0]?.coverage ?? 0,
        phraseCoverage: d.phraseCoverage,
        dense: d.dense,
      })),
    });
  }
}

type W = [number, number, number, number, number, number];
const score = (d: Row['docs'][number], w: W) =>
  w[0] * d.rank +
  w[1] * d.coverage +
  w[2] * d.entity +
  w[3] * d.names +
  w[4] * d.chunkCoverage +
  w[5] * d.phraseCoverage;
// The answer comes from the best article that names every party (retrieve.ts); equal scores break as there
// (fused rank, dense similarity, then id).
const ranking = (r: Row, w: W) =>
  [...r.docs]
    .filter((d) => d.eligible)
    .sort(
      (a, b) =>
        score(b, w) - score(a, w) ||
        b.rank - a.rank ||
        b.dense - a.dense ||
        (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0),
    );
const top = (r: Row, w: W) => ranking(r, w)[0];
const K = 5;
const answerable = rows.filter((r) => r.answerable);
const recall1 = (w: W) => answerable.filter((r) => top(r, w)?.right).length / answerable.length;
// As the eval scores it: the share of the question's markers among the first K articles (list questions).
const recallK = (w: W) =>
  answerable.reduce((sum, r) => {
    const found = new Set(
      ranking(r, w)
        .slice(0, K)
        .flatMap((d) => d.matched),
    );
    return sum + Math.min(1, found.size / Math.min(K, Math.max(1, r.markers)));
  }, 0) / answerable.length;
// The objective: recall@1 + recall@K of the ranking; among equal ones the weights nearest the current ones.
const objective = (w: W) => recall1(w) + recallK(w);
let bestW: W = [
  config.RANK_FUSION_WEIGHT,
  config.COVERAGE_WEIGHT,
  config.ENTITY_WEIGHT,
  config.NAME_WEIGHT,
  config.CHUNK_COVERAGE_WEIGHT,
  config.PHRASE_WEIGHT,
];
const current = [...bestW] as W;
const distance = (w: W) => w.reduce((sum, x, i) => sum + Math.abs(x - current[i]!), 0);
let bestR = objective(bestW);
const report = (w: W) => `recall@1 ${recall1(w).toFixed(3)}, recall@${K} ${recallK(w).toFixed(3)}`;
console.log(`current ranking weights: fit ranking ${report(bestW)}`);
const grid = [0, 0.1, 0.2, 0.4, 0.8];
for (const a of grid)
  for (const c of [0.4, 0.8, 1.2, 1.6])
    for (const e of grid)
      for (const n of grid)
        for (const b of grid)
          for (const s of grid) {
            const w: W = [a, c, e, n, b, s];
            const r = objective(w);
            if (r > bestR + 1e-9 || (r > bestR - 1e-9 && distance(w) < distance(bestW))) [bestR, bestW] = [r, w];
          }
console.log(
  `ranking: RANK_FUSION_WEIGHT=${bestW[0]} COVERAGE_WEIGHT=${bestW[1]} ENTITY_WEIGHT=${bestW[2]} NAME_WEIGHT=${bestW[3]} CHUNK_COVERAGE_WEIGHT=${bestW[4]} PHRASE_WEIGHT=${bestW[5]}  (fit ranking ${report(bestW)})`,
);

// Not-found: features of the best article under the chosen ranking, among rows whose best article is eligible
// (the entity rule decides the others).
const samples: { x: NotFoundFeatures; y: number }[] = [];
for (const r of rows) {
  const b = top(r, bestW);
  if (!b) continue;
  samples.push({
    x: {
      coverage: b.coverage,
      chunkCoverage: b.chunkCoverage,
      unknownShare: r.unknownShare,
      absentShare: r.absentShare,
      denseMargin: b.dense - r.denseTypical,
    },
    y: r.answerable ? 1 : 0,
  });
}
const keys = ['coverage', 'chunkCoverage', 'unknownShare', 'absentShare', 'denseMargin'] as const;
const w: Record<(typeof keys)[number] | 'intercept', number> = {
  intercept: 0,
  coverage: 0,
  chunkCoverage: 0,
  unknownShare: 0,
  absentShare: 0,
  denseMargin: 0,
};
const L2 = 0.01;
// Unanswerable questions are few: the classes are weighed equally, and the decision threshold is then
// chosen to keep false "not found" within MAX_FALSE_NOT_FOUND on the fit questions.
const positives = samples.filter((s) => s.y === 1).length;
const classWeight = (y: number) =>
  y === 1
    ? samples.length / (2 * Math.max(1, positives))
    : samples.length / (2 * Math.max(1, samples.length - positives));
for (let step = 0; step < 20000; step++) {
  const grad = { intercept: 0, coverage: 0, chunkCoverage: 0, unknownShare: 0, absentShare: 0, denseMargin: 0 };
  for (const s of samples) {
    const z = w.intercept + keys.reduce((sum, k) => sum + w[k] * s.x[k], 0);
    const err = (1 / (1 + Math.exp(-z)) - s.y) * classWeight(s.y);
    grad.intercept += err;
    for (const k of keys) grad[k] += err * s.x[k];
  }
  w.intercept -= (0.5 * grad.intercept) / samples.length;
  for (const k of keys) w[k] -= 0.5 * (grad[k] / samples.length + L2 * w[k]);
}
const MAX_FALSE_NOT_FOUND = 0.05;
const settings = settingsFrom(config);
const model = { ...settings, notFoundModel: { ...w } };
const probabilities = samples.map((s) => ({ p: answerProbability(s.x, model), y: s.y }));
let threshold = 0;
let bestRejected = -1;
for (let t = 0.02; t < 0.99; t += 0.01) {
  const falseNotFound = probabilities.filter((x) => x.y === 1 && x.p < t).length / Math.max(1, positives);
  const rejected = probabilities.filter((x) => x.y === 0 && x.p < t).length;
  if (falseNotFound <= MAX_FALSE_NOT_FOUND && rejected > bestRejected) [threshold, bestRejected] = [t, rejected];
}
const correct = probabilities.filter((x) => (x.p >= threshold ? 1 : 0) === x.y).length;
const r3 = (x: number) => Math.round(x * 100) / 100;
console.log(
  `not-found model: NOT_FOUND_INTERCEPT=${r3(w.intercept)} NOT_FOUND_W_COVERAGE=${r3(w.coverage)} NOT_FOUND_W_CHUNK_COVERAGE=${r3(w.chunkCoverage)} NOT_FOUND_W_UNKNOWN=${r3(w.unknownShare)} NOT_FOUND_W_ABSENT=${r3(w.absentShare)} NOT_FOUND_W_DENSE_MARGIN=${r3(w.denseMargin)}`,
);
console.log(`NOT_FOUND_THRESHOLD=${threshold.toFixed(2)}`);
console.log(
  `  (${samples.length} questions with an article that names every party; ${correct} classified right; ${questions.length} fit questions, ${untuned.size} untuned left out)`,
);
