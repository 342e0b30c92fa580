// Scoring, exactly as ../shared/eval/README.md defines it:
//   - a cited article is the right one when its text contains one of the question's markers; list questions
//     name several markers and each should be matched by some citation;
//   - recall@k (answerable items): the right article is among the first k cited articles (for a list
//     question: the share of its markers matched within the first k articles, out of min(k, markers));
//   - MRR: 1 / rank of the first right article;
//   - fact coverage: share of fact groups of which some alternative occurs in the answer or a cited passage;
//   - not-found accuracy (unanswerable items): found is false and nothing is cited;
//   - answer-level (answerable items, fact groups pooled): answer facts (matched in the answer text itself),
//     lead facts (in its first sentence: up to the first `[n]`, else the first . ! ? ।), readable facts
//     (in the answer, by an alternative whose letters are all in the asker's script, or all Latin for a
//     non-English asker, or that has no letters).
// Ranks are over distinct cited articles, in citation order ("doc-level").
import type { EvalQuestion } from './questions.ts';
import { ALL_INVISIBLES } from '../text/invisible.ts';
import { scriptOf, type Script } from '../text/script.ts';

/** What a system returned for one question. */
export interface SystemAnswer {
  answer: string;
  found: boolean;
  citations: { docId: string; text: string }[];
}

export interface ItemScore {
  id: string;
  lang: string;
  type?: string;
  answerable: boolean;
  /** Distinct cited articles in order. */
  docs: string[];
  /** 1-based rank of the first right article, or undefined. */
  firstRightRank?: number;
  recallAt1: number;
  recallAtK: number;
  reciprocalRank: number;
  factGroups: number;
  factsMatched: number;
  missingFacts: string[][];
  /** Fact groups matched in the answer text itself / its first sentence / by an alternative the asker reads. */
  answerFacts: number;
  leadFacts: number;
  readableFacts: number;
  /** Unanswerable items: found=false and no citations. */
  notFoundCorrect?: boolean;
  found: boolean;
  misses: string[];
}

export interface Summary {
  questions: number;
  answerable: number;
  unanswerable: number;
  k: number;
  recallAt1: number;
  recallAtK: number;
  mrr: number;
  factCoverage: number;
  notFoundAccuracy: number;
  /** Answerable questions answered with "not found". */
  falseNotFound: number;
  /** falseNotFound as a share of the answerable items. */
  falseNotFoundRate: number;
  answerFacts: number;
  leadFacts: number;
  readableFacts: number;
}

/** Case-insensitive, Unicode-normalized containment (markers and facts are matched as written otherwise). */
export function containsText(haystack: string, needle: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(ALL_INVISIBLES, '').toLowerCase().replace(/\s+/g, ' ');
  return norm(haystack).includes(norm(needle));
}

/** The answer's first sentence: up to its first citation marker, or its first sentence end when it has none. */
export function leadSentence(answer: string): string {
  const marker = answer.search(/\[\d+\]/);
  if (marker >= 0) return answer.slice(0, marker);
  const end = answer.search(/[.!?।]/);
  return end >= 0 ? answer.slice(0, end + 1) : answer;
}

const SCRIPT_OF_LANGUAGE: Record<string, Script> = { en: 'latin', hi: 'devanagari', bn: 'bengali', ru: 'cyrillic' };

/** Whether an asker of `lang` can read `text`: all its letters in the asker's script, or all Latin, or no letters. */
export function readableBy(lang: string, text: string): boolean {
  const letters = text.match(/\p{L}\p{M}*/gu) ?? [];
  if (letters.length === 0) return true;
  const scripts = new Set(letters.map((l) => scriptOf(l)));
  if (scripts.size !== 1) return false;
  const only = [...scripts][0];
  return only === SCRIPT_OF_LANGUAGE[lang] || (lang !== 'en' && only === 'latin');
}

/**
 * Scores one answer. `articleText(docId)` is the full text of a cited article (markers identify articles,
 * not passages).
 */
export function scoreItem(
  question: EvalQuestion,
  result: SystemAnswer,
  k: number,
  articleText: (docId: string) => string,
): ItemScore {
  const docs = [...new Set(result.citations.map((c) => c.docId))];
  const misses: string[] = [];
  const base = {
    id: question.id,
    lang: question.lang,
    ...(question.type ? { type: question.type } : {}),
    answerable: question.answerable,
    docs,
    found: result.found,
  };

  if (!question.answerable) {
    const notFoundCorrect = !result.found && result.citations.length === 0;
    if (!notFoundCorrect) misses.push(`answered an unanswerable question (cited ${docs.join(', ') || 'nothing'})`);
    const none = { factGroups: 0, factsMatched: 0, answerFacts: 0, leadFacts: 0, readableFacts: 0, missingFacts: [] };
    return { ...base, recallAt1: 0, recallAtK: 0, reciprocalRank: 0, ...none, notFoundCorrect, misses };
  }

  const markersOf = (docId: string) => question.expect.filter((m) => containsText(articleText(docId), m));
  const recallAt = (n: number) => {
    const matched = new Set(docs.slice(0, n).flatMap(markersOf));
    return Math.min(1, matched.size / Math.min(n, question.expect.length));
  };
  const rightIndex = docs.findIndex((d) => markersOf(d).length > 0);
  const firstRightRank = rightIndex >= 0 ? rightIndex + 1 : undefined;

  const evidence = [result.answer, ...result.citations.map((c) => c.text)].join('\n');
  const missingFacts = question.facts.filter((group) => !group.some((alt) => containsText(evidence, alt)));
  const groupsIn = (text: string, usable: (alt: string) => boolean = () => true) =>
    question.facts.filter((group) => group.some((alt) => usable(alt) && containsText(text, alt))).length;
  const answerText = result.found ? result.answer : '';

  const recallAt1 = recallAt(1);
  const recallAtK = recallAt(k);
  if (!result.found) misses.push('answered "not found"');
  else if (firstRightRank === undefined) misses.push(`right article not cited (cited ${docs.join(', ') || 'nothing'})`);
  else if (recallAt1 < 1) misses.push(`right article ranked ${firstRightRank} (first: ${docs[0]})`);
  if (recallAtK < 1 && firstRightRank !== undefined) {
    const unmatched = question.expect.filter((m) => !docs.slice(0, k).some((d) => markersOf(d).includes(m)));
    misses.push(`markers not matched in top ${k}: ${unmatched.join(', ')}`);
  }
  if (missingFacts.length > 0) misses.push(`facts missing: ${missingFacts.map((g) => g.join(' | ')).join('; ')}`);

  return {
    ...base,
    ...(firstRightRank !== undefined ? { firstRightRank } : {}),
    recallAt1,
    recallAtK,
    reciprocalRank: firstRightRank ? 1 / firstRightRank : 0,
    factGroups: question.facts.length,
    factsMatched: question.facts.length - missingFacts.length,
    answerFacts: groupsIn(answerText),
    leadFacts: groupsIn(leadSentence(answerText)),
    readableFacts: groupsIn(answerText, (alt) => readableBy(question.lang, alt)),
    missingFacts,
    misses,
  };
}

export function summarize(items: ItemScore[], k: number): Summary {
  const answerable = items.filter((i) => i.answerable);
  const unanswerable = items.filter((i) => !i.answerable);
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const groups = answerable.reduce((s, i) => s + i.factGroups, 0);
  const pooled = (get: (i: ItemScore) => number) =>
    groups === 0 ? 1 : answerable.reduce((s, i) => s + get(i), 0) / groups;
  const falseNotFound = answerable.filter((i) => !i.found).length;
  return {
    questions: items.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    k,
    recallAt1: mean(answerable.map((i) => i.recallAt1)),
    recallAtK: mean(answerable.map((i) => i.recallAtK)),
    mrr: mean(answerable.map((i) => i.reciprocalRank)),
    factCoverage: pooled((i) => i.factsMatched),
    notFoundAccuracy: unanswerable.length === 0 ? 1 : mean(unanswerable.map((i) => (i.notFoundCorrect ? 1 : 0))),
    falseNotFound,
    falseNotFoundRate: answerable.length === 0 ? 0 : falseNotFound / answerable.length,
    answerFacts: pooled((i) => i.answerFacts),
    leadFacts: pooled((i) => i.leadFacts),
    readableFacts: pooled((i) => i.readableFacts),
  };
}
