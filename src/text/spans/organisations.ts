// Organisations in sentences: the article's own named parties (its front matter) wherever a sentence names
// them, capitalized runs around an institution word ("Society for Rural Health", "Pune City Hospital",
// "National Nursing Council"), Russian adjective + noun phrases ("Казанского медицинского университета"), and
// quoted names ("‘সেন্টার ফর রুরাল কেয়ার’").
import { conceptsOf, INSTITUTION_CONCEPTS } from '../concepts.ts';
import { foldText } from '../fold.ts';
import { isTitle } from './titles.ts';
import { tokenize, wordsBefore, type Span, type SpanContext, type Token } from './types.ts';

/** Institution words the lexicon does not list. */
const EXTRA_WORDS =
  /^(foundation|trust|society|academy|agency|ministry|laboratory|lab|department|organi[sz]ation|фонд\p{L}*|академи\p{L}*|министерств\p{L}*|лаборатори\p{L}*|фाउंडेशन|फाउंडेशन|ফাউন্ডেশন|কাউন্সিল|ট্রাস্ট|अकादमी|मंत्रालय|মন্ত্রক)$/u;

export function isInstitutionWord(word: string): boolean {
  const folded = foldText(word)
    .replace(/[.,:;]$/, '')
    .replace(/['’]s$/, '');
  if (EXTRA_WORDS.test(folded)) return true;
  return conceptsOf(folded).some((c) => INSTITUTION_CONCEPTS.has(c.id));
}

/** Concept ids of an organisation's kind ("Sir … Hospital" → hospital), for matching "which hospitals". */
export function institutionKinds(text: string): string[] {
  const kinds = new Set<string>();
  for (const word of text.split(/[\s,]+/)) {
    const folded = foldText(word).replace(/[.,:;)]$/, '');
    for (const c of conceptsOf(folded)) if (INSTITUTION_CONCEPTS.has(c.id)) kinds.add(c.id);
    if (EXTRA_WORDS.test(folded)) kinds.add('organisation');
  }
  return [...kinds];
}

const CONNECTORS = new Set(['of', 'for', 'in', 'and', 'the', 'de', 'on', '&']);
// Quoted names, each opening quote with its own closing one.
const QUOTED = /‘([^‘’\n]{3,80})’|“([^“”\n]{3,80})”|«([^«»\n]{3,80})»|'([^'\n]{3,80})'|"([^"\n]{3,80})"/gu;

export function findOrganisations(sentence: string, context: SpanContext = {}): Span[] {
  const spans: Span[] = [];
  const add = (start: number, end: number) => {
    const text = sentence.slice(start, end).replace(/[\s,.:;-]+$/, '');
    if (text.length < 3 || spans.some((s) => s.start <= start && s.end >= start + text.length)) return;
    spans.push({ kind: 'organisation', text, start, end: start + text.length, before: wordsBefore(sentence, start) });
  };
  // The article's parties, as written in its front matter.
  // Lower case keeps offsets (folding would not: it drops nukta signs).
  const lower = sentence.normalize('NFC').toLowerCase();
  for (const name of [...(context.institutions ?? [])].sort((a, b) => b.length - a.length)) {
    const bare = name.replace(/\s*\([^)]*\)\s*$/, '');
    for (const form of [name, bare]) {
      const at = lower.indexOf(form.normalize('NFC').toLowerCase());
      if (at >= 0 && form.length >= 4) {
        add(at, at + form.length);
        break;
      }
    }
  }
  for (const match of sentence.matchAll(QUOTED)) {
    const inner = match.slice(1).find((g) => g !== undefined)!;
    if (/^\p{Lu}|[\u0900-\u09FF]/u.test(inner) && inner.split(/\s+/).length <= 8)
      add(match.index + 1, match.index + 1 + inner.length);
  }
  const tokens = tokenize(sentence);
  tokens.forEach((token, i) => {
    if (!isInstitutionWord(token.text)) return;
    const [from, to] = expand(sentence, tokens, i);
    if (to > from || /^\p{Lu}/u.test(token.text)) add(tokens[from]!.start, tokens[to]!.end);
  });
  return spans.sort((a, b) => a.start - b.start);
}

/** The run of name words around an institution word. */
function expand(sentence: string, tokens: Token[], i: number): [number, number] {
  const head = tokens[i]!;
  const spaced = (a: Token, b: Token) =>
    /^[\s\-–]+$/.test(sentence.slice(a.end, b.start)) || sentence.slice(a.end, b.start) === '';
  if (/^\p{Script=Latin}/u.test(head.text)) {
    const capital = (t: Token) => /^[\p{Lu}\d]/u.test(t.text);
    let from = i;
    while (
      from > 0 &&
      spaced(tokens[from - 1]!, tokens[from]!) &&
      (capital(tokens[from - 1]!) ||
        (CONNECTORS.has(tokens[from - 1]!.text.toLowerCase()) && from - 2 >= 0 && capital(tokens[from - 2]!)))
    )
      from--;
    while (from < i && (CONNECTORS.has(tokens[from]!.text.toLowerCase()) || isTitle(tokens[from]!.text))) from++;
    let to = i;
    while (
      to + 1 < tokens.length &&
      spaced(tokens[to]!, tokens[to + 1]!) &&
      (capital(tokens[to + 1]!) ||
        (CONNECTORS.has(tokens[to + 1]!.text.toLowerCase()) && tokens[to + 2] && capital(tokens[to + 2]!)))
    )
      to++;
    if (!capital(head) && from === i) return [i, i - 1];
    return [from, to];
  }
  if (/^\p{Script=Cyrillic}/u.test(head.text)) {
    // Adjectives before the noun (agreeing endings), the first of them often capitalized; genitive words after it.
    let from = i;
    while (
      from > 0 &&
      spaced(tokens[from - 1]!, tokens[from]!) &&
      /(ого|его|ой|ий|ый|ая|ое|их|ых|ским|ской)$/u.test(tokens[from - 1]!.text)
    )
      from--;
    let to = i;
    while (
      to + 1 < tokens.length &&
      spaced(tokens[to]!, tokens[to + 1]!) &&
      /^\p{Ll}/u.test(tokens[to + 1]!.text) &&
      /(ого|его|ой|ия|ии|ов|ей|ых|ания|ения)\.?$/u.test(tokens[to + 1]!.text) &&
      to - i < 3
    )
      to++;
    const named = tokens.slice(from, to + 1).some((t) => /^\p{Lu}/u.test(t.text));
    return named || to > i ? [from, to] : [i, i - 1];
  }
  return [i, i - 1];
}
