// Text rendering of an evaluation: a metrics table (the system beside the baseline), a per-question table,
// the misses, and the pass/fail of the acceptance criteria.
import type { EvalItem, EvalReport, SystemResult } from './run.ts';
import { summarize, type Summary } from './score.ts';

export interface Criterion {
  name: string;
  pass: boolean;
}

/** Issue 9's targets, checked on one report. Baseline comparisons only when the baseline ran. */
export function checkCriteria(report: EvalReport): Criterion[] {
  const s = report.system.summary;
  const criteria: Criterion[] = [
    { name: 'recall@1 >= 0.9', pass: s.recallAt1 >= 0.9 },
    { name: `recall@${report.k} >= 0.95`, pass: s.recallAtK >= 0.95 },
    { name: 'not-found accuracy >= 0.95', pass: s.unanswerable === 0 || s.notFoundAccuracy >= 0.95 },
    { name: 'false not-found <= 0.05', pass: s.falseNotFoundRate <= 0.05 },
  ];
  for (const [lang, g] of groupSummaries(report, (i) => i.lang)) {
    if (g.answerable > 0) criteria.push({ name: `recall@1 >= 0.85 in ${lang}`, pass: g.recallAt1 >= 0.85 });
  }
  if (report.baseline) {
    const b = report.baseline.summary;
    criteria.push({ name: 'recall@1 > baseline', pass: s.recallAt1 > b.recallAt1 });
    criteria.push({ name: 'MRR > baseline', pass: s.mrr > b.mrr });
  }
  return criteria;
}

const f3 = (x: number) => x.toFixed(3);

export function formatReport(report: EvalReport): string {
  const systems: SystemResult[] = [report.system, ...(report.baseline ? [report.baseline] : [])];
  const lines: string[] = [];
  lines.push(
    `Questions: ${report.questionsFile} (${report.system.summary.questions}: ${report.system.summary.answerable} answerable, ${report.system.summary.unanswerable} unanswerable)`,
    `Corpus: ${report.corpus}${report.distractors ? ` + distractors ${report.distractors}` : ''} (${report.articles} articles), embedder ${report.embedder}, k=${report.k}`,
    ...(report.split ? [`Questions kept: ${report.split}`] : []),
    '',
  );
  const metrics: [string, (s: Summary) => string][] = [
    ['recall@1', (s) => f3(s.recallAt1)],
    [`recall@${report.k}`, (s) => f3(s.recallAtK)],
    ['MRR', (s) => f3(s.mrr)],
    ['fact coverage', (s) => f3(s.factCoverage)],
    ['not-found accuracy', (s) => f3(s.notFoundAccuracy)],
    ['false "not found"', (s) => `${s.falseNotFound} (${f3(s.falseNotFoundRate)})`],
    ['answer facts', (s) => f3(s.answerFacts)],
    ['lead facts', (s) => f3(s.leadFacts)],
    ['readable facts', (s) => f3(s.readableFacts)],
  ];
  lines.push(
    table(
      ['metric', ...systems.map((s) => s.name)],
      metrics.map(([name, get]) => [name, ...systems.map((s) => get(s.summary))]),
    ),
  );
  lines.push(
    '',
    'By language (hybrid):',
    breakdown(report, (i) => i.lang),
    '',
    'By question type (hybrid):',
    breakdown(report, (i) => i.type ?? '-'),
    '',
  );

  const header = ['id', 'lang', 'found', 'rank', `r@1`, `r@${report.k}`, 'facts'];
  if (report.baseline) header.push('baseline rank', 'baseline facts');
  const rows = report.system.items.map((item, i) => {
    const row = [
      item.id,
      item.lang,
      item.found ? 'yes' : 'no',
      rankCell(item),
      f3(item.recallAt1),
      f3(item.recallAtK),
      factsCell(item),
    ];
    const b = report.baseline?.items[i];
    if (b) row.push(rankCell(b), factsCell(b));
    return row;
  });
  lines.push(table(header, rows));

  for (const system of systems) {
    const missed = system.items.filter((i) => i.misses.length > 0);
    lines.push('', `Misses (${system.name}): ${missed.length === 0 ? 'none' : ''}`);
    for (const item of missed) lines.push(`  ${item.id}: ${item.misses.join('; ')}`);
  }
  const explained = report.system.items.filter((i) => i.explain);
  if (explained.length > 0)
    lines.push(
      '',
      'Retrieval details (top articles: score = fused rank ⊕ coverage; cov; entities; eligible):',
      ...explained.flatMap(explainLines),
    );

  lines.push('', 'Criteria:');
  for (const c of checkCriteria(report)) lines.push(`  [${c.pass ? 'x' : ' '}] ${c.name}`);
  lines.push('', `(${report.seconds}s; index ${report.indexDir})`);
  return lines.join('\n');
}

/** The JSON summary printed after the table (and alone with --json). */
export function jsonSummary(report: EvalReport, full: boolean): unknown {
  const strip = (s: SystemResult) => ({
    summary: s.summary,
    ...(full
      ? { items: s.items }
      : { misses: s.items.filter((i) => i.misses.length > 0).map((i) => ({ id: i.id, misses: i.misses })) }),
  });
  return {
    questions: report.questionsFile,
    corpus: report.corpus,
    ...(report.distractors ? { distractors: report.distractors } : {}),
    ...(report.split ? { split: report.split } : {}),
    byLanguage: Object.fromEntries(groupSummaries(report, (i) => i.lang)),
    byType: Object.fromEntries(groupSummaries(report, (i) => i.type ?? '-')),
    articles: report.articles,
    embedder: report.embedder,
    k: report.k,
    system: strip(report.system),
    ...(report.baseline ? { baseline: { chunks: report.baseline.chunks, ...strip(report.baseline) } } : {}),
    criteria: checkCriteria(report),
  };
}

/** The headline figures per group of questions (language, question type). */
export function groupSummaries(report: EvalReport, group: (item: EvalItem) => string): Map<string, Summary> {
  const groups = new Map<string, EvalItem[]>();
  for (const item of report.system.items) groups.set(group(item), [...(groups.get(group(item)) ?? []), item]);
  return new Map(
    [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([name, items]) => [name, summarize(items, report.k)]),
  );
}

function breakdown(report: EvalReport, group: (item: EvalItem) => string): string {
  const rows = [...groupSummaries(report, group)].map(([name, s]) => [
    name,
    String(s.questions),
    s.answerable > 0 ? f3(s.recallAt1) : '',
    s.answerable > 0 ? f3(s.recallAtK) : '',
    s.unanswerable > 0 ? f3(s.notFoundAccuracy) : '',
    s.answerable > 0 ? f3(s.falseNotFoundRate) : '',
    s.answerable > 0 ? f3(s.answerFacts) : '',
  ]);
  return table(['group', 'n', 'recall@1', `recall@${report.k}`, 'not-found acc', 'false n/f', 'answer facts'], rows);
}

function rankCell(item: EvalItem): string {
  if (!item.answerable) return item.notFoundCorrect ? 'n/a ok' : 'n/a WRONG';
  return item.firstRightRank === undefined ? '-' : String(item.firstRightRank);
}

function factsCell(item: EvalItem): string {
  return item.answerable ? `${item.factsMatched}/${item.factGroups}` : '';
}

function explainLines(item: EvalItem): string[] {
  const e = item.explain!;
  const words = e.words
    .map((w) => `${w.text}${w.party ? '*' : w.unknown ? '?' : ''}(${w.weight}, ${w.docs}d)`)
    .join(' ');
  return [
    `  ${item.id}${e.list ? ' [list]' : ''}: ${words}`,
    ...(e.probability !== undefined
      ? [`      p(answer) ${e.probability.toFixed(3)} ${JSON.stringify(e.features)}`]
      : []),
    ...e.documents.map(
      (d) =>
        `      ${d.eligible ? '+' : ' '} ${d.score.toFixed(3)} = rank ${d.rankScore.toFixed(3)} cov ${d.coverage.toFixed(3)} ent ${d.entityCoverage.toFixed(2)} names ${d.nameCoverage.toFixed(2)}${d.missing.length > 0 ? ` missing ${d.missing.join(',')}` : ''}  ${d.docId}`,
    ),
  ];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
