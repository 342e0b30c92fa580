// Person names in sentences of the four languages, found after the honorifics and titles that introduce
// them in news text: "Prof. Anil MEHTA", "Executive Director Dr Rita Das", "निदेशक प्रो. आर.के. वर्मा",
// "ডিরেক্টর অমিত সেন", "ректор … академик РАН Иван Петров". A run that turns out to hold an
// institution word ("Dr BC Roy … Research Centre") is an institution, not a person.
import { foldText } from '../fold.ts';
import { isStopword } from '../stopwords.ts';
import { tokenize, wordsBefore, type Span, type Token } from './types.ts';
import { isInstitutionWord } from './organisations.ts';
import { isTitle } from './titles.ts';
import { acronymOf } from '../acronym.ts';
import { conceptsOf } from '../concepts.ts';

/** Words that end a name in scripts without capitals: verbs of saying and postpositions. */
const INDIC_STOP = new Set(
  `और एवं तथा ने का के की को से में पर ने कहा बताया बोले द्वारा समेत सहित व
  ও এবং আর বলেন বলেছেন জানান জানিয়েছেন জানিয়েছেন সহ -সহ`
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => foldText(t)),
);

const MAX_NAME_WORDS = 4;

export function findPersons(sentence: string): Span[] {
  const tokens = tokenize(sentence);
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isTitle(tokens[i]!.text)) continue;
    // A chain of titles ("Executive Director Dr", "निदेशक, प्रो") introduces one name.
    const titleStart = i;
    let j = i;
    while (
      j + 1 < tokens.length &&
      (isTitle(tokens[j + 1]!.text) || isOrgAcronym(tokens, j + 1)) &&
      joinable(sentence, tokens[j]!, tokens[j + 1]!)
    )
      j++;
    const name = nameAfter(sentence, tokens, j + 1);
    if (!name) continue;
    const start = tokens[name.from]!.start;
    const end = tokens[name.to]!.end;
    const text = sentence.slice(start, end).replace(/[.,]$/, '');
    spans.push({
      kind: 'person',
      text,
      start,
      end: start + text.length,
      title: sentence.slice(tokens[titleStart]!.start, tokens[j]!.end),
      before: wordsBefore(sentence, tokens[titleStart]!.start),
    });
    i = name.to;
  }
  return spans;
}

/** "академик РАН Петр": an organisation's acronym between a title and the name. */
function isOrgAcronym(tokens: Token[], k: number): boolean {
  const t = tokens[k]!.text;
  return (
    /^\p{Script=Cyrillic}{3,}$/u.test(t) &&
    /^\p{Lu}+$/u.test(t) &&
    tokens[k + 1] !== undefined &&
    /^\p{Lu}\p{Ll}/u.test(tokens[k + 1]!.text)
  );
}

/** Titles chain across spaces, dots and commas ("निदेशक, प्रो"), never across other punctuation. */
function joinable(sentence: string, left: Token, right: Token): boolean {
  return /^[\s.,]*$/.test(sentence.slice(left.end, right.start));
}

function nameAfter(sentence: string, tokens: Token[], from: number): { from: number; to: number } | undefined {
  const first = tokens[from];
  if (!first || !/^[\s.,]*$/.test(sentence.slice(tokens[from - 1]!.end, first.start))) return undefined;
  const cased = /^[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(first.text);
  let to = from - 1;
  for (let k = from; k < tokens.length && k - from < MAX_NAME_WORDS; k++) {
    const token = tokens[k]!;
    if (k > from && !/^\s+$/.test(sentence.slice(tokens[k - 1]!.end, token.start))) break;
    const folded = foldText(token.text).replace(/\.$/, '');
    if (isInstitutionWord(token.text)) return undefined; // "Dr BC Roy … Centre": an institution
    if (cased) {
      if (!/^\p{Lu}/u.test(token.text)) break;
    } else if (
      INDIC_STOP.has(folded) ||
      (isStopword(folded) && k > from) ||
      isTitle(token.text) ||
      conceptsOf(folded).some((c) => c.generic)
    )
      break;
    if (acronymOf(folded) !== undefined && !/[.]/.test(token.text)) return undefined; // "डॉ. आरएमएलआईएमएस": an institution
    to = k;
  }
  if (to < from) return undefined;
  // One upper-case word alone ("МГУ", "UNESCO") is an organisation's acronym, not a name.
  if (to === from && /^\p{Lu}{3,}$/u.test(tokens[from]!.text)) return undefined;
  // Words after the name that still belong to the phrase ("Rita Das and …" stops at "and"; "Dr Rao …
  // Hospital" is caught above). One Indic word alone is often a common noun: keep it only when quoted as a name.
  for (let k = to + 1; k < Math.min(tokens.length, to + 3); k++) {
    if (!/^\s+$/.test(sentence.slice(tokens[k - 1]!.end, tokens[k]!.start))) break;
    if (isInstitutionWord(tokens[k]!.text)) return undefined;
  }
  return { from, to };
}
