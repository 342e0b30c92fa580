// The fields of a record other than the parties: kind, date, place, areas, people. Each comes from the
// passage that states it, preferring the passage that reports the signing; none is guessed.
import { parseStatedDate } from '../dates.ts';
import { acronymOf } from '../../text/acronym.ts';
import { conceptsOf } from '../../text/concepts.ts';
import { foldText } from '../../text/fold.ts';
import { scriptOf } from '../../text/script.ts';
import { isStopword } from '../../text/stopwords.ts';
import { compilePhrases, findPhrases, type Phrase } from './phrases.ts';
import { PRESENCE_CUES, passageEvidence, type Passage } from './sentences.ts';
import { TOPIC_PHRASES } from './topics.ts';
import type { CollabRecord, Evidence, RecordDate, RecordKind, RecordPerson } from './types.ts';

/** How each kind of agreement is named, in the order of precedence (an MoU is also "an agreement"). */
const KIND_PHRASES: readonly [RecordKind, Phrase[]][] = [
  [
    'mou',
    compilePhrases(
      'mou | mous | memorandum* | memoranda | समझौता ज्ञापन | एमओयू | सहमति पत्र | সমঝোতা স্মারক* | মউ | মৌ | меморандум*',
    ),
  ],
  [
    'communique',
    compilePhrases(
      'communique* | communiqué* | joint statement | joint declaration | संयुक्त वक्तव्य | संयुक्त बयान | संयुक्त घोषणा* | যৌথ বিবৃতি | যৌথ ঘোষণা* | коммюнике | совместн* заявлени* | декларац*',
    ),
  ],
  [
    'agreement',
    compilePhrases(
      'agreement* | accord | accords | pact | समझौत* | करार* | চুক্তি* | соглашени* | договор | договора | договором',
    ),
  ],
  [
    'partnership',
    compilePhrases(
      'partnership* | alliance* | tie-up* | साझेदारी* | भागीदारी* | অংশীদারিত্ব* | গাঁটছড়া* | партнерств* | партнёрств* | альянс*',
    ),
  ],
  [
    'joint-programme',
    compilePhrases(
      'joint programme* | joint program* | course* | programme* | program | programs | संयुक्त कार्यक्रम* | पाठ्यक्रम* | कोर्स | যৌথ কর্মসূচি* | কোর্স* | совместн* программ* | курс*',
    ),
  ],
];

/** The kind of the agreement: the most specific kind the signing passages name, else the other key passages, else any. */
export function extractKind(passages: readonly Passage[]): CollabRecord['kind'] {
  const tiers = [passages.filter((p) => p.signing || p.from === 'title'), passages.filter((p) => p.key), passages];
  for (const tier of tiers) {
    for (const [kind, phrases] of KIND_PHRASES) {
      const p = tier.find((x) => findPhrases(x.words, phrases).length > 0);
      if (p) return { value: kind, evidence: passageEvidence(p) };
    }
  }
  return undefined;
}

const DAY_MONTH = /(\d{1,2})(?:st|nd|rd|th)?\s+([\p{L}\p{M}]+)|([\p{L}\p{M}]+)\s+(\d{1,2})(?!\d)/gu;

/**
 * The date of the signing when a signing passage states it (a full date, or day and month in an article
 * whose own date gives the year), else the article's date marked as such. A year is never guessed.
 */
export function extractDate(
  passages: readonly Passage[],
  articleDate: string | undefined,
  articleDateEvidence: Evidence,
): RecordDate | undefined {
  for (const p of passages.filter((x) => x.signing && x.from === 'body')) {
    const full = parseStatedDate(p.text);
    if (full) return { value: full, basis: 'signed', evidence: passageEvidence(p) };
    if (!articleDate) continue;
    const year = Number(articleDate.slice(0, 4));
    for (const m of p.text.matchAll(DAY_MONTH)) {
      const day = m[1] ?? m[4];
      const month = m[2] ?? m[3];
      // Month names are read by the one month table in ../dates.ts, by giving it the article's year.
      const sameYear = parseStatedDate(`${day} ${month} ${year}`);
      if (!sameYear) continue;
      const value = sameYear <= articleDate ? sameYear : parseStatedDate(`${day} ${month} ${year - 1}`);
      if (value) return { value, basis: 'signed', evidence: passageEvidence(p) };
    }
  }
  return articleDate ? { value: articleDate, basis: 'article', evidence: articleDateEvidence } : undefined;
}

const LOCATIVE = compilePhrases('in | at | visited | в | во');
/** Words after "in"/"at" that are never places (months are rejected through the month table). */
const NOT_PLACES = new Set(
  [
    'the',
    'line',
    'addition',
    'particular',
    'presence',
    'collaboration',
    'частности',
    'рамках',
    'сфере',
    'сферах',
    'области',
  ].map(foldText),
);

/** Where it was signed: the dateline ("KOLKATA:", "लखनऊ।") or a place named in the passage about the signing or meeting. */
export function extractPlace(passages: readonly Passage[], partyNames: readonly string[]): CollabRecord['place'] {
  for (const p of passages.filter((x) => x.from === 'body')) {
    const dateline = /^([\p{L}\p{M}]+)(?::|।)\s/u.exec(p.text);
    const word = dateline?.[1];
    if (word && isDatelineWord(word)) return { value: displayPlace(word), evidence: passageEvidence(p) };
  }
  const tiers = [passages.filter((p) => p.signing), passages.filter((p) => p.key || p.meeting)];
  for (const tier of tiers) {
    for (const p of tier.filter((x) => x.from === 'body')) {
      for (const hit of findPhrases(p.words, LOCATIVE)) {
        const next = p.words.find((w) => w.start > hit.end);
        if (!next || p.text.slice(hit.end, next.start) !== ' ') continue;
        const raw = p.text.slice(next.start, next.end);
        if (!/^\p{Lu}/u.test(raw) || NOT_PLACES.has(next.folded) || isStopword(next.folded)) continue;
        if (conceptsOf(next.folded).some((c) => c.generic)) continue;
        if (parseStatedDate(`1 ${raw} 2000`)) continue;
        if (/^\p{Lu}+$/u.test(raw) && raw.length <= 6) continue; // an acronym, not a place
        if (partyNames.some((n) => n.includes(raw))) continue;
        return { value: raw, evidence: passageEvidence(p) };
      }
    }
  }
  return undefined;
}

/** A dateline word: a Latin word in capitals that reads as a word (vowels), or a Devanagari/Bengali word before a danda. */
function isDatelineWord(word: string): boolean {
  const script = scriptOf(word);
  if (script === 'latin') return /^\p{Lu}{4,}$/u.test(word) && (word.match(/[AEIOUY]/g)?.length ?? 0) >= 2;
  return (script === 'devanagari' || script === 'bengali') && !isStopword(foldText(word));
}

function displayPlace(word: string): string {
  return scriptOf(word) === 'latin' ? word[0]! + word.slice(1).toLowerCase() : word;
}

/** The topics of the vocabulary the article names, each with the first passage that names it (signing passages first). */
/** The first two capitalized words in a row after a Russian role, within its clause: the person's name. */
function cyrillicNameAfter(
  p: Passage,
  words: readonly { folded: string; start: number; end: number }[],
): { text: string } | undefined {
  for (let i = 0; i + 1 < words.length && i <= MAX_CYRILLIC_SKIP; i++) {
    if (/[,;:()]/.test(p.text.slice(words[i]!.end, words[i + 1]!.start))) return undefined;
    const a = p.text.slice(words[i]!.start, words[i]!.end);
    const b = p.text.slice(words[i + 1]!.start, words[i + 1]!.end);
    const capitalizedWord = (x: string) => /^\p{Lu}\p{Ll}+$/u.test(x);
    const gapOk = p.text.slice(words[i]!.end, words[i + 1]!.start) === ' ';
    const institutional = [words[i]!, words[i + 1]!].some((w) => conceptsOf(w.folded).length > 0);
    if (
      capitalizedWord(a) &&
      capitalizedWord(b) &&
      gapOk &&
      !institutional &&
      !/(ского|ской|ского|ного|ной)$/u.test(a)
    ) {
      return { text: `${a} ${b}` };
    }
  }
  return undefined;
}

export function extractAreas(passages: readonly Passage[], partyNames: readonly string[] = []): CollabRecord['areas'] {
  const ordered = [...passages.filter((p) => p.signing || p.key), ...passages.filter((p) => !p.signing && !p.key)];
  // A topic word inside a party's name ("… Cancer Hospital") says what the party is, not what the agreement is about.
  const names = [...new Set(partyNames.flatMap((n) => [n, n.replace(/\s*\([^()]*\)\s*/g, ' ').trim()]))].filter(
    (n) => n.length > 2,
  );
  const outsideNames = (p: Passage) => {
    const taken: [number, number][] = [];
    for (const name of names)
      for (let at = p.text.indexOf(name); at >= 0; at = p.text.indexOf(name, at + 1))
        taken.push([at, at + name.length]);
    return p.words.filter((w) => !taken.some(([a, b]) => w.start >= a && w.end <= b));
  };
  const words = new Map(ordered.map((p) => [p, outsideNames(p)]));
  const areas: CollabRecord['areas'] = [];
  for (const [id, phrases] of TOPIC_PHRASES) {
    const p = ordered.find((x) => findPhrases(words.get(x)!, phrases).length > 0);
    if (p) areas.push({ id, evidence: passageEvidence(p) });
  }
  return areas;
}

/** Titles before a name, four languages. */
const HONORIFICS = compilePhrases(
  'dr | prof | professor | mr | ms | mrs | डॉ | प्रो | प्रोफेसर | डॉक्टर | ডঃ | ডা | অধ্যাপক | ডক্টর | проф | профессор | академик | доктор',
);
/** Roles written before a name. */
const ROLES = compilePhrases(
  'director | executive director | president | rector | provost | chairman | dean | vice-chancellor | registrar | निदेशक | कुलपति | अध्यक्ष | कार्यकारी रजिस्ट्रार | रजिस्ट्रार | डीन | ডিরেক্টর | অধিকর্তা | উপাচার্য | ректор | директор | президент | сопредседатель | председатель',
);
/** Most name words taken after a title. */
const MAX_NAME_WORDS = 4;

/** People named in passages about the signing or who was present: a title or role, then the name. */
export function extractPeople(passages: readonly Passage[]): RecordPerson[] {
  const people: RecordPerson[] = [];
  for (const p of passages.filter((x) => x.from === 'body' && (x.signing || x.presence))) {
    const cues = [
      ...findPhrases(p.words, HONORIFICS).map((h) => ({ ...h, role: undefined as string | undefined })),
      ...findPhrases(p.words, ROLES).map((h) => ({ ...h, role: p.text.slice(h.start, h.end) })),
    ];
    for (const cue of cues.sort((a, b) => a.start - b.start)) {
      const name = nameAfter(p, cue.end);
      if (!name) continue;
      const existing = people.find(
        (x) => x.name === name.text || name.text.includes(x.name) || x.name.includes(name.text),
      );
      if (existing) {
        if (!existing.role && cue.role) existing.role = cue.role;
        continue;
      }
      people.push({ name: name.text, ...(cue.role ? { role: cue.role } : {}), evidence: passageEvidence(p) });
    }
  }
  return people;
}

/** Words a Russian role may be followed by before the name ("ректор Вересковского университета Иван Петров"). */
const MAX_CYRILLIC_SKIP = 4;

function nameAfter(p: Passage, from: number): { text: string } | undefined {
  const words = p.words.filter((w) => w.start >= from);
  const first = words[0] ? p.text.slice(words[0].start, words[0].end) : '';
  if (scriptOf(first) === 'cyrillic') return cyrillicNameAfter(p, words);
  const picked = [];
  let last = from;
  for (const w of words) {
    const between = p.text.slice(last, w.start);
    if (!/^[.\s]*$/.test(between) || between.length > 3) break;
    const raw = p.text.slice(w.start, w.end);
    const script = scriptOf(raw);
    if (isStopword(w.folded) || conceptsOf(w.folded).length > 0) break;
    if (
      findPhrases([w], HONORIFICS).length > 0 ||
      findPhrases([w], ROLES).length > 0 ||
      findPhrases([w], PRESENCE_CUES).length > 0
    )
      break;
    if ((script === 'latin' || script === 'cyrillic') && !/^\p{Lu}/u.test(raw)) break;
    if ((script === 'devanagari' || script === 'bengali') && (acronymOf(w.folded)?.length ?? 0) >= 3) break;
    // An acronym after a title is an institution (академик РАН), skipped in Cyrillic, ends the name elsewhere.
    if (/^\p{Lu}{3,}$/u.test(raw) && script === 'cyrillic') {
      last = w.end;
      continue;
    }
    picked.push(w);
    last = w.end;
    if (picked.length === MAX_NAME_WORDS) break;
  }
  const latinSingleLetters = picked.every((w) => p.text.slice(w.start, w.end).length === 1);
  if (picked.length === 0 || latinSingleLetters) return undefined;
  const text = p.text.slice(picked[0]!.start, picked[picked.length - 1]!.end);
  // One word in a cased script is a surname at best ("Singh said"); two are a name.
  if (picked.length < 2 && ['latin', 'cyrillic'].includes(scriptOf(text))) return undefined;
  return { text };
}
