// The check every generated answer goes through before anyone sees it: citations must name passages that
// were given, the sources list holds only cited passages numbered in order of first use, and an answer that
// cites nothing (or gives the not-found marker) becomes the "not found" answer. Pure functions.
import type { Passage } from '../retrieve/types.ts';
import type { Answer } from './types.ts';
import { citationFor, notFoundAnswer } from './extractive.ts';
import { NOT_FOUND_MARKER } from './prompt.ts';
import { digitsValue } from '../text/digits.ts';
import { splitSentences } from '../ingest/sentences.ts';

export interface CitationRewrite {
  /** The text with valid citations renumbered as [1], [2]... in order of first use, unknown ones removed. */
  text: string;
  /** 0-based indices of the passages cited, in order of first use: citation n is passage used[n - 1]. */
  used: number[];
  /** Citation numbers that named no passage (removed from the text). */
  removed: number[];
}

// One bracket group: [2], [2, 3], [2; 3], [1-3], [२] (any script's digits), and the 【2】 / 【2†source】 form
// some OpenAI models emit. A cluster is a run of groups: [2][3], [2] [3].
const GROUP = String.raw`(?:\[[ \t]*\p{Nd}+(?:[ \t]*[,;–-]?[ \t]*\p{Nd}+)*[ \t]*\]|【[ \t]*\p{Nd}+[^】\n]*】)`;
const CLUSTER = new RegExp(String.raw`([ \t\u00A0]*)(${GROUP}(?:[ \t]*${GROUP})*)([ \t]*)`, 'gu');
const NUMBER_OR_RANGE = /(\p{Nd}+)(?:[ \t]*[–-][ \t]*(\p{Nd}+))?/gu;

/** Rewrites the citation markers of `text` for a prompt that had `passageCount` passages numbered 1..n. */
export function rewriteCitations(text: string, passageCount: number): CitationRewrite {
  const newNumberOf = new Map<number, number>();
  const used: number[] = [];
  const removed: number[] = [];
  const rewritten = text.replace(CLUSTER, (_match, before: string, cluster: string, after: string, offset: number) => {
    const kept = new Set<number>();
    for (const n of clusterNumbers(cluster, passageCount)) {
      if (!Number.isInteger(n) || n < 1 || n > passageCount) {
        removed.push(n);
        continue;
      }
      let renumbered = newNumberOf.get(n);
      if (renumbered === undefined) {
        renumbered = used.length + 1;
        newNumberOf.set(n, renumbered);
        used.push(n - 1);
      }
      kept.add(renumbered);
    }
    if (kept.size === 0) {
      // Leave one space between the words around it: "claim [7]." -> "claim.", "a [7] b" -> "a b",
      // "a[7] b" -> "a b", and nothing at the start of a line.
      const atLineStart = offset === 0 || text[offset - 1] === '\n';
      if (atLineStart) return '';
      if (before !== '') return after === '' ? '' : ' ';
      return after;
    }
    return `${before}${[...kept]
      .sort((a, b) => a - b)
      .map((n) => `[${n}]`)
      .join('')}${after}`;
  });
  return { text: rewritten, used, removed };
}

/** Whether the model said the passages do not answer the question (tolerant of spacing and case). */
export function isNotFoundReply(text: string): boolean {
  return NOT_FOUND_PATTERN.test(text);
}
const NOT_FOUND_PATTERN = new RegExp(NOT_FOUND_MARKER.split('_').join('[\\s_]*'), 'i');

/**
 * Turns the model's final text into the Answer users see: only its sentences that cite a given passage (an
 * uncited sentence is not grounded in the passages, so it is not shown, as while streaming), with checked,
 * renumbered citations; "not found" when the model says so or cites nothing.
 */
export function checkGeneratedAnswer(question: string, generated: string, passages: readonly Passage[]): Answer {
  const text = stripReasoning(generated).trim();
  const notFound: Answer = { ...notFoundAnswer(question), mode: 'llm' };
  if (isNotFoundReply(text)) return notFound;
  const { text: answer, used } = rewriteCitations(citedSentences(text, passages.length, true), passages.length);
  if (used.length === 0) return notFound;
  return {
    question,
    answer: answer.trim(),
    found: true,
    citations: used.map((index, i) => citationFor(passages[index]!, i + 1)),
    language: notFound.language,
    mode: 'llm',
  };
}

/**
 * What to show while the answer streams: only whole sentences that cite a given passage, so text the final
 * check would drop (uncited, or citing passages that were not given) is never shown, even for a moment. The
 * last sentence is held back while it may still grow or gain its citation; citations are renumbered as the
 * final answer will be (sentences left out cite nothing valid, so they do not shift the numbers). Nothing is
 * shown while the reply could still be the not-found marker.
 */
export function partialDisplayText(textSoFar: string, passageCount: number): string {
  const text = stripReasoning(textSoFar).trim();
  if (isNotFoundReply(text) || couldBeMarkerStart(text)) return '';
  return rewriteCitations(citedSentences(text, passageCount, false), passageCount).text.trim();
}

/** The sentences of `text` that cite a given passage, joined as written; `final` keeps the last sentence too. */
function citedSentences(text: string, passageCount: number, final: boolean): string {
  const shown: string[] = [];
  for (const sentence of completeSentences(text, final)) {
    if (rewriteCitations(sentence.text, passageCount).used.length === 0) continue;
    shown.push(shown.length === 0 ? sentence.text : `${sentence.separator}${sentence.text}`);
  }
  return shown.join('');
}

const LEADING_CITATIONS = new RegExp(String.raw`^(?:[ \t]*${GROUP})+`, 'u');

/**
 * The sentences of a text (while it is still being written, without the last one: it may be unfinished). A
 * citation written after the full stop ("… signed. [1] Next") belongs to the sentence before it.
 */
function completeSentences(text: string, final: boolean): { text: string; separator: string }[] {
  const spans = splitSentences(text).map(({ start, end }) => ({ start, end }));
  for (let i = 1; i < spans.length; i++) {
    const lead = LEADING_CITATIONS.exec(text.slice(spans[i]!.start, spans[i]!.end))?.[0];
    if (!lead) continue;
    spans[i - 1]!.end = spans[i]!.start + lead.length;
    spans[i]!.start += lead.length;
  }
  const kept = spans.filter((span) => text.slice(span.start, span.end).trim() !== '');
  return (final ? kept : kept.slice(0, -1)).map((span, i) => ({
    text: text.slice(span.start, span.end).trim(),
    separator: i === 0 ? '' : text.slice(kept[i - 1]!.end, span.start).match(/\s*$/)![0] || ' ',
  }));
}

function couldBeMarkerStart(text: string): boolean {
  const compact = text.replace(/\s+/g, '_').toUpperCase();
  return compact.length > 0 && NOT_FOUND_MARKER.startsWith(compact);
}

/** Removes the <think>…</think> block that reasoning models served by Ollama or vLLM put before the answer. */
export function stripReasoning(text: string): string {
  return text.replace(/<think>[\s\S]*?(?:<\/think>|$)/g, '');
}

function clusterNumbers(cluster: string, passageCount: number): number[] {
  const numbers: number[] = [];
  for (const group of cluster.match(new RegExp(GROUP, 'gu')) ?? []) {
    // In 【2†source】 only the leading number is a citation.
    const body = group.startsWith('【') ? (group.match(/\p{Nd}+/u)?.[0] ?? '') : group;
    for (const match of body.matchAll(NUMBER_OR_RANGE)) {
      const from = digitsValue(match[1]!);
      const to = match[2] === undefined ? undefined : digitsValue(match[2]);
      // Expand a real range ([1-3]); anything wider than the passage list is two separate numbers.
      if (to !== undefined && to > from && to - from <= passageCount) {
        for (let n = from; n <= to; n++) numbers.push(n);
      } else {
        numbers.push(from);
        if (to !== undefined) numbers.push(to);
      }
    }
  }
  return numbers;
}
