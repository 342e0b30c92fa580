// Dates in sentences of the four languages: "5 अक्टूबर", "September 12, 2022", "3 марта", "Девятого мая",
// "১৮ অগস্ট ২০২৫", "2023-07-01", a month alone ("নভেম্বরে", "in November"), and a weekday ("on Saturday",
// "शनिवार को", "в субботу") resolved to the date it names from the article's date.
import { monthOf, russianOrdinalDay, weekdayOf, YEAR_WORDS } from '../calendar.ts';
import { asciiDigits } from '../digits.ts';
import { tokenize, wordsBefore, type DateValue, type Span, type SpanContext, type Token } from './types.ts';

// Case endings Bengali and Hindi attach to a month ("নভেম্বরে", "সেপ্টেম্বরের", "नवंबर-में" is rare): at most
// this many letters after the month name.
const MAX_MONTH_SUFFIX = 3;
const DAY = /^(\d{1,2})(?:st|nd|rd|th|-?го|-?е)?\.?$/;
const YEAR = /^((?:19|20)\d\d)\.?$/;

export function findDates(sentence: string, context: SpanContext = {}): Span[] {
  const tokens = tokenize(sentence);
  const spans: Span[] = [];
  const used = new Set<number>();
  const push = (from: number, to: number, date: DateValue) => {
    for (let k = from; k <= to; k++) used.add(k);
    const start = tokens[from]!.start;
    const end = tokens[to]!.end;
    spans.push({
      kind: 'date',
      text: sentence.slice(start, end),
      start,
      end,
      date,
      before: wordsBefore(sentence, start),
    });
  };
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const word = asciiDigits(tokens[i]!.text);
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(word);
    if (iso) {
      push(i, i, { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) });
      continue;
    }
    const month = monthIn(tokens[i]!);
    if (month === undefined) continue;
    // Day before ("5 अक्टूबर", "Девятого мая") or after ("September 24"), then an optional year.
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const dayBefore = before && !used.has(i - 1) ? dayOf(before.text) : undefined;
    const dayAfter = dayBefore === undefined && after ? DAY.exec(asciiDigits(after.text))?.[1] : undefined;
    const day = dayBefore ?? (dayAfter ? Number(dayAfter) : undefined);
    if (day !== undefined && (day < 1 || day > 31)) continue;
    let last = dayAfter ? i + 1 : i;
    const yearToken = tokens[last + 1];
    const year = yearToken ? YEAR.exec(asciiDigits(yearToken.text))?.[1] : undefined;
    if (year) last += 1;
    if (year && tokens[last + 1] && YEAR_WORDS.includes(tokens[last + 1]!.text.toLowerCase())) last += 1;
    // A bare month-like word with neither day nor year is a date only when it is unambiguous ("May" is a verb).
    if (day === undefined && !year && tokens[i]!.text.length < 4) continue;
    push(dayBefore !== undefined ? i - 1 : i, last, {
      month,
      ...(day !== undefined ? { day } : {}),
      ...(year ? { year: Number(year) } : {}),
    });
  }
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const weekday = weekdayOf(tokens[i]!.text);
    if (weekday === undefined || tokens[i]!.text.length < 4) continue;
    const resolved = context.articleDate ? resolveWeekday(weekday, context.articleDate) : undefined;
    push(i, i, { weekday, ...(resolved ?? {}) });
  }
  return spans.sort((a, b) => a.start - b.start);
}

function monthIn(token: Token): number | undefined {
  const direct = monthOf(token.text);
  if (direct !== undefined) return direct;
  // Indic case endings: the longest month name the word starts with, leaving a short suffix.
  if (!/[\u0900-\u09FF]/.test(token.text)) return undefined;
  for (let cut = 1; cut <= MAX_MONTH_SUFFIX && cut < token.text.length - 2; cut++) {
    const month = monthOf(token.text.slice(0, -cut));
    if (month !== undefined) return month;
  }
  return undefined;
}

function dayOf(word: string): number | undefined {
  const digits = DAY.exec(asciiDigits(word))?.[1];
  return digits ? Number(digits) : russianOrdinalDay(word);
}

/**
 * The date a weekday names in an article dated `articleDate`: news says "on Saturday" for the last such
 * day up to the article's date (the same day included).
 */
export function resolveWeekday(weekday: number, articleDate: string): DateValue | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(articleDate);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const back = (date.getUTCDay() - weekday + 7) % 7;
  date.setUTCDate(date.getUTCDate() - back);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday,
    resolved: true,
  };
}
