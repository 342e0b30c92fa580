// The language a question is written in, for front ends that must pick the language of their fixed texts
// before (or without) an answer: a refusal, a usage hint. The answer itself carries `language`.
import { toLanguage, type Language } from '../i18n/index.ts';
import { detectLanguage } from '../ingest/language.ts';

/** The product language of `question` (English when it is none of the four). */
export function questionLanguage(question: string): Language {
  return toLanguage(detectLanguage(question));
}
