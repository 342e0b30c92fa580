// Splits text to fit Discord's length limits at the most readable place: a paragraph or sentence end,
// else a space, else anywhere — but never inside a citation marker, a link or a Discord mention token,
// which would break both the rendering and the reader's ability to follow a citation.

/** Spans that must stay whole: `[1]`/`[1, 2]` markers, `[text](url)` links, `<url>`, bare URLs, `<@id>`-style tokens. */
const PROTECTED =
  /\[[^\]\n]{0,300}\]\(<?[^)\s>]+>?\)|\[\d+(?:\s*[,–-]\s*\d+)*\]|<https?:\/\/[^>\s]+>|https?:\/\/[^\s<>]+|<(?:@[!&]?|#|a?:\w+:)\d*>/g;

/**
 * A sentence ends after . ! ? … or the Devanagari/Bengali danda (। ॥), plus any closing quotes or brackets,
 * plus citation markers that follow the full stop ("… research. [2]") so a marker stays with its sentence.
 */
const SENTENCE_END = /[.!?…।॥](?:["'”’»)\]]*)(?:\s*\[\d+(?:\s*[,–-]\s*\d+)*\])*(?=\s|$)/g;

interface Span {
  start: number;
  end: number;
}

function protectedSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(PROTECTED)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** True when cutting the text before index `pos` would split a protected span. */
function insideSpan(pos: number, spans: readonly Span[]): boolean {
  return spans.some((span) => pos > span.start && pos < span.end);
}

/** The best cut position in `text` such that `text.slice(0, cut)` has at most `max` characters. */
function findCut(text: string, max: number): number {
  const spans = protectedSpans(text);
  const ok = (pos: number) => pos > 0 && pos <= max && !insideSpan(pos, spans);

  // 1. The last paragraph break, line break or sentence end within the limit.
  let best = -1;
  for (const match of text.matchAll(/\n/g)) {
    if (ok(match.index)) best = Math.max(best, match.index);
  }
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (ok(end)) best = Math.max(best, end);
  }
  if (best > 0) return best;

  // 2. The last space.
  for (let pos = Math.min(max, text.length - 1); pos > 0; pos--) {
    if (/\s/.test(text[pos]!) && ok(pos)) return pos;
  }

  // 3. Anywhere outside a protected span (a single word or URL longer than the limit).
  for (let pos = max; pos > 0; pos--) {
    if (ok(pos) && !isLowSurrogate(text.charCodeAt(pos))) return pos;
  }
  // 4. A protected span longer than the whole limit: nothing readable is possible; cut at the limit.
  return isLowSurrogate(text.charCodeAt(max)) ? max - 1 : max;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Splits `text` into pieces of at most `max` characters each, cutting at sentence boundaries where possible.
 * Whitespace at a cut is dropped; nothing else is. Empty or blank text gives no pieces.
 */
export function splitText(text: string, max: number): string[] {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`splitText: max must be a positive integer, got ${max}`);
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = findCut(rest, max);
    const piece = rest.slice(0, cut).trimEnd();
    if (piece) pieces.push(piece);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Packs whole blocks into as few pieces as possible (each at most `max` characters, blocks joined by
 * `separator`); a block longer than `max` is split with splitText.
 */
export function packBlocks(blocks: readonly string[], max: number, separator = '\n\n'): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const block of blocks.flatMap((b) => (b.length > max ? splitText(b, max) : [b]))) {
    if (!current) current = block;
    else if (current.length + separator.length + block.length <= max) current += separator + block;
    else {
      pieces.push(current);
      current = block;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Shortens text to `max` characters, ending with an ellipsis when it had to cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (isLowSurrogate(text.charCodeAt(end))) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}
