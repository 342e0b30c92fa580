// Names written for a reader of another script: Latin spellings as English text writes them ("অমিত চক্রবর্তী"
// → "Amit Chakrabarti", "Ли Шэн" → "Li Sheng", "आर.के. सिंह" → "R.K. Singh"), and Bengali ⇄
// Devanagari letter by letter for Hindi and Bengali readers. Display only: matching uses src/text/transliterate.
import sanscriptModule from '@indic-transliteration/sanscript';
import { toLatin } from '../text/transliterate.ts';
import { scriptOf, type Script } from '../text/script.ts';
import { acronymOf, decodeLetterNames } from '../text/acronym.ts';
import { foldText } from '../text/fold.ts';
import { conceptsOf, INSTITUTION_CONCEPTS } from '../text/concepts.ts';
import { phoneticKey, phoneticSpelling } from '../text/phonetic.ts';

const Sanscript = sanscriptModule as unknown as { t(data: string, from: string, to: string): string };

// Indic consonant letters (no vowel sign after them): a word ending in one ends in a silent inherent vowel
// in Hindi and Bengali speech (अमन = Aman, অমিত সেন = Amit Sen).
const ENDS_IN_CONSONANT = /[\u0915-\u0939\u0958-\u095F\u0995-\u09B9\u09DC-\u09DF][\u093C\u09BC]?$/u;
// Anusvara before a final ह/হ is "ng" (सिंह = Singh).
const ANUSVARA_HA = /[\u0902\u0982][हহ]$/u;
// A Russian spelling of a Chinese name (Palladius system): чж, цз, э inside a word, ао, оу at the end.
const PALLADIUS = /чж|цз|.э|ао|оу$|эн$/u;
const VOWEL = /[aeiouy]/;

/** `text` (a name or a place) written in Latin letters, capitalized as a name. */
export function romanize(text: string): string {
  const words = text.split(/(\s+)/);
  const chinese = words.some((w) => PALLADIUS.test(w.toLowerCase()));
  // English words in Indic letters are read as English only in a name mostly made of such words (an
  // institution's), never in a person's name that happens to sound like one.
  const named = words.filter((w) => /\p{L}/u.test(w));
  const recognized = named.filter((w) => {
    const script = scriptOf(w);
    const indic = script === 'devanagari' || script === 'bengali';
    return (
      indic &&
      !HONORIFICS.has(foldText(w.replace(/[^\p{L}\p{M}]+/gu, ''))) &&
      englishSpelling(w, script, true) !== undefined
    );
  }).length;
  const loanwords = named.length > 1 && recognized >= LOANWORD_NAME_SHARE * named.length;
  return words.map((w) => (/^\s+$/.test(w) || w === '' ? w : romanizeWord(w, chinese, loanwords))).join('');
}

/** Share of a name's words that must read as English for its loanwords to be written in English. */
const LOANWORD_NAME_SHARE = 0.5;

function romanizeWord(word: string, chinese: boolean, loanwords = false): string {
  const script = scriptOf(word);
  if (script === 'latin' || script === 'other') return word;
  // "Российско-Китайский": each part of a compound on its own.
  if (/[-–]/u.test(word.slice(1, -1)))
    return word
      .split(/([-–])/u)
      .map((part) => (/^[-–]$/u.test(part) || part === '' ? part : romanizeWord(part, chinese, loanwords)))
      .join('');
  if (script === 'devanagari' || script === 'bengali') {
    const english = englishSpelling(word, script, loanwords);
    if (english) return english;
  }
  // A city or country of the concept lexicon is written as English writes it (दिल्ली → Delhi).
  const english = englishConcept(word);
  if (english) return english;
  // Initials: "आर.के." are letter names.
  const parts = word.split(/(?<=\.)/);
  if (parts.length > 1 || word.endsWith('.')) {
    const letters = parts.map((p) => decodeLetterNames(foldText(p.replace(/\.$/, ''))));
    if (letters.every((l) => l !== undefined))
      return parts.map((p, i) => `${letters[i]}${p.endsWith('.') ? '.' : ''}`).join('');
  }
  return capitalize(wordToLatin(word, script, chinese));
}

function wordToLatin(word: string, script: Script, chinese: boolean): string {
  const bare = word.replace(/[.,:;!?'"’)(]+$/u, '');
  if (script === 'cyrillic') {
    // Palladius: a syllable-final н is "ng" (Шэн = Sheng, Шанхай = Shanghai); нь is "n".
    const spelled = chinese ? bare.replace(/н(?![аеёиоуыэюяьАЕЁИОУЫЭЮЯ])/gu, 'нг') : bare;
    return toLatin(spelled, script);
  }
  let latin = toLatin(bare, script);
  if (script === 'bengali') latin = latin.replace(/v/g, 'b');
  if (ANUSVARA_HA.test(bare)) latin = latin.replace(/nha$/, 'ngh');
  else if (/[\u0902\u0982]$/u.test(bare)) latin = latin.replace(/n$/, 'ng');
  else if (ENDS_IN_CONSONANT.test(bare) && latin.endsWith('a') && latin.length > 2) latin = latin.slice(0, -1);
  // A medial inherent vowel between single consonants before a vowel is silent too (अरविंद = Arvind).
  return latin.replace(
    /([aeiou])(ch|kh|gh|jh|th|dh|ph|bh|sh|[bcdfghjklmnpqrstvwxz])a([bcdfghjklmnpqrstvwxz])(?=[aeiou])/g,
    (m, v, c1, c2) => (VOWEL.test(v) ? `${v}${c1}${c2}` : m),
  );
}

/**
 * The English a Hindi or Bengali word of a name stands for: the letters of an acronym (আইআইটি → IIT,
 * "(एम्स)" → "(AIIMS)"), an English word written in Indic letters (স্কুল ফর স্কিলস → School for Skills),
 * or the English of an institution word (বিশ্ববিদ্যালয় → University). Undefined for other words (names).
 */
function englishSpelling(word: string, script: Script, loanwords: boolean): string | undefined {
  const [, open, bare, close] = /^([^\p{L}\p{M}]*)(.*?)([^\p{L}\p{M}]*)$/u.exec(word)!;
  if (!bare) return undefined;
  const folded = foldText(bare);
  const acronym = acronymOf(folded);
  const english =
    HONORIFICS.get(folded) ??
    (acronym && acronym.length >= MIN_ACRONYM ? acronym : undefined) ??
    (loanwords ? loanword(toLatin(bare, script)) : undefined) ??
    institutionWord(folded);
  return english ? `${open}${english}${close}` : undefined;
}

/** Honorifics as English writes them before a name (डॉ → Dr, প্রো → Prof), on folded words. */
const HONORIFICS = new Map(
  [
    ['डॉ', 'Dr'],
    ['डा', 'Dr'],
    ['ডঃ', 'Dr'],
    ['ডা', 'Dr'],
    ['ড', 'Dr'],
    ['प्रो', 'Prof'],
    ['প্রো', 'Prof'],
    ['प्रोफेसर', 'Prof'],
    ['অধ্যাপক', 'Prof'],
  ].map(([k, v]) => [foldText(k!), v!]),
);

/** Fewest letters of a spelled-out acronym (one letter name alone is too often an ordinary word). */
const MIN_ACRONYM = 2;

/** The English word of LOANWORDS that a romanized word sounds like: same phonetic key, closest spelling. */
function loanword(latin: string): string | undefined {
  const key = phoneticKey(latin);
  if (key.length < MIN_LOANWORD_KEY) return undefined;
  const plural = key.endsWith('s') && !LOANWORD_KEYS.has(key) ? key.slice(0, -1) : undefined;
  const found = LOANWORD_KEYS.get(key) ?? (plural ? LOANWORD_KEYS.get(plural) : undefined);
  if (!found) return undefined;
  const spelled = vowelClasses(phoneticSpelling(latin));
  const best = [...found].sort((a, b) => similarity(spelled, b.sound) - similarity(spelled, a.sound))[0]!;
  const english = found === LOANWORD_KEYS.get(key) ? best.word : `${best.word}s`;
  return CONNECTOR_WORDS.has(english) ? english : capitalize(english);
}

const CONNECTOR_WORDS = new Set(['and', 'for', 'of', 'the', 'in']);

/** Shortest phonetic key a loanword is recognized by ("fr" = for, "hlt" = health). */
const MIN_LOANWORD_KEY = 2;

/** Vowels as heard across transcriptions: o/u alike, e/i alike. */
function vowelClasses(spelling: string): string {
  return spelling.replace(/o/g, 'u').replace(/e/g, 'i');
}

function similarity(a: string, b: string): number {
  const grams = (s: string) => new Set(Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2)));
  const [x, y] = [grams(a), grams(b)];
  let shared = 0;
  for (const g of x) if (y.has(g)) shared += 1;
  return x.size + y.size === 0 ? 0 : (2 * shared) / (x.size + y.size);
}

/** An institution word of the concept lexicon, in English (विश्वविद्यालय → University). */
function institutionWord(folded: string): string | undefined {
  const kind = conceptsOf(folded.replace(/[.,:;।]+$/u, '')).find((c) => INSTITUTION_CONCEPTS.has(c.id));
  return kind ? INSTITUTION_NAMES[kind.id] : undefined;
}

const INSTITUTION_NAMES: Record<string, string> = {
  hospital: 'Hospital',
  university: 'University',
  institute: 'Institute',
  college: 'College',
  school: 'School',
  centre: 'Centre',
  association: 'Association',
  council: 'Council',
};

// English words that Hindi and Bengali news write in their own letters inside institution and programme
// names (School for Skills, Super Speciality Hospital, Sector Skill Council), each with how it sounds when
// its spelling misleads the phonetic key ("technology" is heard "teknoloji"). Source: general English
// vocabulary of institution names, written for this project; no article's name.
const LOANWORDS =
  `school skill health healthcare technology=teknoloji foundation=faundeshan innovation=inobheshan science
  sciences=sainses medical research centre center super speciality specialty sector council institute
  nursing development society trust national=nashanal international=intarnashanal digital mission management engineering
  university hospital college academy laboratory clinic cancer oncology biotechnology=bayoteknoloji
  programme course training indian and for of=af`
    .split(/\s+/)
    .filter(Boolean)
    .map((entry) => {
      const [word, sound] = entry.split('=') as [string, string | undefined];
      return { word, sound: vowelClasses(phoneticSpelling(sound ?? word)), key: phoneticKey(sound ?? word) };
    });
const LOANWORD_KEYS = new Map<string, { word: string; sound: string }[]>();
for (const entry of LOANWORDS) LOANWORD_KEYS.set(entry.key, [...(LOANWORD_KEYS.get(entry.key) ?? []), entry]);

function englishConcept(word: string): string | undefined {
  const folded = foldText(word.replace(/[.,:;।]+$/u, ''));
  const place = conceptsOf(folded).find((c) => !c.generic);
  return place ? PLACE_NAMES[place.id] : undefined;
}

// English names of the lexicon's places (its ids are lower-case keys, not display names).
const PLACE_NAMES: Record<string, string> = {
  china: 'China',
  russia: 'Russia',
  india: 'India',
  hongkong: 'Hong Kong',
  japan: 'Japan',
  usa: 'USA',
  uk: 'UK',
  germany: 'Germany',
  france: 'France',
  korea: 'Korea',
  bangladesh: 'Bangladesh',
  nepal: 'Nepal',
  australia: 'Australia',
  canada: 'Canada',
  singapore: 'Singapore',
  kazakhstan: 'Kazakhstan',
  uzbekistan: 'Uzbekistan',
  belarus: 'Belarus',
  westbengal: 'West Bengal',
  uttarpradesh: 'Uttar Pradesh',
  moscow: 'Moscow',
  petersburg: 'St Petersburg',
  beijing: 'Beijing',
  kolkata: 'Kolkata',
  mumbai: 'Mumbai',
  delhi: 'Delhi',
  lucknow: 'Lucknow',
  chennai: 'Chennai',
};

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Bengali text in Devanagari letters or the reverse (the two scripts map letter by letter). */
export function indicToIndic(text: string, to: 'devanagari' | 'bengali'): string {
  const from = to === 'devanagari' ? 'bengali' : 'devanagari';
  // Sanscript leaves a nukta of the other script in place (য় → य + ় of Bengali): write it in the target script.
  const nukta = to === 'devanagari' ? ['\u09BC', '\u093C'] : ['\u093C', '\u09BC'];
  // Bengali য় is plain य in Hindi spelling (বিশ্ববিদ্যালয় = विश्वविद्यालय).
  const converted = Sanscript.t(text, from, to).replaceAll(nukta[0]!, nukta[1]!);
  return to === 'devanagari' ? converted.replaceAll('य\u093C', 'य') : converted;
}
