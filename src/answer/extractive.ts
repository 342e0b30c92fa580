// The offline answer: the sentences of the retrieved passages that best match the question, each followed by
// the [n] of its passage. No generation, so every word of the answer is a quote from a cited article.
import type { Retrieval, Passage } from '../retrieve/types.ts';
import { toLanguage, type Language } from '../i18n/index.ts';
import { detectLanguage } from '../ingest/language.ts';
import type { Answer, Citation } from './types.ts';
import { splitSentences } from '../ingest/sentences.ts';
import { createAnalyzer } from '../text/analyze.ts';
import { isListQuestion } from '../retrieve/intent.ts';
import { documentRef } from '../types.ts';

export const NOT_FOUND_TEXT = 'I found nothing about that in the corpus.';

export interface ExtractiveOptions {
  /** Most sentences in the answer. */
  maxSentences: number;
  /** Most sentences quoted from one passage, so a list question shows several articles. */
  maxPerPassage: number;
  /** Soft limit on the answer length in characters. */
  maxChars: number;
}

const DEFAULTS: ExtractiveOptions = { maxSentences: 4, maxPerPassage: 2, maxChars: 900 };

interface Candidate {
  passageIndex: number;
  order: number;
  text: string;
  /** Weighted count of question terms in the sentence. */
  overlap: number;
  score: number;
}

/** The language the asker reads: the question's (English when it is none of the four). */
export function askerLanguage(question: string): Language {
  return toLanguage(detectLanguage(question));
}

export function notFoundAnswer(question: string): Answer {
  return { question, answer: NOT_FOUND_TEXT, found: false, citations: [], language: askerLanguage(question), mode: 'extractive' };
}

export function citationFor(passage: Passage, n: number): Citation {
  const { chunk } = passage;
  return {
    n,
    docId: chunk.docId,
    ...documentRef(chunk),
    text: chunk.text,
    score: round(passage.relevance),
  };
}

export function extractiveAnswer(question: string, retrieval: Retrieval, options: Partial<ExtractiveOptions> = {}): Answer {
  const opts = { ...DEFAULTS, ...options };
  if (!retrieval.found || retrieval.passages.length === 0) return notFoundAnswer(question);

  const chosen = chooseSentences(question, retrieval.passages, opts);
  // Number the passages in the order the answer first uses them, and cite only those.
  const numberOf = new Map<number, number>();
  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const sentence of chosen) {
    let n = numberOf.get(sentence.passageIndex);
    if (n === undefined) {
      n = citations.length + 1;
      numberOf.set(sentence.passageIndex, n);
      citations.push(citationFor(retrieval.passages[sentence.passageIndex]!, n));
    }
    parts.push(`${sentence.text} [${n}]`);
  }
  return { question, answer: parts.join(' '), found: true, citations, language: askerLanguage(question), mode: 'extractive' };
}

/**
 * Scores every sentence of every passage by the question terms it contains (rarer terms count more), plus a
 * small prior for the passage's rank; then picks greedily with a per-passage cap. Every passage that made it
 * into the retrieval keeps at least its best sentence when there is room, so list questions cite each article.
 */
function chooseSentences(question: string, passages: Passage[], opts: ExtractiveOptions): Candidate[] {
  // One analyzer per answer: the question and every sentence share its memo of analysed words, and the same
  // analysis as the lexical index lets an English question meet a Bengali sentence (আইআইটি = iit).
  const analyzer = createAnalyzer({ maxCacheSize: 5_000 });
  const questionTerms = new Set(analyzer.terms(question).filter((t) => t.length > 1));
  const candidates: Candidate[] = [];
  passages.forEach((passage, passageIndex) => {
    splitSentences(passage.chunk.text).forEach((s, order) => {
      const text = s.text.trim();
      // Datelines, headings and fragments ("लखनऊ।", "Key areas:") say nothing on their own.
      if (isStatement(text)) candidates.push({ passageIndex, order, text, overlap: 0, score: 0 });
    });
  });

  const sentenceTerms = candidates.map((c) => new Set(analyzer.terms(c.text)));
  const documentFrequency = new Map<string, number>();
  for (const terms of sentenceTerms) for (const t of terms) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  const total = candidates.length;

  candidates.forEach((c, i) => {
    let overlap = 0;
    for (const t of questionTerms) {
      if (sentenceTerms[i]!.has(t)) overlap += Math.log(1 + total / (documentFrequency.get(t) ?? 1));
    }
    c.overlap = overlap;
    const passage = passages[c.passageIndex]!;
    // Priors: retrieval already judged the passage, and news is written as an inverted pyramid: the lede (first
    // sentence of the article) states who signed what with whom, which most questions about an MoU ask.
    const isLede = passage.chunk.index === 0 && c.order === 0;
    c.score = overlap + 0.5 * passage.relevance + 0.3 / (1 + c.passageIndex) + (isLede ? 1 : 0);
  });

  const byScore = [...candidates].sort((a, b) => b.score - a.score || a.passageIndex - b.passageIndex || a.order - b.order);
  const best = byScore[0]?.score ?? 0;
  const picked: Candidate[] = [];
  const perPassage = new Map<number, number>();
  const seen = new Set<string>();
  let chars = 0;
  const take = (c: Candidate): boolean => {
    const key = c.text.toLowerCase();
    if (seen.has(key)) return false;
    if ((perPassage.get(c.passageIndex) ?? 0) >= opts.maxPerPassage) return false;
    if (picked.length >= opts.maxSentences) return false;
    if (picked.length > 0 && chars + c.text.length > opts.maxChars) return false;
    picked.push(c);
    seen.add(key);
    perPassage.set(c.passageIndex, (perPassage.get(c.passageIndex) ?? 0) + 1);
    chars += c.text.length;
    return true;
  };
  // A sentence earns its place by matching the question about as well as the best one. Sentences sharing
  // nothing with the question only fill in from the best passage (a question in another language may share
  // no word with its answer).
  const relevant = (c: Candidate, share: number) => c.score >= share * best && (c.overlap > 0 || c.passageIndex === 0);

  const docOf = (c: Candidate) => passages[c.passageIndex]!.chunk.docId;
  const bestDoc = byScore[0] ? docOf(byScore[0]) : undefined;
  if (isListQuestion(question)) {
    // A list question names every article retrieval chose: first the best sentence of each.
    const seenDocs = new Set<string>();
    for (const c of byScore) {
      if (seenDocs.has(docOf(c)) || !(picked.length === 0 || relevant(c, 0.3))) continue;
      if (take(c)) seenDocs.add(docOf(c));
    }
  }
  // Then the best remaining sentences; another article's only when it matches nearly as well as the best.
  for (const c of byScore) {
    if (!picked.includes(c) && relevant(c, docOf(c) === bestDoc ? 0.35 : 0.75)) take(c);
  }
  // Read article by article (best article first), each in its own order.
  const docRank = new Map<string, number>();
  for (const c of picked) {
    const docId = passages[c.passageIndex]!.chunk.docId;
    if (!docRank.has(docId)) docRank.set(docId, docRank.size);
  }
  const position = (c: Candidate) => {
    const chunk = passages[c.passageIndex]!.chunk;
    return [docRank.get(chunk.docId)!, chunk.index, c.order] as const;
  };
  return picked.sort((a, b) => {
    const [da, ca, oa] = position(a);
    const [db, cb, ob] = position(b);
    return da - db || ca - cb || oa - ob;
  });
}

const MIN_STATEMENT_CHARS = 25;

function isStatement(sentence: string): boolean {
  return sentence.length >= MIN_STATEMENT_CHARS && !sentence.endsWith(':') && /\s/.test(sentence);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
