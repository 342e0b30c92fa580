// Numbers and quantities in sentences of the four languages: digits of any script ("২০০ জনকে", "200"),
// grouped digits ("10,000", "10 000"), number words ("three", "пять", "दस", "তিন"), multipliers
// ("5 тысяч", "2 लाख", "5 million") and qualifiers ("более 40", "more than 70", "200 से अधिक", "প্রায় ৫০").
// Years, days of dates and citation markers are not quantities.
import { monthOf } from '../calendar.ts';
import { asciiDigits } from '../digits.ts';
import { tokenize, wordsBefore, type NumberValue, type Span, type Token } from './types.ts';

/** Number words 1-20 (and tens) as quantities are written in running text. */
const NUMBER_WORDS: Record<string, number> = Object.fromEntries(
  [
    [
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty',
      1,
    ],
    ['один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать', 1],
    ['एक दो तीन चार पांच छह सात आठ नौ दस', 1],
    ['এক দুই তিন চার পাঁচ ছয় সাত আট নয় দশ', 1],
  ].flatMap(([words]) => (words as string).split(' ').map((w, i) => [w, i + 1] as const)),
);
// Words that are numbers only as articles or pronouns far too often to be quantities.
const AMBIGUOUS_WORDS = new Set(['one', 'один', 'एक', 'এক']);

/** Multipliers after a number: "5 тысяч", "2 लाख", "5 million". Matched on lower-case prefixes. */
const MULTIPLIERS: [RegExp, number][] = [
  [/^(thousand|тысяч|тыс|हज़ार|हजार|হাজার)/u, 1e3],
  [/^(lakh|लाख|লাখ|লক্ষ)/u, 1e5],
  [/^(million|миллион|млн|मिलियन|মিলিয়ন)/u, 1e6],
  [/^(crore|करोड़|करोड|কোটি)/u, 1e7],
  [/^(billion|миллиард|млрд|अरब|বিলিয়ন)/u, 1e9],
];

/** Qualifier words before the number, and after it (Hindi and Bengali put "more than" after). */
const QUALIFIER_BEFORE: [RegExp, NumberValue['qualifier']][] = [
  [/^(более|свыше|больше|over|above)$/u, 'more'],
  [/^(менее|меньше|under|below)$/u, 'less'],
  [/^(около|примерно|почти|about|around|nearly|approximately|some|almost|करीब|लगभग|প্রায়|প্রায়)$/u, 'about'],
];
const QUALIFIER_PHRASE_BEFORE: [RegExp, NumberValue['qualifier']][] = [
  [/(more than|at least|upwards of)\s*$/iu, 'more'],
  [/(less than|fewer than|up to)\s*$/iu, 'less'],
];
const QUALIFIER_AFTER: [RegExp, NumberValue['qualifier']][] = [
  [/^(से\s+(अधिक|ज़्यादा|ज्यादा)|(-?এরও?|-?টিরও?)?\s*বেশি|এরও বেশি)/u, 'more'],
  [/^(से\s+कम|(-?এর)?\s*কম)/u, 'less'],
];

export function findNumbers(sentence: string): Span[] {
  const tokens = tokenize(sentence);
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const parsed = numberAt(sentence, tokens, i);
    if (!parsed) continue;
    let { value } = parsed;
    let last = parsed.last;
    const next = tokens[last + 1];
    if (next) {
      const multiplier = MULTIPLIERS.find(([p]) => p.test(next.text.toLowerCase()));
      if (multiplier) {
        value *= multiplier[1];
        last += 1;
      }
    }
    let start = token.start;
    let end = tokens[last]!.end;
    let qualifier: NumberValue['qualifier'];
    const prev = tokens[i - 1];
    const before = prev ? QUALIFIER_BEFORE.find(([p]) => p.test(prev.text.toLowerCase())) : undefined;
    const phrase = QUALIFIER_PHRASE_BEFORE.find(([p]) => p.test(sentence.slice(0, start)));
    if (before && prev) [qualifier, start] = [before[1], prev.start];
    else if (phrase) {
      qualifier = phrase[1];
      start = sentence.slice(0, start).search(phrase[0]);
    }
    const after = sentence.slice(end).replace(/^\s+/, '');
    const trailing = QUALIFIER_AFTER.find(([p]) => p.test(after));
    if (trailing && !qualifier) {
      qualifier = trailing[1];
      end = sentence.length - after.length + after.match(trailing[0])![0].length;
    }
    const unitToken = tokens.find((t) => t.start >= end);
    const fused = BENGALI_CLASSIFIER.exec(asciiDigits(tokens[last]!.text))?.[0];
    const unit = fused
      ? fused
      : unitToken && /^\p{L}/u.test(unitToken.text) && !/^\d/.test(unitToken.text)
        ? unitToken.text.replace(/\.$/, '')
        : undefined;
    const number: NumberValue = {
      value,
      ...(qualifier ? { qualifier } : {}),
      ...(parsed.word ? { word: parsed.word } : {}),
      ...(unit ? { unit } : {}),
    };
    spans.push({
      kind: 'number',
      text: sentence.slice(start, end),
      start,
      end,
      number,
      before: wordsBefore(sentence, start),
    });
    i = last;
  }
  return spans;
}

/** A Bengali classifier (-টি, -টা, -জন, -খানা) and any case ending after it, fused to a number. */
const BENGALI_CLASSIFIER = /(?<=\d)(?:টি|টা|জন|খানা|খানি)[\p{L}\p{M}]*$/u;

function numberAt(
  sentence: string,
  tokens: Token[],
  i: number,
): { value: number; last: number; word?: string } | undefined {
  const token = tokens[i]!;
  const word = token.text.toLowerCase().replace(/\.$/, '');
  const wordValue = NUMBER_WORDS[word];
  if (wordValue !== undefined) {
    if (AMBIGUOUS_WORDS.has(word)) return undefined;
    return { value: wordValue, last: i, word: token.text };
  }
  // Bengali fuses a classifier to the digits: "১২০টি প্রকল্প", "১৫০জনকে", "৪০টিরও বেশি".
  const ascii = asciiDigits(token.text).replace(/\.$/, '').replace(BENGALI_CLASSIFIER, '');
  if (!/^\d+(?:[.,]\d+)*$/.test(ascii)) return undefined;
  // Citation markers "[2]" and parts of dates or times are not quantities.
  if (sentence[token.start - 1] === '[' || /^[:\-–/]\d/.test(sentence.slice(token.end, token.end + 2)))
    return undefined;
  const neighbours = [tokens[i - 1], tokens[i + 1]];
  if (neighbours.some((t) => t && monthOf(t.text) !== undefined)) return undefined;
  if (/^(19|20)\d\d$/.test(ascii)) return undefined;
  // "10 000": a group of three digits after a short number is the same number.
  let last = i;
  let digits = ascii.replace(/,(?=\d{3}\b)/g, '');
  while (
    tokens[last + 1] &&
    /^\d{3}$/.test(asciiDigits(tokens[last + 1]!.text)) &&
    /^[\s\u00A0\u202F]$/.test(sentence.slice(tokens[last]!.end, tokens[last + 1]!.start)) &&
    digits.length <= 3
  ) {
    digits += asciiDigits(tokens[last + 1]!.text);
    last += 1;
  }
  const value = Number(digits.replace(',', '.'));
  return Number.isFinite(value) ? { value, last } : undefined;
}
