// Which writing system a letter, a word or a text is in: the one place for script rules. Matching (tokens), language
// detection (articles, questions), cleaning (headline choice) and the eval's readability check all use it.

/** The writing systems the matchers treat differently. */
export type Script = 'latin' | 'cyrillic' | 'devanagari' | 'bengali' | 'other';

/** Unicode Script properties (digits and signs of a script included, e.g. Devanagari ०-९ and Bengali ৳). */
const SCRIPT_PATTERNS: [Script, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['bengali', /\p{Script=Bengali}/u],
];

/** The script of one character, or undefined for characters of no script (punctuation, marks, ASCII digits). */
function scriptOfCharacter(ch: string): Script | undefined {
  const match = SCRIPT_PATTERNS.find(([, pattern]) => pattern.test(ch));
  if (match) return match[0];
  return /\p{L}/u.test(ch) ? 'other' : undefined;
}

/** Script of a word, by its first character that has one (words are split on script changes by the tokenizer). */
export function scriptOf(word: string): Script {
  for (const ch of word) {
    const script = scriptOfCharacter(ch);
    if (script) return script;
  }
  return 'other';
}

/** The script most letters of `text` are written in ('other' when it has no letters). */
export function dominantScript(text: string): Script {
  const counts = new Map<Script, number>();
  for (const letter of text.match(/\p{L}/gu) ?? []) {
    const script = scriptOfCharacter(letter) ?? 'other';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best: Script = 'other';
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) [best, bestCount] = [script, count];
  }
  return best;
}
