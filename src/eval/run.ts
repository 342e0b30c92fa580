// Runs an evaluation: prepares the corpus (optionally with the distractor articles), builds or refreshes a
// dedicated index for it, asks every question through the same service the bot uses, scores the answers,
// and optionally does the same with the LangChain baseline.
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig, type Config } from '../config.ts';
import { silentLogger } from '../log.ts';
import { createService } from '../service/service.ts';
import type { RankedDocument } from '../service/types.ts';
import { createBaseline } from './baseline.ts';
import { loadQuestions, type EvalQuestion } from './questions.ts';
import { scoreItem, summarize, type ItemScore, type SystemAnswer, type Summary } from './score.ts';

export interface EvalOptions {
  /** One question file, or several read in order (ids must stay unique). */
  questionsFile: string | string[];
  corpusDir: string;
  /** Articles added to the corpus for this run (under `distractors/`, `distractors-2/` …). */
  distractorsDir?: string | string[];
  /** Keep only the questions whose id is (`only`) or is not (`except`) in this set: the untuned split. */
  filter?: { ids: ReadonlySet<string>; mode: 'only' | 'except' };
  k: number;
  baseline: boolean;
  /** Index directory; default: `<workDir>/index`. */
  indexDir?: string;
  /** Where the combined corpus and the index live; default: a folder under the system temp dir dedicated to this corpus. */
  workDir?: string;
  embeddings?: Config['EMBEDDINGS'];
  /** Also record, per question, how retrieval scored the top articles. */
  explain?: boolean;
  /** One-line progress notes (index built, embedder fallback...). */
  onNotice?: (line: string) => void;
}

export interface ExplainedDocument {
  docId: string;
  score: number;
  rankScore: number;
  coverage: number;
  entityCoverage: number;
  nameCoverage: number;
  missing: string[];
  eligible: boolean;
}

export interface EvalItem extends ItemScore {
  question: string;
  answer: string;
  explain?: {
    query: string;
    list: boolean;
    words: { text: string; party: boolean; unknown: boolean; weight: number; docs: number }[];
    documents: ExplainedDocument[];
    probability?: number;
    features?: Record<string, number>;
  };
}

export interface SystemResult {
  name: string;
  summary: Summary;
  items: EvalItem[];
}

export interface EvalReport {
  questionsFile: string;
  corpus: string;
  distractors?: string;
  /** Which questions were kept (the untuned split), when filtered. */
  split?: string;
  articles: number;
  indexDir: string;
  embedder: string;
  k: number;
  system: SystemResult;
  baseline?: SystemResult & { chunks: number };
  seconds: number;
}

export async function runEval(options: EvalOptions): Promise<EvalReport> {
  const started = Date.now();
  const files = typeof options.questionsFile === 'string' ? [options.questionsFile] : options.questionsFile;
  const filter = options.filter;
  const questions = (await Promise.all(files.map((f) => loadQuestions(f))))
    .flat()
    .filter((q) => !filter || filter.ids.has(q.id) === (filter.mode === 'only'));
  const notice = options.onNotice ?? (() => undefined);
  const workDir = options.workDir ?? join(tmpdir(), 'collab-bot-eval', workKey(options));
  const corpusDir = await prepareCorpus(options, workDir);
  const indexDir = options.indexDir ?? join(workDir, 'index');
  const config = loadConfig(undefined, {
    CORPUS_DIR: corpusDir,
    INDEX_DIR: indexDir,
    TOP_K: options.k,
    ...(options.embeddings ? { EMBEDDINGS: options.embeddings } : {}),
  });

  const service = await createService(config, { logger: silentLogger, onNotice: notice, prepareIndex: false });
  const embedder = service.embedder;
  try {
    const summary = await service.reindex();
    if (summary.failed.length > 0)
      notice(`Could not load: ${summary.failed.map((f) => `${f.path} (${f.reason})`).join('; ')}`);
    const sources = await service.sources();
    const articleTexts = await readArticles(corpusDir, sources.map((s) => s.path).sort());
    const articleText = (path: string) => articleTexts.get(path) ?? '';
    const pathOf = new Map(sources.map((d) => [d.docId, d.path]));
    const items: EvalItem[] = [];
    for (const q of questions) {
      // With --explain, retrieval runs once: the service returns its diagnostics with the answer it composed.
      let explain: EvalItem['explain'];
      let answer;
      if (options.explain) {
        const explained = await service.explain(q.question, options.k);
        const { diagnostics } = explained;
        answer = explained.answer;
        explain = {
          query: diagnostics.query,
          list: diagnostics.list,
          words: diagnostics.evidence.words.map((w) => ({
            text: w.text,
            party: w.party,
            unknown: w.unknownName,
            weight: round(w.weight),
            docs: w.df,
          })),
          documents: diagnostics.documents.slice(0, 5).map((d) => explainDocument(d, pathOf.get(d.docId) ?? d.docId)),
          ...(diagnostics.notFound
            ? {
                probability: round(diagnostics.notFound.probability),
                features: Object.fromEntries(
                  Object.entries(diagnostics.notFound.features).map(([k, v]) => [k, round(v)]),
                ),
              }
            : {}),
        };
      } else {
        answer = await service.ask(q.question);
      }
      const result: SystemAnswer = {
        answer: answer.answer,
        found: answer.found,
        citations: answer.citations.map((c) => ({ docId: c.path, text: c.text })),
      };
      const item: EvalItem = {
        ...scoreItem(q, result, options.k, articleText),
        question: q.question,
        answer: answer.answer,
      };
      if (explain) item.explain = explain;
      items.push(item);
    }
    const report: EvalReport = {
      questionsFile: files.join(' + '),
      corpus: options.corpusDir,
      ...(distractorDirs(options).length > 0 ? { distractors: distractorDirs(options).join(' + ') } : {}),
      ...(filter ? { split: `${filter.mode} ${filter.ids.size} listed ids` } : {}),
      articles: articleTexts.size,
      indexDir,
      embedder: embedder.info.id,
      k: options.k,
      system: { name: 'hybrid', summary: summarize(items, options.k), items },
      seconds: 0,
    };
    if (options.baseline)
      report.baseline = await runBaseline(questions, corpusDir, articleTexts, embedder.embeddings, options.k);
    report.seconds = round((Date.now() - started) / 1000);
    return report;
  } finally {
    await service.close();
  }
}

async function runBaseline(
  questions: EvalQuestion[],
  corpusDir: string,
  articleTexts: ReadonlyMap<string, string>,
  embeddings: Parameters<typeof createBaseline>[2],
  k: number,
): Promise<SystemResult & { chunks: number }> {
  const baseline = await createBaseline(corpusDir, articleTexts, embeddings);
  const articleText = (path: string) => articleTexts.get(path) ?? '';
  const items: EvalItem[] = [];
  for (const q of questions) {
    const result = await baseline.ask(q.question, k);
    items.push({ ...scoreItem(q, result, k, articleText), question: q.question, answer: result.answer });
  }
  return { name: 'baseline', summary: summarize(items, k), items, chunks: baseline.chunks };
}

function explainDocument(d: RankedDocument, path: string): ExplainedDocument {
  return {
    docId: path,
    score: round(d.score),
    rankScore: round(d.rankScore),
    coverage: round(d.coverage),
    entityCoverage: round(d.entityCoverage),
    nameCoverage: round(d.nameCoverage),
    missing: d.missing,
    eligible: d.eligible,
  };
}

function distractorDirs(options: EvalOptions): string[] {
  const dirs = options.distractorsDir;
  return dirs === undefined ? [] : typeof dirs === 'string' ? [dirs] : dirs;
}

/** A stable name per corpus (and distractor set), so repeated runs reuse and incrementally update one index. */
export function workKey(options: EvalOptions): string {
  const key = [resolve(options.corpusDir), ...distractorDirs(options).map((d) => resolve(d))].join('\n');
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** The corpus directory to index: the given one, or a copy of it with the distractors added. */
export async function prepareCorpus(options: EvalOptions, workDir: string): Promise<string> {
  await assertDirectory(options.corpusDir, '--corpus');
  const dirs = distractorDirs(options);
  if (dirs.length === 0) return resolve(options.corpusDir);
  for (const dir of dirs) await assertDirectory(dir, '--distractors');
  const combined = join(workDir, 'corpus');
  await rm(combined, { recursive: true, force: true });
  await mkdir(combined, { recursive: true });
  await cp(options.corpusDir, combined, { recursive: true });
  for (const [i, dir] of dirs.entries())
    await cp(dir, join(combined, i === 0 ? 'distractors' : `distractors-${i + 1}`), { recursive: true });
  return combined;
}

async function assertDirectory(dir: string, flag: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new Error(`${flag} ${dir}: not a directory. Pass the folder of article files.`);
}

/** The raw text of each indexed article (the baseline indexes it uncleaned; scoring looks facts up in it). */
export async function readArticles(corpusDir: string, paths: string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const path of paths) texts.set(path, await readFile(join(corpusDir, path), 'utf8'));
  return texts;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
