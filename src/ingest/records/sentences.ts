// The passages the record fields are read from: the title and the body's sentences, each with what it
// talks about (signing, an agreement, presence…), so every field can prefer the sentence that reports the
// agreement itself over background.
import { splitSentences } from '../sentences.ts';
import type { Article } from '../types.ts';
import { conceptsOf } from '../../text/concepts.ts';
import { compilePhrases, findPhrases, textWords, type TextWord } from './phrases.ts';
import type { Evidence } from './types.ts';

export interface Passage {
  from: 'title' | 'body';
  text: string;
  /** Offset of `text` in the title or the body. */
  start: number;
  words: TextWord[];
  /** The passage reports a signing (signed, हस्ताक्षर, স্বাক্ষর, подписали). */
  signing: boolean;
  /** It talks about the agreement or the collaboration itself. */
  key: boolean;
  /** It names who was present (in the presence of, उपस्थित, উপস্থিত, присутствии). */
  presence: boolean;
  /** It reports a meeting or visit (where an agreement is usually placed). */
  meeting: boolean;
}

/** Words that make a sentence about the collaboration, beyond the lexicon's agreement/collaboration concepts. */
const SUPPORT_CUES = compilePhrases(
  'support* | assist* | join* hands | tie* up | सहायता | सहयोग* | मदद | সহায়তা | সাহায্য | হাত মিলিয়ে* | поддерж* | содейств*',
);
export const PRESENCE_CUES = compilePhrases(
  'presence | present | attended | attend* | उपस्थित* | मौजूद* | शामिल | উপস্থিত* | অংশ নেন | присутств* | участи* | участвова*',
);
const KEY_CONCEPTS = new Set(['agreement', 'collaboration', 'sign', 'joint']);

export function articlePassages(article: Pick<Article, 'title' | 'body'>): Passage[] {
  const title = passage('title', article.title, 0);
  return [title, ...splitSentences(article.body).map((s) => passage('body', s.text, s.start))];
}

function passage(from: Passage['from'], text: string, start: number): Passage {
  const words = textWords(text);
  const concepts = new Set(words.flatMap((w) => conceptsOf(w.folded).map((c) => c.id)));
  const signing = concepts.has('sign');
  const key = [...KEY_CONCEPTS].some((c) => concepts.has(c)) || findPhrases(words, SUPPORT_CUES).length > 0;
  const presence = findPhrases(words, PRESENCE_CUES).length > 0;
  const meeting = concepts.has('meeting');
  return { from, text, start, words, signing, key, presence, meeting };
}

/** Evidence for a whole passage. */
export function passageEvidence(p: Passage): Evidence {
  return { from: p.from, start: p.start, end: p.start + p.text.length, text: p.text };
}
