// Whether a question asks for a list of things ("which collaborations…", "какие соглашения…",
// "किन संस्थानों…", "কোন কোন হাসপাতাল…"): such questions should cite several articles.
import { foldText } from '../text/fold.ts';

const AUXILIARIES = new Set(['does', 'is', 'was', 'has', 'this', 'its', 'was', 'as', 'us', 'yes', 'ss']);

const LIST_PATTERNS: RegExp[] = [
  // English: list/enumerate, "all the …", "with whom", and which/what followed by a plural noun.
  /\b(list|enumerate)\b/,
  /\ball (the )?\p{L}+s\b/u,
  /\bwhom\b/,
  // Russian
  /(^|[^\p{L}])(какие|каких|какими|каким|перечисл\p{L}*|список|все|всех)([^\p{L}]|$)|с кем/u,
  // Hindi
  /कौन[-\s]?कौन|किन[-\s]?किन|(^|\s)किन(\s|$)|कौन\s?से|सूची|सभी|किस[-\s]किस/u,
  // Bengali (folded: no nukta)
  /কোন[্]?\s?কোন|কী\s?কী|কি\s?কি|কোনগুল|তালিকা|কাদের|সমস্ত|(^|\s)সব(\s|$)/u,
];

/** True when the question asks for several items. */
export function isListQuestion(question: string): boolean {
  const q = foldText(question);
  if (LIST_PATTERNS.some((p) => p.test(q))) return true;
  // "which of these/those …" picks from a set the asker has in mind ("which of these mous mention AI").
  if (/\bwhich\s+of\s+(these|those)\b/u.test(q)) return true;
  // which/what + up to one modifier + a plural noun: "which hospitals", "what other agreements", also with
  // "of the" between them ("which of the hospitals").
  const partitive = q.replace(/\b(which|what)\s+of\s+the\s+/gu, '$1 ');
  for (const m of partitive.matchAll(/\b(which|what)\s+(\p{L}+)(\s+(\p{L}+))?/gu)) {
    const candidates = [m[2], m[4]].filter((w): w is string => w !== undefined);
    if (candidates.some((w) => w.length > 3 && /s$/.test(w) && !AUXILIARIES.has(w) && !/(ss|us|is)$/.test(w)))
      return true;
  }
  return false;
}

// A yes/no question opens with an auxiliary (English, Russian "ли"), or with the question particle क्या /
// কি (Bengali also places কি after the verb or subject).
const YES_NO_PATTERNS: RegExp[] = [
  /^(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\s/u,
  /(^|[^\p{L}])(ли|разве)([^\p{L}]|$)|^(есть|был|была|было|были)\s/u,
  /^क्या\s/u,
  /(^|\s)কি(\s|[?？]|$)/u,
];

/** True when the question asks whether something holds ("Was it signed in Moscow?"). */
export function isYesNoQuestion(question: string): boolean {
  const q = foldText(question).trim();
  return YES_NO_PATTERNS.some((p) => p.test(q));
}
