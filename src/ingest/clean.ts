// Rule-based removal of site chrome from a scraped article, in any of the four languages. Three kinds of
// rules, applied in order:
//   1. line patterns (chrome.ts): login links, "Advertisement", bylines, photo credits, follow prompts...;
//      a "next story", comment-form or syndication line ends the article;
//   2. link lists: a heading such as "Featured News" / "यह भी पढ़ें" / "আরও পড়ুন" / "Читайте также" and
//      the headline-like items under it;
//   3. position: what stands before the first real paragraph is the headline (kept as the title) or page
//      furniture; what stands after the last real paragraph is page furniture, unless it is a list
//      introduced by a line ending in ':'.
// The output has one paragraph per line of text, separated by exactly one blank line, so cleaning a
// cleaned body changes nothing.
import { classifyChromeLine, endsArticle, isInlineLink, isLinkListHeading, type ChromeKind } from './chrome.ts';
import { dominantScript } from '../text/script.ts';
import { comparableLine, toLines, wordCount } from './normalize.ts';
import { splitSentences } from './sentences.ts';

export type RemovalReason = ChromeKind | 'linkList' | 'beforeArticle' | 'afterArticle' | 'title' | 'duplicate';

export interface RemovedLine {
  line: string;
  reason: RemovalReason;
}

export interface CleanedArticle {
  /** The headline found at the top of the page (only when no title was given). */
  title?: string;
  /** Paragraphs separated by exactly one blank line. */
  body: string;
  /** Every line that was dropped, with the rule that dropped it (bylines and dates are read from these). */
  removed: RemovedLine[];
}

export interface CleanOptions {
  /** A title known from elsewhere (front matter, HTML); lines repeating it are dropped, no headline is sought. */
  title?: string;
}

interface Line {
  text: string;
  bullet: boolean;
}

const BULLET = /^([•●▪■◦‣∙·►▶✓✔]|[-*–—]\s|\d{1,2}[.)]\s|[a-z][.)]\s)/u;
const SENTENCE_END = /[.!?।॥…]["'”’»)\]]*$/u;
const STATEMENT_END = /[.।॥…]["'”’»)\]]*$/u;
const LIST_INTRO_END = /[:：]$/u;
/** Fewer words than this and a line is a label, not a paragraph. */
const MIN_PARAGRAPH_WORDS = 5;
/** A closing line with this many words, ending like a statement, is still part of the article. */
const CLOSING_PARAGRAPH_WORDS = 3;
const MAX_HEADLINE_LENGTH = 250;

function toLine(text: string): Line {
  return { text, bullet: BULLET.test(text) };
}

/**
 * A paragraph of the article: at least a few words ending like a sentence. A lone question or exclamation
 * does not count, because headlines are often phrased that way ("..., বিশেষ প্রশিক্ষণ পাবেন কারা?").
 */
function isRealParagraph(line: Line, minWords = MIN_PARAGRAPH_WORDS): boolean {
  if (line.bullet || wordCount(line.text) < minWords) return false;
  if (STATEMENT_END.test(line.text)) return true;
  return SENTENCE_END.test(line.text) && splitSentences(line.text).length >= 2;
}

/** Pattern rules; everything after an end-of-article line goes once the article has begun. */
function dropChromeLines(lines: Line[], removed: RemovedLine[]): Line[] {
  const kept: Line[] = [];
  let articleStarted = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const kind = classifyChromeLine(line.text);
    if (!kind) {
      kept.push(line);
      articleStarted ||= isRealParagraph(line);
      continue;
    }
    removed.push({ line: line.text, reason: kind });
    if (articleStarted && endsArticle(kind)) {
      for (const rest of lines.slice(i + 1)) removed.push({ line: rest.text, reason: 'afterArticle' });
      break;
    }
  }
  return kept;
}

/** Link-list headings with the headline-like lines under them, and one-line "Also read: ..." links. */
function dropLinkLists(lines: Line[], removed: RemovedLine[]): Line[] {
  const kept: Line[] = [];
  let inList = false;
  for (const line of lines) {
    if (isLinkListHeading(line.text)) {
      inList = true;
    } else if (inList && !isRealParagraph(line)) {
      // still an item of the list
    } else if (isInlineLink(line.text)) {
      inList = false;
    } else {
      inList = false;
      kept.push(line);
      continue;
    }
    removed.push({ line: line.text, reason: 'linkList' });
  }
  return kept;
}

/** Consecutive repeats (a standfirst echoed as a caption, "Advertisement" twice...). */
function dropRepeatedLines(lines: Line[], removed: RemovedLine[]): Line[] {
  return lines.filter((line, i) => {
    const repeated = i > 0 && comparableLine(lines[i - 1]!.text) === comparableLine(line.text);
    if (repeated) removed.push({ line: line.text, reason: 'duplicate' });
    return !repeated;
  });
}

function stripHeadlineMarks(text: string): string {
  return text.replace(/^[-–—•*·|\s]+/u, '').trim();
}

/**
 * The headline among the lines above the first paragraph: the longest line of a few words in the script
 * the article is written in (so an English SEO label above a Bengali headline is not taken).
 */
function chooseHeadline(candidates: Line[], bodyScript: string): string | undefined {
  const headlines = candidates.filter(
    (line) => wordCount(line.text) >= 2 && line.text.length <= MAX_HEADLINE_LENGTH && !line.bullet,
  );
  const sameScript = headlines.filter((line) => dominantScript(line.text) === bodyScript);
  const pool = sameScript.length > 0 ? sameScript : headlines;
  const longest = pool.reduce<Line | undefined>(
    (best, line) => (!best || line.text.length > best.text.length ? line : best),
    undefined,
  );
  return longest ? stripHeadlineMarks(longest.text) || undefined : undefined;
}

/** Splits off what stands before the first real paragraph; returns the headline found there. */
function dropLinesBeforeArticle(
  lines: Line[],
  firstParagraph: number,
  options: CleanOptions,
  removed: RemovedLine[],
): { lines: Line[]; title?: string } {
  const leading = lines.slice(0, firstParagraph);
  const rest = lines.slice(firstParagraph);
  const title = options.title ? undefined : chooseHeadline(leading, dominantScript(rest.map((l) => l.text).join(' ')));
  for (const line of leading) {
    const isTitle = title !== undefined && stripHeadlineMarks(line.text) === title;
    removed.push({ line: line.text, reason: isTitle ? 'title' : 'beforeArticle' });
  }
  return { lines: rest, title };
}

/** Keeps a list introduced by a line ending in ':' right after the last paragraph; drops the rest. */
function dropLinesAfterArticle(lines: Line[], lastParagraph: number, removed: RemovedLine[]): Line[] {
  let end = lastParagraph + 1;
  while (end < lines.length) {
    const intro = lines[end]!;
    const listLength = bulletRunLength(lines, end + 1);
    if (intro.bullet || !LIST_INTRO_END.test(intro.text) || listLength === 0) break;
    end += 1 + listLength;
  }
  for (const line of lines.slice(end)) removed.push({ line: line.text, reason: 'afterArticle' });
  return lines.slice(0, end);
}

function bulletRunLength(lines: Line[], from: number): number {
  let length = 0;
  while (lines[from + length]?.bullet) length++;
  return length;
}

/** The known title repeated at the top of the body (an HTML h1, a pasted headline). */
function dropRepeatedTitle(lines: Line[], title: string, removed: RemovedLine[]): Line[] {
  const first = lines[0];
  if (first && comparableLine(first.text) === comparableLine(title)) {
    removed.push({ line: first.text, reason: 'title' });
    return lines.slice(1);
  }
  return lines;
}

/** Applies the positional rules; without any real paragraph only the headline is taken off the top. */
function applyPositionRules(
  lines: Line[],
  options: CleanOptions,
  removed: RemovedLine[],
): { lines: Line[]; title?: string } {
  const first = lines.findIndex((line) => isRealParagraph(line));
  if (first === -1) {
    if (options.title || lines.length < 2) return { lines };
    const [top, ...rest] = lines;
    removed.push({ line: top!.text, reason: 'title' });
    return { lines: rest, title: stripHeadlineMarks(top!.text) };
  }
  // Once the article has begun, a short closing statement ("The MoU runs for five years.") is still the
  // article's; chrome after the last paragraph rarely ends like a sentence.
  const last =
    lines.length - 1 - [...lines].reverse().findIndex((line) => isRealParagraph(line, CLOSING_PARAGRAPH_WORDS));
  const trimmed = dropLinesAfterArticle(lines, last, removed);
  return dropLinesBeforeArticle(trimmed, first, options, removed);
}

/** Removes site chrome from a scraped article and normalizes its layout. */
export function cleanArticleText(raw: string, options: CleanOptions = {}): CleanedArticle {
  const removed: RemovedLine[] = [];
  let lines = toLines(raw).map(toLine);
  if (options.title) lines = dropRepeatedTitle(lines, options.title, removed);
  lines = dropChromeLines(lines, removed);
  lines = dropLinkLists(lines, removed);
  lines = dropRepeatedLines(lines, removed);
  const positioned = applyPositionRules(lines, options, removed);
  const body = positioned.lines.map((line) => line.text).join('\n\n');
  return positioned.title ? { title: positioned.title, body, removed } : { body, removed };
}
