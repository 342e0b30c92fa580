// Extraction quality of the collaboration registry: the records extracted from the seed articles against
// hand-made gold records (test/fixtures/registry/gold.json), per field: precision (extracted values that
// are right) and recall (gold values that were extracted). Parties and areas are sets; kind, date and place
// one value each. Parties match across scripts and aliases by the registry's own name rule, places by the
// same rule (Гуанчжоу = Guangzhou).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  aligns,
  extractRecords,
  listArticleFiles,
  loadArticleFile,
  nameTokens,
  partiesFromFrontMatter,
  sameParty,
  type Article,
  type CollabRecord,
} from '../service/registry-extraction.ts';

export interface GoldRecord {
  corpus: string;
  seed: string;
  parties: string[][];
  kind: string | null;
  date: string | null;
  place: string | null;
  areas: string[];
}

export const REGISTRY_FIELDS = ['parties', 'kind', 'date', 'place', 'areas'] as const;
export type RegistryField = (typeof REGISTRY_FIELDS)[number];

/** Precision of a field nothing was extracted for is 1 (nothing wrong), its recall 0 when gold has values. */
export interface FieldScore {
  /** Extracted values that match gold. */
  correct: number;
  extracted: number;
  gold: number;
  precision: number;
  recall: number;
}

export type RegistryScores = Record<RegistryField, FieldScore>;

export interface RegistryMiss {
  article: string;
  field: RegistryField;
  extracted: string[];
  gold: string[];
}

export interface RegistryEvalResult {
  scores: RegistryScores;
  misses: RegistryMiss[];
}

export async function readGold(file: string): Promise<GoldRecord[]> {
  const value = JSON.parse(await readFile(file, 'utf8')) as { records?: GoldRecord[] };
  if (!Array.isArray(value.records)) throw new Error(`${file}: expected {"records": [...]}`);
  return value.records;
}

/** Scores the records of each gold article; `articleFor` gives the article to extract from. */
export function scoreRegistry(
  gold: readonly GoldRecord[],
  recordsFor: (g: GoldRecord) => CollabRecord[],
): RegistryEvalResult {
  const counts = Object.fromEntries(REGISTRY_FIELDS.map((f) => [f, { correct: 0, extracted: 0, gold: 0 }])) as Record<
    RegistryField,
    { correct: number; extracted: number; gold: number }
  >;
  const misses: RegistryMiss[] = [];
  for (const g of gold) {
    const records = recordsFor(g);
    const record = records[0];
    const add = (
      field: RegistryField,
      extracted: string[],
      goldValues: string[],
      matches: (e: string, g: string) => boolean,
    ) => {
      const used = new Set<number>();
      let correct = 0;
      for (const e of extracted) {
        const hit = goldValues.findIndex((v, i) => !used.has(i) && matches(e, v));
        if (hit >= 0) {
          used.add(hit);
          correct++;
        }
      }
      counts[field].correct += correct;
      counts[field].extracted += extracted.length;
      counts[field].gold += goldValues.length;
      if (correct < extracted.length || correct < goldValues.length)
        misses.push({ article: g.corpus, field, extracted, gold: goldValues });
    };
    // A party is right when one of its names is a name of the gold party.
    const partyNames = record?.parties.map((p) => [p.name, ...p.aliases]) ?? [];
    const partyIndex = partyNames.map((_, i) => String(i));
    const goldIndex = g.parties.map((_, i) => String(i));
    add('parties', partyIndex, goldIndex, (e, v) =>
      partyNames[Number(e)]!.some((n) => g.parties[Number(v)]!.some((gn) => sameParty(n, gn))),
    );
    const shownParties = misses[misses.length - 1];
    if (shownParties?.field === 'parties' && shownParties.article === g.corpus) {
      shownParties.extracted = record?.parties.map((p) => p.name) ?? [];
      shownParties.gold = g.parties.map((p) => p[0]!);
    }
    add('kind', record?.kind ? [record.kind.value] : [], g.kind ? [g.kind] : [], (e, v) => e === v);
    add('date', record?.date ? [record.date.value] : [], g.date ? [g.date] : [], (e, v) => e === v);
    add('place', record?.place ? [record.place.value] : [], g.place ? [g.place] : [], samePlace);
    add('areas', record?.areas.map((a) => a.id) ?? [], g.areas, (e, v) => e === v);
  }
  const scores = Object.fromEntries(
    REGISTRY_FIELDS.map((f) => {
      const c = counts[f];
      return [
        f,
        {
          ...c,
          precision: c.extracted === 0 ? 1 : c.correct / c.extracted,
          recall: c.gold === 0 ? 1 : c.correct / c.gold,
        },
      ];
    }),
  ) as RegistryScores;
  return { scores, misses };
}

function samePlace(a: string, b: string): boolean {
  return sameParty(a, b) || aligns(nameTokens(a), nameTokens(b));
}

export interface RegistryEvalOptions {
  goldFile: string;
  /** The curated articles (with front matter). */
  corpusDir: string;
  /** The raw pages of the same articles (no front matter). */
  seedsDir: string;
}

export interface RegistryEvalReport {
  /** Curated articles, front matter used where it states a field. */
  curated: RegistryEvalResult;
  /** Curated articles with their front-matter institutions ignored: parties from the text alone. */
  textOnly: RegistryEvalResult;
  /** The raw pages. */
  raw: RegistryEvalResult;
}

/**
 * Parties read from the text alone against the front-matter institutions of articles nobody wrote gold for
 * (the distractors): an out-of-sample check of party extraction, since the rules were written looking at
 * the seeds. The front-matter entries are grouped into parties by the same name rule.
 */
export async function scoreTextPartiesAgainstFrontMatter(
  dirs: readonly string[],
): Promise<FieldScore & { articles: number; misses: RegistryMiss[] }> {
  const gold: GoldRecord[] = [];
  const articles = new Map<string, Article>();
  for (const dir of dirs) {
    for (const file of await listArticleFiles(dir)) {
      const article = await loadArticleFile(join(dir, file), dir);
      if (article.institutions.length === 0) continue;
      articles.set(article.path + dir, article);
      const parties = partiesFromFrontMatter(article, []).map((p) => p.aliases);
      gold.push({ corpus: article.path + dir, seed: '', parties, kind: null, date: null, place: null, areas: [] });
    }
  }
  const result = scoreRegistry(gold, (g) => extractRecords({ ...articles.get(g.corpus)!, institutions: [] }));
  return {
    ...result.scores.parties,
    articles: gold.length,
    misses: result.misses.filter((m) => m.field === 'parties'),
  };
}

export async function runRegistryEval(options: RegistryEvalOptions): Promise<RegistryEvalReport> {
  const gold = await readGold(options.goldFile);
  const curated = new Map<string, Article>();
  const raw = new Map<string, Article>();
  for (const g of gold) {
    curated.set(g.corpus, await loadArticleFile(join(options.corpusDir, g.corpus), options.corpusDir));
    raw.set(g.seed, await loadArticleFile(join(options.seedsDir, g.seed), options.seedsDir));
  }
  return {
    curated: scoreRegistry(gold, (g) => extractRecords(curated.get(g.corpus)!)),
    textOnly: scoreRegistry(gold, (g) => extractRecords({ ...curated.get(g.corpus)!, institutions: [] })),
    raw: scoreRegistry(gold, (g) => extractRecords(raw.get(g.seed)!)),
  };
}

const pct = (x: number) => x.toFixed(2);

/** The report as a Markdown table (the README shows it), then the misses. */
export function formatRegistryReport(report: RegistryEvalReport, { misses = true } = {}): string {
  const columns: [string, RegistryEvalResult][] = [
    ['curated articles', report.curated],
    ['curated, text only', report.textOnly],
    ['raw pages', report.raw],
  ];
  const lines = [
    `| field | ${columns.map(([name]) => `${name} P | ${name} R`).join(' | ')} |`,
    `|---|${columns.map(() => '---|---').join('|')}|`,
    ...REGISTRY_FIELDS.map(
      (f) =>
        `| ${f} | ${columns.map(([, r]) => `${pct(r.scores[f].precision)} | ${pct(r.scores[f].recall)}`).join(' | ')} |`,
    ),
  ];
  if (misses) {
    for (const [name, r] of columns) {
      if (r.misses.length === 0) continue;
      lines.push('', `Differences (${name}):`);
      for (const m of r.misses)
        lines.push(`  ${m.article} ${m.field}: extracted [${m.extracted.join('; ')}], gold [${m.gold.join('; ')}]`);
    }
  }
  return lines.join('\n');
}
