// Names written for a reader of another script: Latin spellings as English text writes them ("অমিত চক্রবর্তী"
// → "Amit Chakrabarti", "Ли Шэн" → "Li Sheng", "आर.के. सिंह" → "R.K. Singh"), and Bengali ⇄
// Devanagari letter by letter for Hindi and Bengali readers. Display only: matching uses src/text/transliterate.
import sanscriptModule from '@indic-transliteration/sanscript';
import { toLatin } from '../text/transliterate.ts';
import { scriptOf, type Script } from '../text/script.ts';
import { decodeLetterNames } from '../text/acronym.ts';
import { foldText } from '../text/fold.ts';
import { conceptsOf } from '../text/concepts.ts';

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
  return words.map((w) => (/^\s+$/.test(w) || w === '' ? w : romanizeWord(w, chinese))).join('');
}

function romanizeWord(word: string, chinese: boolean): string {
  const script = scriptOf(word);
  if (script === 'latin' || script === 'other') return word;
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
  return Sanscript.t(text, from, to);
}
