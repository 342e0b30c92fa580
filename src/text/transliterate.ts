// Cyrillic, Devanagari and Bengali words to plain lower-case ASCII, as an English reader would spell them
// (Глыбочко → glybochko, খড়্গপুর → kharagapura). Only used to derive phonetic keys, never shown.
import sanscriptModule from '@indic-transliteration/sanscript';
import { transliterate as latinize } from 'transliteration';
import type { Script } from './script.ts';

// The package is CommonJS while its typings declare an ES default export: at run time the default import
// is the Sanscript object itself.
const Sanscript = sanscriptModule as unknown as { t(data: string, from: string, to: string): string };

// Nukta consonants before Sanscript (which leaves the nukta unmapped): ड़/ঢ় are flaps heard as "r"
// (খড়্গপুর = Kharagpur); the others as their plain consonant. Input is NFKC, so the nukta is separate.
const INDIC_NUKTA: [RegExp, string][] = [
  [/[डढ]\u093C/g, 'र'],
  [/([कखगजफय])\u093C/g, '$1'],
  [/[ডঢ]\u09BC/g, 'র'],
  [/য\u09BC/g, 'য'],
];
// Bengali য without nukta opens words as "j" (যাদবপুর = Jadavpur); after a virama it is the y-glide (কল্যাণী).
const BENGALI_INITIAL_JA = /^য/;

// IAST letters to the plain spelling an English text would use for the same sound.
const IAST_PLAIN: [RegExp, string][] = [
  [/[ṃṁ]|m̐/g, 'n'],
  [/c/g, 'ch'],
  [/[ṛṝ]/g, 'ri'],
  [/[ḷḹ]/g, 'li'],
  [/[śṣ]/g, 'sh'],
  [/[ṅñṇ]/g, 'n'],
  [/ḥ/g, 'h'],
];

// Russian transcription of Chinese (Palladius): чж = zh, цз = j (Гуанчжоу = Guangzhou, Чжэцзян = Zhejiang).
// Then the English conventions for Russian names where the library differs: х = kh (Mikhail), ц = ts.
const CYRILLIC_PRE: [RegExp, string][] = [
  [/чж/g, 'ж'],
  [/цз/g, 'дж'],
  [/х/g, 'кх'],
  [/ц/g, 'тс'],
];
// Bengali ওয়া is the "wa" sound (তেওয়ারি = Tewari, ওয়েস্ট = west).
const BENGALI_WA = /o(?=y[aeiouāīū])/g;

/** The rewrite tables (with the two libraries doing the bulk of the work), for the analyzer version hash. */
export const TRANSLITERATION_TABLES: readonly string[] = [
  '@indic-transliteration/sanscript iast',
  'transliteration',
  ...[...INDIC_NUKTA, ...IAST_PLAIN, ...CYRILLIC_PRE].map(
    ([pattern, replacement]) => `${pattern.source}/${pattern.flags}=${replacement}`,
  ),
  BENGALI_INITIAL_JA.source,
  BENGALI_WA.source,
];

/**
 * Words whose transliteration is remembered: it is a pure function of the word and costly (Sanscript), and
 * every question transliterates the words of its candidate articles again (performance only, not fitted).
 */
const MAX_REMEMBERED = 50_000;
const remembered = new Map<Script, Map<string, string>>();
let rememberedCount = 0;

/** Lower-case ASCII spelling of a word in the given script; Latin words are only stripped of diacritics. */
export function toLatin(word: string, script: Script): string {
  let ofScript = remembered.get(script);
  if (!ofScript) remembered.set(script, (ofScript = new Map()));
  let latin = ofScript.get(word);
  if (latin === undefined) {
    latin = transliterateWord(word, script);
    if (rememberedCount >= MAX_REMEMBERED) {
      for (const words of remembered.values()) words.clear();
      rememberedCount = 0;
    }
    ofScript.set(word, latin);
    rememberedCount++;
  }
  return latin;
}

function transliterateWord(word: string, script: Script): string {
  let text = word.toLowerCase();
  switch (script) {
    case 'devanagari':
    case 'bengali': {
      for (const [pattern, replacement] of INDIC_NUKTA) text = text.replace(pattern, replacement);
      if (script === 'bengali') text = text.replace(BENGALI_INITIAL_JA, 'জ');
      text = Sanscript.t(text, script, 'iast');
      for (const [pattern, replacement] of IAST_PLAIN) text = text.replace(pattern, replacement);
      if (script === 'bengali') text = text.replace(BENGALI_WA, 'w');
      break;
    }
    case 'cyrillic': {
      for (const [pattern, replacement] of CYRILLIC_PRE) text = text.replace(pattern, replacement);
      text = latinize(text);
      break;
    }
    case 'latin':
    case 'other':
      break;
  }
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
