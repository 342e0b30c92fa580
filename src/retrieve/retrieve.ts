// Hybrid, document-aware retrieval with a calibrated "not found".
//   1. Dense (HNSW, cosine) and lexical (BM25 over cross-script terms) candidates, fused by weighted RRF.
//   2. Per article: its best fused chunk, blended with the share of the question's words it contains
//      (evidence.ts), so ranking and the found/not-found decision rest on absolute evidence too.
//   3. Not found unless some article contains enough of the question (NOT_FOUND_THRESHOLD) and its named
//      entities (ENTITY_MIN_COVERAGE).
//   4. Passages: list questions get one passage per relevant article first; others get the best article's
//      best chunks, then close competitors. Overlapping neighbours merge; near-duplicates are dropped.
import type { IndexSnapshot, ScoredChunk, StoredChunk } from '../index/types.ts';
import { createAnalyzer, type Analyzer } from '../text/analyze.ts';
import { contentWords, gatherEvidence, isNamed, type Evidence } from './evidence.ts';
import { reciprocalRankFusion, type Fused } from './fusion.ts';
import { isListQuestion } from './intent.ts';
import { dropNearDuplicates, mergeNeighbours, wordJaccard } from './passages.ts';
import { settingsFrom, type RetrievalSettings } from './settings.ts';
import type { Passage, Retrieval, RetrieveOptions } from './types.ts';

/** One article's standing for a question. */
export interface RankedDocument {
  docId: string;
  /** Its chunks among the fused candidates, best first, with their own scores. */
  chunks: { chunk: StoredChunk; score: number; coverage: number }[];
  /** Best fused rank score of its chunks, normalized to [0, 1]. */
  rankScore: number;
  coverage: number;
  entityCoverage: number;
  /** (1 - COVERAGE_WEIGHT) × rankScore + COVERAGE_WEIGHT × coverage. */
  score: number;
  /** Passes the not-found rule. */
  eligible: boolean;
}

/** Word-set Jaccard similarity above which two passages say the same thing. */
const NEAR_DUPLICATE = 0.8;

export interface RetrievalDiagnostics {
  query: string;
  list: boolean;
  evidence: Evidence;
  documents: RankedDocument[];
}

export async function retrieve(snapshot: IndexSnapshot, question: string, options: RetrieveOptions): Promise<Retrieval> {
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
  const documents = await rankDocuments(snapshot, query, options.k, settings, analyzer);
  const diagnostics = { query, list, evidence: documents.evidence, documents: documents.ranked };

  const eligible = documents.ranked.filter((d) => d.eligible);
  if (eligible.length === 0) return { retrieval: { question, passages: [], found: false }, diagnostics };
  const passages = selectPassages(eligible, list, options.k, settings);
  return { retrieval: { question, passages, found: passages.length > 0 }, diagnostics };
}

async function rankDocuments(
  snapshot: IndexSnapshot,
  query: string,
  k: number,
  settings: RetrievalSettings,
  analyzer: Analyzer,
): Promise<{ ranked: RankedDocument[]; evidence: Evidence }> {
  const n = Math.min(snapshot.chunks.size, Math.max(settings.candidates, k));
  // Every lexical hit feeds the evidence; the best n are the lexical candidates.
  const lexicalHits = n === 0 ? [] : snapshot.searchLexical(query, snapshot.chunks.size);
  const dense = n === 0 ? [] : await snapshot.searchDense(query, n);
  const lexical = lexicalHits.slice(0, n);
  const fused = reciprocalRankFusion<ScoredChunk>(
    [
      { items: dense, weight: settings.denseWeight },
      { items: lexical, weight: settings.lexicalWeight },
    ],
    settings.rrfK,
    (s) => s.chunk.id,
  );
  const evidence = gatherEvidence(snapshot, query, analyzer, lexicalHits);

  // Candidates by article. Chunks that matched lexically but ranked below the candidate cut join with a rank
  // score of 0: in a large corpus of similar articles, the one that covers the question must not be lost.
  const byDoc = new Map<string, Fused<ScoredChunk>[]>();
  const add = (f: Fused<ScoredChunk>) => {
    const list = byDoc.get(f.item.chunk.docId);
    if (list) list.push(f);
    else byDoc.set(f.item.chunk.docId, [f]);
  };
  fused.forEach(add);
  const fusedIds = new Set(fused.map((f) => f.item.chunk.id));
  for (const hit of lexicalHits.slice(n)) if (!fusedIds.has(hit.chunk.id)) add({ item: hit, score: 0, normalized: 0 });

  const cw = settings.coverageWeight;
  const ranked: RankedDocument[] = [...byDoc].map(([docId, hits]) => {
    const coverage = evidence.coverage(docId);
    const entityCoverage = evidence.entityCoverage(docId);
    const rankScore = Math.max(...hits.map((h) => h.normalized));
    const chunks = hits
      .map((h) => {
        const chunkCoverage = evidence.chunkCoverage(h.item.chunk.id);
        return { chunk: h.item.chunk, score: (1 - cw) * h.normalized + cw * chunkCoverage, coverage: chunkCoverage };
      })
      .sort((a, b) => b.score - a.score);
    return {
      docId,
      chunks,
      rankScore,
      coverage,
      entityCoverage,
      score: (1 - cw) * rankScore + cw * coverage,
      eligible: coverage >= settings.notFoundThreshold && entityCoverage >= settings.entityMinCoverage,
    };
  });
  ranked.sort((a, b) => b.score - a.score);
  return { ranked, evidence };
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
