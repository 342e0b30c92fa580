// The English names of the Latin letters as Hindi and Bengali writers spell them (ए बी सी…, এ বি সি…). One table
// for every rule that needs them: acronyms spelled out (केएसएसएससीआई = KSSSCI) and initials in names ("वी. के.").
// Source: the standard Hindi and Bengali spellings of the English letter names (as printed in Indian
// newspapers' acronyms), with the variants in use; hashed into ANALYZER_VERSION (via ACRONYM_TABLES).

/** How the English name of each Latin letter is written. Several spellings are in use for some letters. */
export const LATIN_LETTER_NAMES: Record<string, { devanagari: string[]; bengali: string[] }> = {
  A: { devanagari: ['ए'], bengali: ['এ'] },
  B: { devanagari: ['बी'], bengali: ['বি', 'বী'] },
  C: { devanagari: ['सी'], bengali: ['সি', 'সী'] },
  D: { devanagari: ['डी'], bengali: ['ডি', 'ডী'] },
  E: { devanagari: ['ई'], bengali: ['ই', 'ঈ'] },
  F: { devanagari: ['एफ', 'एफ़'], bengali: ['এফ'] },
  G: { devanagari: ['जी'], bengali: ['জি', 'জী'] },
  H: { devanagari: ['एच', 'एच्'], bengali: ['এইচ', 'এচ'] },
  I: { devanagari: ['आई'], bengali: ['আই'] },
  J: { devanagari: ['जे'], bengali: ['জে'] },
  K: { devanagari: ['के'], bengali: ['কে'] },
  L: { devanagari: ['एल'], bengali: ['এল'] },
  M: { devanagari: ['एम'], bengali: ['এম'] },
  N: { devanagari: ['एन'], bengali: ['এন'] },
  O: { devanagari: ['ओ'], bengali: ['ও'] },
  P: { devanagari: ['पी'], bengali: ['পি', 'পী'] },
  Q: { devanagari: ['क्यू', 'क्यु'], bengali: ['কিউ'] },
  R: { devanagari: ['आर'], bengali: ['আর'] },
  S: { devanagari: ['एस'], bengali: ['এস'] },
  T: { devanagari: ['टी'], bengali: ['টি', 'টী'] },
  U: { devanagari: ['यू'], bengali: ['ইউ'] },
  V: { devanagari: ['वी'], bengali: ['ভি', 'ভী'] },
  W: { devanagari: ['डब्ल्यू', 'डबल्यू', 'डब्लू'], bengali: ['ডাব্লিউ', 'ডব্লিউ', 'ডাবলিউ', 'ডাব্লু'] },
  X: { devanagari: ['एक्स'], bengali: ['এক্স'] },
  Y: { devanagari: ['वाई'], bengali: ['ওয়াই', 'ওআই'] },
  Z: { devanagari: ['जेड', 'ज़ेड', 'जैड'], bengali: ['জেড', 'জেট'] },
};

/** Every spelling of every letter name, in NFC (Devanagari and Bengali), e.g. for recognising initials. */
export function latinLetterSpellings(): string[] {
  return Object.values(LATIN_LETTER_NAMES).flatMap((names) =>
    [...names.devanagari, ...names.bengali].map((n) => n.normalize('NFC')),
  );
}
