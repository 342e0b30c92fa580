// The one table of month and weekday names in the four languages (every form a news text uses: English
// abbreviations, Hindi and Bengali spelling variants, Russian cases), the Russian ordinal day words
// ("Девятого мая"), and how an answer writes a date for each asker. Dates are parsed (src/ingest/dates.ts),
// indexed as concepts (src/text/concepts.ts) and found in passages (src/text/spans/dates.ts) from this table.
import type { Language } from '../i18n/index.ts';

/** Month 1-12 → its forms per language. The first form of each language is the one answers write. */
export const MONTHS: Record<Language, readonly (readonly string[])[]> = {
  en: [
    ['January', 'jan'],
    ['February', 'feb'],
    ['March', 'mar'],
    ['April', 'apr'],
    ['May'],
    ['June', 'jun'],
    ['July', 'jul'],
    ['August', 'aug'],
    ['September', 'sep', 'sept'],
    ['October', 'oct'],
    ['November', 'nov'],
    ['December', 'dec'],
  ],
  hi: [
    ['जनवरी'],
    ['फरवरी', 'फ़रवरी'],
    ['मार्च'],
    ['अप्रैल', 'अप्रेल'],
    ['मई'],
    ['जून'],
    ['जुलाई'],
    ['अगस्त'],
    ['सितंबर', 'सितम्बर'],
    ['अक्टूबर', 'अक्तूबर'],
    ['नवंबर', 'नवम्बर'],
    ['दिसंबर', 'दिसम्बर'],
  ],
  bn: [
    ['জানুয়ারি', 'জানুয়ারী'],
    ['ফেব্রুয়ারি', 'ফেব্রুয়ারী'],
    ['মার্চ'],
    ['এপ্রিল'],
    ['মে'],
    ['জুন'],
    ['জুলাই'],
    ['অগস্ট', 'আগস্ট', 'অগাস্ট'],
    ['সেপ্টেম্বর'],
    ['অক্টোবর'],
    ['নভেম্বর'],
    ['ডিসেম্বর'],
  ],
  // Genitive first (the form after a day: "6 июля"), then nominative, prepositional, abbreviations.
  ru: [
    ['января', 'январь', 'январе', 'янв'],
    ['февраля', 'февраль', 'феврале', 'фев'],
    ['марта', 'март', 'марте', 'мар'],
    ['апреля', 'апрель', 'апреле', 'апр'],
    ['мая', 'май', 'мае'],
    ['июня', 'июнь', 'июне', 'июн'],
    ['июля', 'июль', 'июле', 'июл'],
    ['августа', 'август', 'августе', 'авг'],
    ['сентября', 'сентябрь', 'сентябре', 'сен', 'сент'],
    ['октября', 'октябрь', 'октябре', 'окт'],
    ['ноября', 'ноябрь', 'ноябре', 'ноя', 'нояб'],
    ['декабря', 'декабрь', 'декабре', 'дек'],
  ],
};

/** Russian nominative month names, for a month written without a day ("ноябрь 2025"). */
const RU_MONTH_NOMINATIVE = MONTHS.ru.map((forms) => forms[1]!);

/** Weekday 0 (Sunday) - 6 → its forms per language; the first form is the one answers write. */
export const WEEKDAYS: Record<Language, readonly (readonly string[])[]> = {
  en: [
    ['Sunday', 'sun'],
    ['Monday', 'mon'],
    ['Tuesday', 'tue', 'tues'],
    ['Wednesday', 'wed'],
    ['Thursday', 'thu', 'thurs'],
    ['Friday', 'fri'],
    ['Saturday', 'sat'],
  ],
  hi: [['रविवार', 'इतवार'], ['सोमवार'], ['मंगलवार'], ['बुधवार'], ['गुरुवार', 'बृहस्पतिवार'], ['शुक्रवार'], ['शनिवार']],
  bn: [['রবিবার'], ['সোমবার'], ['মঙ্গলবার'], ['বুধবার'], ['বৃহস্পতিবার'], ['শুক্রবার'], ['শনিবার']],
  ru: [
    ['воскресенье'],
    ['понедельник'],
    ['вторник'],
    ['среда', 'среду'],
    ['четверг'],
    ['пятница', 'пятницу'],
    ['суббота', 'субботу'],
  ],
};

/** Russian ordinal day words (genitive "шестого", nominative neuter "шестое") → day of the month. */
const RU_ORDINAL_STEMS = [
  'перв',
  'втор',
  'трет',
  'четвёрт',
  'пят',
  'шест',
  'седьм',
  'восьм',
  'девят',
  'десят',
  'одиннадцат',
  'двенадцат',
  'тринадцат',
  'четырнадцат',
  'пятнадцат',
  'шестнадцат',
  'семнадцат',
  'восемнадцат',
  'девятнадцат',
  'двадцат',
];
const RU_ORDINAL_ENDINGS = ['ого', 'ое', 'ьего', 'ье'];

/** Words that may stand for a year after a date ("2023 г.", "2023 года", "2023 साल"). */
export const YEAR_WORDS = ['г', 'г.', 'года', 'год', 'году', 'साल', 'वर्ष', 'সাল', 'সালে', 'সালের'];

const fold = (word: string) => word.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/\.$/, '');

function index(table: Record<Language, readonly (readonly string[])[]>): Map<string, number> {
  const map = new Map<string, number>();
  for (const rows of Object.values(table)) rows.forEach((forms, i) => forms.forEach((form) => map.set(fold(form), i)));
  return map;
}
const MONTH_BY_FORM = index(MONTHS);
const WEEKDAY_BY_FORM = index(WEEKDAYS);

/** Every form of every month in the four languages, folded (for lexicons that index month words). */
export function monthForms(month: number): string[] {
  return Object.values(MONTHS).flatMap((rows) => rows[month - 1]!.map(fold));
}

/** Month 1-12 named by `word` in any of the four languages, or undefined. */
export function monthOf(word: string): number | undefined {
  const i = MONTH_BY_FORM.get(fold(word));
  return i === undefined ? undefined : i + 1;
}

/** Weekday 0 (Sunday) - 6 named by `word`, or undefined. */
export function weekdayOf(word: string): number | undefined {
  return WEEKDAY_BY_FORM.get(fold(word));
}

/** Day of the month written as a Russian ordinal word ("Девятого" → 9, "двадцать первого" as its last word → 1). */
export function russianOrdinalDay(word: string): number | undefined {
  const w = fold(word);
  for (let i = RU_ORDINAL_STEMS.length - 1; i >= 0; i--) {
    const stem = fold(RU_ORDINAL_STEMS[i]!);
    if (w.startsWith(stem) && RU_ORDINAL_ENDINGS.includes(w.slice(stem.length))) return i + 1;
  }
  return undefined;
}

/** The month's name as an answer in `language` writes it (`withDay`: Russian takes the genitive after a day). */
export function monthName(month: number, language: Language, withDay = true): string {
  if (language === 'ru' && !withDay) return RU_MONTH_NOMINATIVE[month - 1]!;
  return MONTHS[language][month - 1]![0]!;
}

/** The weekday's name as an answer in `language` writes it. */
export function weekdayName(weekday: number, language: Language): string {
  return WEEKDAYS[language][weekday]![0]!;
}
