// Light, rule-based stemmers: strip the commonest inflectional endings so a question's word form meets the
// article's (hospitals/hospital, российской/российская, संस्थानों/संस्थान, খড়্গপুরের/খড়্গপুর). Deliberately
// conservative: a missed conflation costs less than a false one. Input is folded (lower case, NFKC).
import type { Script } from './script.ts';

const RUSSIAN_REFLEXIVE = ['ся', 'сь'];
// Longest first. Adjective, noun and verb endings.
const RUSSIAN_ENDINGS = [
  'иями', 'ями', 'ами', 'али', 'или', 'ала', 'ила', 'ало', 'ило', 'ать', 'ить', 'ять', 'ает', 'ают', 'ует', 'уют', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ией', 'иях', 'ях', 'ах',
  'ый', 'ий', 'ой', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ым', 'им', 'ую', 'юю', 'ых', 'их', 'ом', 'ем',
  'ей', 'ам', 'ям', 'ов', 'ев', 'ия', 'ию', 'ии', 'ью', 'ть', 'ла', 'ло', 'ли', 'ет', 'ит', 'ут', 'ют', 'ат', 'ят', 'ал', 'ил',
  'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь', 'й', 'л',
]
  .map((e) => e.normalize('NFKC'))
  .sort((a, b) => b.length - a.length);

// After Ramanathan & Rao's lightweight Hindi stemmer (nukta already removed by folding).
const HINDI_ENDINGS = [
  'ाएंगी', 'ाएंगे', 'ाऊंगी', 'ाऊंगा', 'ाइयाँ', 'ाइयों', 'ाइयां', 'ियाँ', 'ियों', 'ियां', 'ाओं', 'ाएं', 'ाएँ', 'ुओं', 'ुएं',
  'ाने', 'ाना', 'ाती', 'ाते', 'ाता', 'ेंगे', 'ेंगी', 'ियो', 'ों', 'ें', 'ीं', 'ुआ', 'ुई', 'ुए', 'ाई', 'ाए', 'िए',
  'ी', 'े', 'ा', 'ि', 'ु', 'ू', 'ो', 'ं',
]
  .map((e) => e.normalize('NFKC'))
  .sort((a, b) => b.length - a.length);

// Bengali case and plural endings. A bare র is not stripped: too many stems end in it (খড়্গপুর).
const BENGALI_ENDINGS = [
  'গুলোকে', 'গুলিকে', 'গুলোর', 'গুলির', 'গুলো', 'গুলি', 'দেরকে', 'দের', 'েরা', 'ের', 'এর', 'কে', 'তে', 'রা', 'টির', 'টার', 'টি', 'টা', 'য়',
  'ে',
]
  .map((e) => e.normalize('NFKC'))
  .sort((a, b) => b.length - a.length);

function stripLongest(word: string, endings: readonly string[], minStem: number): string {
  for (const ending of endings) {
    if (word.endsWith(ending) && [...word.slice(0, -ending.length)].length >= minStem) return word.slice(0, -ending.length);
  }
  return word;
}

function stemEnglish(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length - 3 >= 4) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length - 2 >= 4) w = w.slice(0, -2);
  return w;
}

/** Stem of a folded word in the given script; words of other scripts and numbers are returned as they are. */
export function stem(word: string, script: Script): string {
  switch (script) {
    case 'latin':
      return stemEnglish(word);
    case 'cyrillic': {
      const w = word.replace(/ё/g, 'е');
      return stripLongest(stripLongest(w, RUSSIAN_REFLEXIVE, 3), RUSSIAN_ENDINGS, 3);
    }
    case 'devanagari':
      return stripLongest(word, HINDI_ENDINGS, 2);
    case 'bengali':
      return stripLongest(word, BENGALI_ENDINGS, 2);
    case 'other':
      return word;
  }
}
