// What a question asks for, in English, Hindi (also romanized), Bengali and Russian: the type of answer
// (who, when, where, how many, which, what, yes-no, list), what kind of thing fills it (a person, an
// organisation, a place, a date, a number), the head noun of "which X" questions, and a year the question
// is constrained to. Written for chat-style input too: lower case, no punctuation, short forms.
import type { Language } from '../i18n/index.ts';
import { conceptsOf, INSTITUTION_CONCEPTS } from './concepts.ts';
import { foldText } from './fold.ts';

export type AnswerType = 'who' | 'when' | 'where' | 'how-many' | 'which' | 'what' | 'yes-no' | 'list';
/** What kind of span answers the question; `text` = a sentence, not a span. */
export type SpanKind = 'person' | 'organisation' | 'place' | 'date' | 'number' | 'text';

export interface QuestionAnalysis {
  question: string;
  /** The asker's language. */
  language: Language;
  type: AnswerType;
  wants: SpanKind;
  /** Concept ids (src/text/concepts.ts) of the noun the question asks about: "which hospitals" → hospital. */
  head: string[];
  /** A year the question names ("in 2019", "২০২১ সালে"), when it names one. */
  year?: number;
}

// Patterns run on the folded question (lower case, ASCII digits, no nukta); `B` = a word boundary that
// also works for Indic and Cyrillic letters (\b is ASCII-only in JavaScript).
const B = String.raw`(?:^|$|[^\p{L}\p{M}\p{N}])`;
const word = (alternatives: string) => new RegExp(`${B}(?:${alternatives})${B}`, 'u');

/** "How many …" in the four languages (on the folded question): what follows it is what is counted. */
export const HOW_MANY = word(
  String.raw`how many|how much|number of|kitn[eia]|कितन[\p{L}\p{M}]*|কত[\p{L}\p{M}]*|скольк\p{L}*`,
);

const TYPE_PATTERNS: [AnswerType, RegExp][] = [
  ['how-many', HOW_MANY],
  [
    'when',
    word(
      String.raw`when|what date|which date|what day|which day|on what day|date|what year|which year|kab|कब|किस दिन|किस तारीख[\p{L}\p{M}]*|तारीख|तिथि|কবে|কখন|কোন দিন[\p{L}\p{M}]*|কোন তারিখ[\p{L}\p{M}]*|তারিখ|когда|какого числа|в какой день|в каком году|дат[аеуы]`,
    ),
  ],
  [
    'where',
    word(
      String.raw`where|in which city|in what city|which city|what place|kaha+n|कहा+ं|कहा+ँ|किस शहर[\p{L}\p{M}]*|কোথায়|কোথায|কোন শহর[\p{L}\p{M}]*|где|куда|в каком городе`,
    ),
  ],
  ['who', word(String.raw`who|whom|whose|who's|kaun|कौन|किसने|किसको|কে|কারা|কাকে|কার|кто|кем|кого|кому`)],
];

const YES_NO = [
  /^(is|are|was|were|does|do|did|has|have|had|can|could|will|would|should|shall)\s/,
  /^क्या\s|^kya\s/,
  word('কি'),
  word('ли'),
  // Russian asks yes or no by intonation alone ("Подписали соглашение в Москве?"): a question mark and no
  // question word.
  new RegExp(
    String.raw`^(?!.*${B}(?:кто|кого|кому|кем|что|чего|чем|где|куда|откуда|когда|сколько|почему|зачем|как\p{L}*|чей|чья|чьё|чьи|котор\p{L}*)${B}).*\p{Script=Cyrillic}.*\?\s*$`,
    'u',
  ),
];
const WHICH = word(
  String.raw`which|what\s+\p{L}+|kis|kin|किस|किन|कौन सा|कौन सी|कौन से|कौन-सा|कौन-सी|कौन-से|কোন|কোনটি|какой|какая|какое|какие|каких|каким|какими|какого|какому|какую|какой-то`,
);

/** A yes-no question about where: "… signed in Moscow?", "… в Москве?", "… दिल्ली में …?", "… ঢাকায়?". */
const YES_NO_PLACE = new RegExp(`${B}(?:in|at)\\s+\\p{L}+[?]?$|${B}(?:в|во)\\s+\\p{L}+[?]?$`, 'u');

/** Head nouns that make a "which" question a question about articles or agreements: a list. */
const LIST_HEADS = new Set(['agreement', 'collaboration', 'article']);
/** Head nouns that make "who"/"which" ask for an organisation rather than a person. */
const ORGANISATION_HEADS: ReadonlySet<string> = new Set([...INSTITUTION_CONCEPTS, 'organisation']);

// Generic words for "organisation" and "article" the concept lexicon does not list (they carry no
// retrieval meaning, but they say what kind of answer is wanted).
const EXTRA_HEADS: [string, RegExp][] = [
  [
    'organisation',
    /^(organi[sz]ation\p{L}*|ngo|body|foundation|организаци[\p{L}]*|संगठन[\p{L}\p{M}]*|संस्था[\p{L}\p{M}]*|সংস্থা[\p{L}\p{M}]*|সংগঠন[\p{L}\p{M}]*)$/u,
  ],
  [
    'article',
    /^(article\p{L}*|news|report\p{L}*|stor(y|ies)|стат[\p{L}]*|новост[\p{L}]*|खबर[\p{L}\p{M}]*|लेख[\p{L}\p{M}]*|খবর[\p{L}\p{M}]*|প্রতিবেদন[\p{L}\p{M}]*)$/u,
  ],
  [
    'area',
    /^(area\p{L}*|field\p{L}*|direction\p{L}*|goal\p{L}*|направлени[\p{L}]*|област[\p{L}]*|сфер[\p{L}]*|क्षेत्र[\p{L}\p{M}]*|ক্ষেত্র[\p{L}\p{M}]*)$/u,
  ],
];

/**
 * Analyses a question (see QuestionAnalysis). `language` is the asker's, detected by the caller (language
 * detection lives in src/ingest, to the right of this layer); `listQuestion` whether it asks for several items.
 */
export function analyseQuestion(question: string, language: Language, listQuestion = false): QuestionAnalysis {
  const folded = foldText(question).replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();
  const head = headConcepts(folded);
  const type = answerType(folded, head, listQuestion);
  const year = /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/.exec(folded)?.[1];
  return {
    question,
    language,
    type,
    wants: spanKind(type, head, folded),
    head,
    ...(year ? { year: Number(year) } : {}),
  };
}

function answerType(folded: string, head: string[], listQuestion: boolean): AnswerType {
  const asksWhich = WHICH.test(folded);
  if (head.some((h) => LIST_HEADS.has(h)) && (listQuestion || asksWhich)) return 'list';
  for (const [type, pattern] of TYPE_PATTERNS) {
    if (!pattern.test(folded)) continue;
    // "which organisation …" reads as a who-question in every language; keep it a "which" when it names one.
    if (type === 'who' && asksWhich && head.length > 0 && !/^(who|kaun|कौन|কে|кто)\b/u.test(folded)) return 'which';
    return type;
  }
  if (YES_NO.some((p) => p.test(folded))) return 'yes-no';
  if (asksWhich && head.some((h) => ORGANISATION_HEADS.has(h))) return 'which';
  return 'what';
}

function spanKind(type: AnswerType, head: string[], folded = ''): SpanKind {
  switch (type) {
    case 'yes-no':
      // "Was it signed in Moscow?", "…in 2019?": the fact that decides it is a place or a date.
      if (YES_NO_PLACE.test(folded)) return 'place';
      if (/(?:^|\D)(?:19|20)\d\d(?:\D|$)/.test(folded)) return 'date';
      return 'text';
    case 'when':
      return 'date';
    case 'where':
      return 'place';
    case 'how-many':
      return 'number';
    case 'who':
      return head.some((h) => ORGANISATION_HEADS.has(h)) ? 'organisation' : 'person';
    case 'which':
      return head.some((h) => ORGANISATION_HEADS.has(h)) ? 'organisation' : 'text';
    default:
      return 'text';
  }
}

/** Words that may stand between a which-word and its noun ("which of these mous", "what other goals"). */
const HEAD_GAP = /^(of|the|these|those|other|two|kind|type|sort|of|से|सा|सी|के|की|का|এই|ওই|из|этих)$/u;
const AUXILIARY = /^(did|does|do|is|are|was|were|has|have|had|will|would|can|could|should)$/;
const WHICH_WORDS = /^(which|what|kis|kin|किस|किन|कौन|কোন|কোনটি|как\p{L}*)$/u;

/** Concepts of the noun a which-word asks about: the first content word after it ("which hospitals" → hospital). */
function headConcepts(folded: string): string[] {
  const words = folded.match(/[\p{L}\p{M}]+/gu) ?? [];
  const heads = new Set<string>();
  words.forEach((w, i) => {
    if (!WHICH_WORDS.test(w)) return;
    for (let j = i + 1; j < Math.min(words.length, i + 5); j++) {
      const next = words[j]!;
      if (AUXILIARY.test(next)) break; // "what did the MoU cover": the MoU is the subject, not the asked-for kind
      if (HEAD_GAP.test(next) || WHICH_WORDS.test(next)) continue;
      const found = wordHeads(next);
      found.forEach((h) => heads.add(h));
      // An adjective before the noun ("voluntary organisation", "медицинский центр") names no kind: go on.
      if (found.length > 0 && !found.every((h) => ADJECTIVAL.has(h))) break;
    }
  });
  return [...heads];
}

/** Concepts that are often adjectives before the head noun (medical university, health centre). */
const ADJECTIVAL = new Set([
  'medicine',
  'health',
  'research',
  'cancer',
  'science',
  'technology',
  'digital',
  'joint',
  'education',
  'training',
]);

function wordHeads(w: string): string[] {
  const heads = conceptsOf(w)
    .filter((c) => c.generic)
    .map((c) => c.id);
  for (const [id, pattern] of EXTRA_HEADS) if (pattern.test(w)) heads.push(id);
  return heads;
}
