// Dates as news pages print them ("July 1, 2023", "১৮ অগস্ট ২০২৫ ১৮:৫৫", "24 सितंबर 2023", "6 июля 2023 г."),
// used to recognise date lines as chrome and to read the stated date of a scraped page.

const MONTH_NAMES: Record<number, string[]> = {
  1: ['january', 'jan', 'जनवरी', 'জানুয়ারি', 'জানুয়ারী', 'январь', 'января', 'янв'],
  2: ['february', 'feb', 'फरवरी', 'फ़रवरी', 'ফেব্রুয়ারি', 'ফেব্রুয়ারী', 'февраль', 'февраля', 'фев'],
  3: ['march', 'mar', 'मार्च', 'মার্চ', 'март', 'марта', 'мар'],
  4: ['april', 'apr', 'अप्रैल', 'अप्रेल', 'এপ্রিল', 'апрель', 'апреля', 'апр'],
  5: ['may', 'मई', 'মে', 'май', 'мая'],
  6: ['june', 'jun', 'जून', 'জুন', 'июнь', 'июня', 'июн'],
  7: ['july', 'jul', 'जुलाई', 'জুলাই', 'июль', 'июля', 'июл'],
  8: ['august', 'aug', 'अगस्त', 'অগস্ট', 'আগস্ট', 'অগাস্ট', 'август', 'августа', 'авг'],
  9: ['september', 'sep', 'sept', 'सितंबर', 'सितम्बर', 'সেপ্টেম্বর', 'сентябрь', 'сентября', 'сен', 'сент'],
  10: ['october', 'oct', 'अक्टूबर', 'अक्तूबर', 'অক্টোবর', 'октябрь', 'октября', 'окт'],
  11: ['november', 'nov', 'नवंबर', 'नवम्बर', 'নভেম্বর', 'ноябрь', 'ноября', 'ноя', 'нояб'],
  12: ['december', 'dec', 'दिसंबर', 'दिसम्बर', 'ডিসেম্বর', 'декабрь', 'декабря', 'дек'],
};

const MONTH_BY_NAME = new Map<string, number>(
  Object.entries(MONTH_NAMES).flatMap(([month, names]) =>
    names.map((name) => [name.normalize('NFC'), Number(month)] as const),
  ),
);

/** Words that may accompany a date on a date line without being content. */
const DATE_NOISE = new Set(
  [
  'am', 'pm', 'a.m.', 'p.m.', 'ist', 'gmt', 'utc', 'мск', 'г.', 'г', 'года', 'on', 'at', 'updated', 'published',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  'सोमवार', 'मंगलवार', 'बुधवार', 'गुरुवार', 'शुक्रवार', 'शनिवार', 'रविवार',
  'সোমবার', 'মঙ্গলবার', 'বুধবার', 'বৃহস্পতিবার', 'শুক্রবার', 'শনিবার', 'রবিবার',
  'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье',
  ].map((word) => word.normalize('NFC')),
);

/** Devanagari and Bengali digits to ASCII, so one pattern reads dates in every script. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0966-\u096F\u09E6-\u09EF]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code - (code >= 0x09e6 ? 0x09e6 : 0x0966));
  });
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date.toISOString().slice(0, 10) : undefined;
}

function monthOf(word: string): number | undefined {
  return MONTH_BY_NAME.get(word.toLowerCase().replace(/\.$/, ''));
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
