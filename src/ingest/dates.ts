// Dates as news pages print them ("July 1, 2023", "১৮ অগস্ট ২০২৫ ১৮:৫৫", "24 सितंबर 2023", "6 июля 2023 г."),
// used to recognise date lines as chrome and to read the stated date of a scraped page. Month and weekday
// names come from the one calendar table (src/text/calendar.ts), digits from src/text/digits.ts.
import { monthOf, WEEKDAYS } from '../text/calendar.ts';
import { asciiDigits } from '../text/digits.ts';

/** Words that may accompany a date on a date line without being content. */
const DATE_NOISE = new Set(
  [
    'am',
    'pm',
    'a.m.',
    'p.m.',
    'ist',
    'gmt',
    'utc',
    'мск',
    'г.',
    'г',
    'года',
    'on',
    'at',
    'updated',
    'published',
    ...Object.values(WEEKDAYS)
      .flat(2)
      .map((word) => word.toLowerCase()),
  ].map((word) => word.normalize('NFC')),
);

/** Native digits to ASCII, so one pattern reads dates in every script (the one digit table: src/text/digits.ts). */
export const toAsciiDigits = asciiDigits;

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date.toISOString().slice(0, 10) : undefined;
}

/**
 * The first full date (day, month and year) stated in `text`, as YYYY-MM-DD.
 * A date without a year ("आज 24 सितंबर") gives undefined: the year is never guessed.
 */
export function parseStatedDate(text: string): string | undefined {
  const ascii = toAsciiDigits(text);
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(ascii);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(ascii);
  if (dotted) return isoDate(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const words = ascii.split(/[\s,]+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const month = monthOf(words[i]!);
    if (month === undefined) continue;
    const dayBefore = /^(\d{1,2})(st|nd|rd|th)?$/.exec(words[i - 1] ?? '');
    const dayAfter = /^(\d{1,2})(st|nd|rd|th)?$/.exec(words[i + 1] ?? '');
    const day = dayBefore?.[1] ?? dayAfter?.[1];
    const year = /^(\d{4})/.exec(words[dayBefore ? i + 1 : i + 2] ?? '')?.[1];
    if (day && year) return isoDate(Number(year), month, Number(day));
  }
  return undefined;
}

/** True for a line that is only a date and/or time ("Jul 1, 2023 09:52 PM IST", "10:45 07.07.2023"). */
export function isDateOrTimeLine(line: string): boolean {
  const words = toAsciiDigits(line)
    .toLowerCase()
    .split(/[\s,|/·•—–-]+/)
    .filter(Boolean);
  if (words.length === 0 || words.length > 10) return false;
  const hasDigits = words.some((word) => /\d/.test(word));
  const allDateWords = words.every(
    (word) =>
      /^\d{1,4}(st|nd|rd|th)?\.?$/.test(word) ||
      /^\d{1,2}[:.]\d{2}([:.]\d{2})?$/.test(word) ||
      /^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(word) ||
      /^\d{4}-\d{2}-\d{2}(t[\d:.+z-]*)?$/.test(word) ||
      monthOf(word) !== undefined ||
      DATE_NOISE.has(word.replace(/[():]/g, '')),
  );
  return hasDigits && allDateWords;
}

/** True when the text contains something that reads as a date or a clock time. */
export function mentionsDateOrTime(text: string): boolean {
  const ascii = toAsciiDigits(text);
  return parseStatedDate(ascii) !== undefined || /\b\d{1,2}:\d{2}\b/.test(ascii) || /\b\d{4}\b/.test(ascii);
}
