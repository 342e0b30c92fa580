// Markdown bodies follow Markdown's layout rules before cleaning: a single line break inside a paragraph is
// a soft wrap, not a new paragraph (a curator may wrap lines at 100 columns), list items and headings
// stay lines of their own, and heading markers are dropped. The same unwrapping serves plain-text pages
// that were saved hard-wrapped (scraped pages normally put one paragraph on one line).

const LIST_ITEM = /^\s*([-*+•]|\d{1,3}[.)])\s/u;
const HEADING = /^\s{0,3}#{1,6}\s+/u;

/** Blocks separated by blank lines (which may hold spaces), with line breaks unified. */
function splitBlocks(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split(/\n[^\S\n]*\n/);
}

function startsOwnLine(line: string): boolean {
  return LIST_ITEM.test(line) || HEADING.test(line);
}

/** Joins soft-wrapped lines of one block; list items and headings keep their own line. */
function unwrapBlock(block: string): string[] {
  const lines: string[] = [];
  let previousIsHeading = false;
  for (const line of block.split('\n')) {
    const current = lines[lines.length - 1];
    if (current === undefined || startsOwnLine(line) || previousIsHeading) lines.push(line.trim());
    else lines[lines.length - 1] = `${current} ${line.trim()}`;
    previousIsHeading = HEADING.test(line);
  }
  return lines.map((line) => line.replace(HEADING, ''));
}

/** Markdown body to plain lines: one line per paragraph, list item or heading. */
export function markdownToLines(content: string): string {
  return splitBlocks(content)
    .map((block) => block.trim())
    .filter(Boolean)
    .flatMap(unwrapBlock)
    .join('\n\n');
}

const WRAP_WIDTH = 100;
const SENTENCE_END = /[.!?।॥:…]["'”’»)\]]*$/u;

/**
 * True for text hard-wrapped at a fixed width: blank lines separate blocks of several short lines, and most
 * lines that continue in the same block stop mid-sentence.
 */
export function looksHardWrapped(text: string): boolean {
  const blocks = splitBlocks(text).map((b) =>
    b
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
  const lines = blocks.flat();
  const continued = blocks.flatMap((block) => block.slice(0, -1));
  if (lines.length < 6 || blocks.length < 2 || !blocks.some((block) => block.length >= 3)) return false;
  const short = lines.filter((line) => line.length <= WRAP_WIDTH).length / lines.length;
  const midSentence = continued.filter((line) => !SENTENCE_END.test(line)).length / Math.max(1, continued.length);
  return short >= 0.8 && midSentence >= 0.6;
}
