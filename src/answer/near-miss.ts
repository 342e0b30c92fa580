// Near misses: the best article is about the parties the question names, but not all of them ("Did IIT
// Pune sign an MoU with AIIMS Delhi?" when the corpus has its MoU with AIIMS Nagpur), or the question
// names a year the article contradicts. Such a question is answered "not found" plus one line naming the
// collaboration the corpus does have, instead of a confident answer about another one.
import type { Passage } from '../retrieve/types.ts';
import type { StoredChunk } from '../index/types.ts';
import type { Analyzer, Word } from '../text/analyze.ts';
import type { QuestionAnalysis } from '../text/question.ts';
import { isNamed } from '../retrieve/evidence.ts';
import { asciiDigits } from '../text/digits.ts';
import { scriptOf } from '../text/script.ts';
import { isGenericConcept } from '../text/concepts.ts';

/** The best article's chunk when the question is a near miss of it, else undefined. */
export function findNearMiss(
  analysis: QuestionAnalysis,
  passages: readonly Passage[],
  analyzer: Analyzer,
): StoredChunk | undefined {
  const best = passages[0]?.chunk;
  if (!best) return undefined;
  const article = passages.filter((p) => p.chunk.docId === best.docId).map((p) => p.chunk);
  const text = [best.title, ...best.institutions, ...article.map((c) => c.text)].join('\n');
  if (contradictsYear(analysis.year, best.date, text)) return best;
  // "Was it signed in Moscow?": the place is what is asked (the answer may be "no"), not a party.
  const asksPlace = analysis.type === 'yes-no' && analysis.wants === 'place';
  return namesAbsentParty(analysis.question, text, analyzer, asksPlace) ? best : undefined;
}

/** The question names a year; the article is dated another year and its passages never mention the asked one. */
function contradictsYear(year: number | undefined, date: string | undefined, text: string): boolean {
  if (year === undefined || !date) return false;
  const articleYear = Number(date.slice(0, 4));
  return articleYear !== year && !asciiDigits(text).includes(String(year));
}

/**
 * Of the names the question gives (acronyms, places, capitalized names), at least one is in the article and
 * another is nowhere in it: the article is about a different pairing.
 */
function namesAbsentParty(question: string, text: string, analyzer: Analyzer, skipPlaces = false): boolean {
  const articleTerms = new Set(analyzer.terms(text));
  const words = analyzer.words(question);
  const firstIndex = words.findIndex((w) => !w.joined);
  // A name written in a third script ("ИИТ" for IIT in an English article) may simply not match across
  // scripts: only Latin names, the article's own script, and lexicon places count as evidence of absence.
  const articleScript = scriptOf(text.replace(/[^\p{L}]+/gu, '').slice(0, 200));
  const comparable = (w: Word) =>
    w.script === 'latin' ||
    w.script === articleScript ||
    w.concepts.some((c) => !isGenericConcept(c.replace(/^#/, '')));
  const place = (w: Word) => w.concepts.some((c) => !isGenericConcept(c.replace(/^#/, '')));
  const named = words.filter(
    (w, i) =>
      isNamed(w) && !(i === firstIndex && !w.acronym) && !w.stopword && comparable(w) && !(skipPlaces && place(w)),
  );
  if (named.length < 2) return false;
  const present = (w: Word) => [...w.terms, ...w.keys, ...w.concepts].some((term) => articleTerms.has(term));
  const found = named.filter(present);
  return found.length > 0 && found.length < named.length;
}
