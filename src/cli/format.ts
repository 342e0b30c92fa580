import type { Answer, Citation } from '../service/types.ts';
import { t } from '../i18n/index.ts';

/** "title — source, date, url": the one-line form of a source's article, used in the terminal. */
export function formatSourceLine(citation: Citation): string {
  const details = [citation.source, citation.date, citation.url].filter(Boolean).join(', ');
  return `${citation.title} — ${details}`;
}

/** Most characters of a cited passage shown under its article. */
const PASSAGE_PREVIEW_CHARS = 100;

/**
 * The answer, its note, then the sources in the asker's language: each article once, with the numbers of
 * its cited passages (and how each begins) under it, articles in order of first citation.
 */
export function formatAnswerText(answer: Answer): string {
  const lines = [answer.answer];
  if (answer.note) lines.push('', `(${answer.note})`);
  if (answer.citations.length > 0) {
    lines.push('', t(answer.language, 'answer:sources'));
    const byArticle = new Map<string, Citation[]>();
    for (const citation of answer.citations)
      byArticle.set(citation.docId, [...(byArticle.get(citation.docId) ?? []), citation]);
    for (const citations of byArticle.values()) {
      lines.push(formatSourceLine(citations[0]!));
      for (const c of citations) lines.push(`  [${c.n}] ${preview(c.text)}`);
    }
  }
  return lines.join('\n');
}

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > PASSAGE_PREVIEW_CHARS ? `${line.slice(0, PASSAGE_PREVIEW_CHARS - 1).trimEnd()}…` : line;
}
