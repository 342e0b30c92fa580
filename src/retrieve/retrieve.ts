// Hybrid, document-aware retrieval with a fitted "not found".
//   1. Dense (HNSW, cosine) and lexical (BM25 over cross-script terms, field-boosted) candidates: the top
//      RETRIEVE_CANDIDATES chunks of each, fused by weighted RRF, plus the articles among the top hits of each
//      of the question's words (a rare name's article is never lost below the cut). Nothing walks the corpus.
//   2. Per candidate article, evidence from its own words (evidence.ts): idf-weighted coverage, named
//      parties at full strength, parties in its title/institutions/aliases. Ranking is a weighted sum of
//      these and the fused rank (weights are settings).
//   3. Found when the best article names every party of the question at full strength (a year included) and
//      a small logistic model over scale-free features (coverage, best-chunk coverage, unknown names, dense
//      margin) says so; its coefficients are settings, fitted on dev + dev-2 (see config.ts).
//   4. Passages: list questions get one passage per relevant article first; others get the best article's
//      best chunks, then close competitors. Overlapping neighbours merge; near-duplicates are dropped.
import type { IndexSnapshot, ScoredChunk, StoredChunk } from '../index/types.ts';
import { KEY_PREFIX, createAnalyzer, type Analyzer, type Word } from '../text/analyze.ts';
import { contentWords, gatherEvidence, isNamed, type ArticleEvidence, type Evidence } from './evidence.ts';
import { reciprocalRankFusion, type Fused } from './fusion.ts';
import { isListQuestion, isYesNoQuestion } from './intent.ts';
import { dropNearDuplicates, mergeNeighbours, wordJaccard } from './passages.ts';
import { settingsFrom, type RetrievalSettings } from './settings.ts';
import type { Passage, Retrieval, RetrieveOptions } from './types.ts';

/** The scale-free features the not-found model reads, for the best article. */
export interface NotFoundFeatures {
  coverage: number;
  chunkCoverage: number;
  unknownShare: number;
  absentShare: number;
  denseMargin: number;
}

/** One article's standing for a question. */
export interface RankedDocument {
  docId: string;
  /** Its candidate chunks (and, for passages, its other chunks), best first, with their own scores. */
  chunks: { chunk: StoredChunk; score: number; coverage: number }[];
  /** Best fused rank score of its chunks, normalized to [0, 1]. */
  rankScore: number;
  /** Best dense similarity of its chunks among the dense candidates (0 when none). */
  dense: number;
  coverage: number;
  /** Share of the question's neighbouring word pairs close together in it (phrases). */
  phraseCoverage: number;
  entityCoverage: number;
  nameCoverage: number;
  missing: string[];
  score: number;
  /** Names every party at full strength (ENTITY_MIN_COVERAGE). */
  eligible: boolean;
}

/** Word-set Jaccard similarity above which two passages say the same thing. */
const NEAR_DUPLICATE = 0.8;

export interface RetrievalDiagnostics {
  query: string;
  list: boolean;
  evidence: Evidence;
  documents: RankedDocument[];
  /** Features of the best article and the model's probability that it answers (absent with no candidate). */
  notFound?: { features: NotFoundFeatures; probability: number };
}

export async function retrieve(
  snapshot: IndexSnapshot,
  question: string,
  options: RetrieveOptions,
): Promise<Retrieval> {
  return (await retrieveWithDiagnostics(snapshot, question, options)).retrieval;
}

/** `retrieve` plus the scores behind its decision (for the eval and for tuning). */
export async function retrieveWithDiagnostics(
  snapshot: IndexSnapshot,
  question: string,
  options: RetrieveOptions,
): Promise<{ retrieval: Retrieval; diagnostics: RetrievalDiagnostics }> {
  const settings = settingsFrom(options.config);
  const analyzer = createAnalyzer({ maxCacheSize: 10_000 });
  const query = withFollowUpContext(question, options.history, analyzer);
  const list = isListQuestion(question);
  const { ranked, evidence, denseTypical } = await rankDocuments(snapshot, query, options.k, settings, analyzer);
  const diagnostics: RetrievalDiagnostics = { query, list, evidence, documents: ranked };
  // The answer comes from the best article that names every party; the model judges that one.
  const eligible = ranked.filter((d) => d.eligible);
  const best = eligible[0];
  const features = best ? notFoundFeatures(best, evidence, denseTypical) : undefined;
  const probability = features ? answerProbability(features, settings) : 0;
  if (features) diagnostics.notFound = { features, probability };
  if (!best || probability < settings.notFoundThreshold) {
    // The closest collaboration, for the answer to name ("nothing on X, but there is Y"), when one came close.
    const closest = ranked[0];
    const nearest = closest && closest.coverage >= settings.nearestMinCoverage ? closest.chunks[0]?.chunk : undefined;
    return { retrieval: { question, passages: [], found: false, ...(nearest ? { nearest } : {}) }, diagnostics };
  }
  const passages = selectPassages(eligible, list, options.k, settings);
  return { retrieval: { question, passages, found: passages.length > 0 }, diagnostics };
}

export function notFoundFeatures(best: RankedDocument, evidence: Evidence, denseTypical: number): NotFoundFeatures {
  return {
    coverage: best.coverage,
    chunkCoverage: best.chunks[0]?.coverage ?? 0,
    unknownShare: evidence.unknownShare,
    absentShare: evidence.absentShare,
    denseMargin: best.dense - denseTypical,
  };
}

/** The fitted logistic model: probability that the best article answers the question. */
export function answerProbability(f: NotFoundFeatures, s: RetrievalSettings): number {
  const m = s.notFoundModel;
  const z =
    m.intercept +
    m.coverage * f.coverage +
    m.chunkCoverage * f.chunkCoverage +
    m.unknownShare * f.unknownShare +
    m.absentShare * f.absentShare +
    m.denseMargin * f.denseMargin;
  return 1 / (1 + Math.exp(-z));
}

async function rankDocuments(
  snapshot: IndexSnapshot,
  query: string,
  k: number,
  settings: RetrievalSettings,
  analyzer: Analyzer,
): Promise<{ ranked: RankedDocument[]; evidence: Evidence; denseTypical: number }> {
  const n = Math.min(snapshot.chunks.size, Math.max(settings.candidates, k));
  const lexical = n === 0 ? [] : snapshot.searchLexical(query, n);
  const dense = n === 0 ? [] : await snapshot.searchDense(query, n);
  const fused = reciprocalRankFusion<ScoredChunk>(
    [
      { items: dense, weight: settings.denseWeight },
      { items: lexical, weight: settings.lexicalWeight },
    ],
    settings.rrfK,
    (s) => s.chunk.id,
  );
  // Each word's own top hits: its rarity, and its articles join the candidates.
  const wordDocs = new Set<string>();
  const wordHits = (word: Word): ReadonlySet<string> => {
    const hits = n === 0 ? [] : snapshot.searchLexical(word.raw, n);
    const own = new Set([...word.terms, ...word.keys.filter((t) => t.length - KEY_PREFIX.length >= 3)]);
    const direct = hits.filter((h) => h.matchedTerms === undefined || h.matchedTerms.some((t) => own.has(t)));
    const docs = new Set((direct.length > 0 ? direct : hits).map((h) => h.chunk.docId));
    if (direct.length > 0 && isNamed(word)) for (const doc of docs) wordDocs.add(doc);
    return docs;
  };
  const fusedDocs = new Set(fused.map((f) => f.item.chunk.docId));
  const evidence = gatherEvidence(snapshot, query, analyzer, wordHits, () => [...fusedDocs, ...wordDocs], {
    yesNo: isYesNoQuestion(query),
  });

  const byDoc = new Map<string, Fused<ScoredChunk>[]>();
  for (const f of fused) {
    const list = byDoc.get(f.item.chunk.docId);
    if (list) list.push(f);
    else byDoc.set(f.item.chunk.docId, [f]);
  }
  for (const docId of wordDocs) if (!byDoc.has(docId)) byDoc.set(docId, []);
  const denseBest = new Map<string, number>();
  for (const d of dense) denseBest.set(d.chunk.docId, Math.max(denseBest.get(d.chunk.docId) ?? -1, d.score));

  const w = settings.ranking;
  const ranked: RankedDocument[] = [...byDoc].map(([docId, hits]) => {
    const ev: ArticleEvidence = evidence.article(docId);
    const rankScore = hits.length > 0 ? Math.max(...hits.map((h) => h.normalized)) : 0;
    const fusedOf = new Map(hits.map((h) => [h.item.chunk.id, h]));
    const chunks = [...ev.chunkCoverage]
      .map(([id, coverage]) => {
        const chunk = fusedOf.get(id)?.item.chunk ?? snapshot.chunks.get(id)!;
        return { chunk, coverage, score: w.chunkFusion * (fusedOf.get(id)?.normalized ?? 0) + coverage };
      })
      .filter((c) => c.chunk !== undefined)
      .sort((a, b) => b.score - a.score || (a.chunk.id < b.chunk.id ? -1 : a.chunk.id > b.chunk.id ? 1 : 0));
    return {
      docId,
      chunks,
      rankScore,
      dense: denseBest.get(docId) ?? 0,
      coverage: ev.coverage,
      phraseCoverage: ev.phraseCoverage,
      entityCoverage: ev.entityCoverage,
      nameCoverage: ev.nameCoverage,
      missing: ev.missing,
      score:
        w.fusion * rankScore +
        w.coverage * ev.coverage +
        w.entity * ev.entityCoverage +
        w.names * ev.nameCoverage +
        w.chunkCoverage * (chunks[0]?.coverage ?? 0) +
        w.phraseCoverage * ev.phraseCoverage,
      eligible: ev.entityCoverage >= settings.entityMinCoverage,
    };
  });
  ranked.sort(compareDocuments);
  return { ranked, evidence, denseTypical: median(dense.map((d) => d.score)) };
}

/**
 * Best first: by score, then by fused rank, then by dense similarity, then by id, so that equal scores never
 * depend on the order in which candidates arrived (the corpus's folder order).
 */
export function compareDocuments(a: RankedDocument, b: RankedDocument): number {
  return (
    b.score - a.score ||
    b.rankScore - a.rankScore ||
    b.dense - a.dense ||
    (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0)
  );
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function selectPassages(eligible: RankedDocument[], list: boolean, k: number, settings: RetrievalSettings): Passage[] {
  const best = eligible[0]!;
  // A list question wants every article that qualifies; otherwise only close competitors of the best.
  // At most k articles, skipping any whose best passage repeats one already taken (the same story filed twice).
  const related: RankedDocument[] = [];
  for (const doc of eligible) {
    if (related.length >= k) break;
    if (!list && doc.score < settings.relatedDocMin * best.score) break;
    const text = doc.chunks[0]!.chunk.text;
    if (!related.some((r) => wordJaccard(r.chunks[0]!.chunk.text, text) >= NEAR_DUPLICATE)) related.push(doc);
  }
  // How many chunks each article gets: list questions spread over articles first; others deepen the best.
  const quota = new Map<string, number>();
  let used = 0;
  const give = (doc: RankedDocument) => {
    const have = quota.get(doc.docId) ?? 0;
    if (used >= k || have >= Math.min(settings.passagesPerDoc, doc.chunks.length)) return false;
    quota.set(doc.docId, have + 1);
    used++;
    return true;
  };
  if (list) {
    for (const doc of related) give(doc);
  } else {
    while (give(best));
  }
  for (let round = 0; round < settings.passagesPerDoc && used < k; round++) for (const doc of related) give(doc);

  const passages: Passage[] = [];
  for (const doc of related) {
    const take = quota.get(doc.docId) ?? 0;
    if (take === 0) continue;
    const chosen = doc.chunks.slice(0, take);
    // Best chunk first; a merged passage stands where its best part stood.
    const merged = mergeNeighbours(chosen.map((c) => c.chunk));
    const position = (chunk: StoredChunk) => chosen.findIndex((c) => covers(chunk, c.chunk));
    merged.sort((a, b) => position(a) - position(b));
    for (const chunk of merged) {
      const chunkCoverage = Math.max(...chosen.filter((c) => covers(chunk, c.chunk)).map((c) => c.coverage));
      passages.push({ chunk, relevance: clamp01(0.5 * doc.coverage + 0.5 * chunkCoverage) });
    }
  }
  return dropNearDuplicates(passages, (p) => p.chunk.text, NEAR_DUPLICATE);
}

function covers(outer: StoredChunk, inner: StoredChunk): boolean {
  return outer.docId === inner.docId && outer.start <= inner.start && outer.end >= inner.end;
}

/**
 * A follow-up that names nothing ("And when was it signed?") is searched together with the previous
 * question, which does.
 */
function withFollowUpContext(question: string, history: RetrieveOptions['history'], analyzer: Analyzer): string {
  if (!history || history.length === 0) return question;
  if (contentWords(question, analyzer).some(({ word }) => isNamed(word))) return question;
  const previous = [...history].reverse().find((turn) => turn.question.trim() !== '');
  return previous ? `${question}\n${previous.question}` : question;
}

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}
