// Places in sentences: a dateline at the start of an article ("PUNE:", "भोपाल।"), a capitalized name after
// a locative preposition ("in Nanjing", "visited Wuhan", "в Казани"), and the cities and countries
// of the concept lexicon in any script ("दिल्ली", "Москва").
import { monthOf, weekdayOf } from '../calendar.ts';
import { conceptsOf } from '../concepts.ts';
import { foldText } from '../fold.ts';
import { tokenize, wordsBefore, type Span, type SpanContext } from './types.ts';
import { isInstitutionWord } from './organisations.ts';

const DATELINE = /^\s*([\p{L}\p{M}][\p{L}\p{M}\s]{1,30}?)\s*[:।]\s/u;
const LOCATIVE =
  /(?:^|[\s(])(?:in|at|visited|to|from|near|в|во|из|под|около)\s+((?:\p{Lu}[\p{L}\p{M}\-’']+)(?:\s+\p{Lu}[\p{L}\p{M}\-’']+){0,2})/gu;

const LEXICON_PLACE_CONFIDENCE = 0.5;

export function findPlaces(sentence: string, context: SpanContext = {}): Span[] {
  const spans: Span[] = [];
  const add = (start: number, text: string, confidence = 1) => {
    if (spans.some((s) => s.start === start)) return;
    spans.push({
      kind: 'place',
      text,
      start,
      end: start + text.length,
      before: wordsBefore(sentence, start),
      ...(confidence < 1 ? { confidence } : {}),
    });
  };
  if (context.articleStart) {
    const dateline = DATELINE.exec(sentence);
    // In cased scripts every word of a place name is capitalized ("New Delhi:", "KOLKATA:"); "Note to editors:"
    // is no dateline.
    const words = dateline ? dateline[1]!.trim().split(/\s+/) : [];
    const cased = words.every((w) => !/^[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(w) || /^\p{Lu}/u.test(w));
    if (dateline && words.length <= 3 && cased) add(sentence.indexOf(dateline[1]!), dateline[1]!.trim());
  }
  for (const match of sentence.matchAll(LOCATIVE)) {
    const name = match[1]!;
    const words = name.split(/\s+/);
    if (words.some((w) => isInstitutionWord(w) || monthOf(w) !== undefined || weekdayOf(w) !== undefined)) continue;
    if (/^\p{Lu}{2,}$/u.test(words[0]!) && words.length === 1 && name.length <= 6) continue; // an acronym: an organisation
    add(match.index + match[0].length - name.length, name);
  }
  for (const token of tokenize(sentence)) {
    // A lower-case word of a cased script is an adjective ("российской"), not a place name.
    if (/^[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(token.text) && !/^\p{Lu}/u.test(token.text)) continue;
    const concepts = conceptsOf(foldText(token.text.replace(/\.$/, '')));
    // A lexicon place alone may be a nationality ("Российско-Китайской"): less sure than a dateline or "in X".
    if (concepts.some((c) => !c.generic) && !spans.some((s) => s.start <= token.start && s.end >= token.end)) {
      add(token.start, token.text.replace(/\.$/, ''), token.text.includes('-') ? 0.2 : LEXICON_PLACE_CONFIDENCE);
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
