import type { Answer, Citation } from '../service/types.ts';

/** "title — source, date, url": the one-line form of a source, used in the terminal. */
export function formatSourceLine(citation: Citation): string {
  const details = [citation.source, citation.date, citation.url].filter(Boolean).join(', ');
  return `[${citation.n}] ${citation.title} — ${details}`;
}

export function formatAnswerText(answer: Answer): string {
  const lines = [answer.answer];
  if (answer.note) lines.push('', `(${answer.note})`);
  if (answer.citations.length > 0) {
    lines.push('', 'Sources:', ...answer.citations.map(formatSourceLine));
  }
  return lines.join('\n');
}
