// YAML front matter of a curated article (gray-matter), validated with zod. Error messages name the field
// and say what is expected, e.g. "front matter: `title` is missing".
import matter from 'gray-matter';
import { z } from 'zod';

export interface FrontMatter {
  title: string;
  source: string;
  language?: string;
  date?: string;
  url?: string;
  institutions: string[];
}

export interface ParsedMarkdown {
  meta: FrontMatter;
  /** The text after the front matter, not yet cleaned. */
  content: string;
}

/** A front-matter problem; `message` is the human-readable reason (no file name: the caller adds it). */
export class FrontMatterError extends Error {
  override readonly name = 'FrontMatterError';
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** YAML `key:` with no value is null; treat it as absent. */
const absentIfNull = (value: unknown) => (value === null || value === '' ? undefined : value);

function requiredText() {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null ? 'is missing' : 'must be text (quote it in YAML)',
    })
    .trim()
    .min(1, 'is empty');
}

/** js-yaml reads an unquoted `2023-07-01` as a Date at UTC midnight: turn it back into the ISO day. */
function toIsoDay(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString().slice(0, 10);
  return value;
}

function isCalendarDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const isoDay = z
  .string({ error: 'must be an ISO date YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD (e.g. 2023-07-01)')
  .refine(isCalendarDay, 'is not a real calendar date');

const iso6391 = z
  .string({ error: 'must be an ISO 639-1 code such as en, hi, bn, ru' })
  .trim()
  .toLowerCase()
  .refine(
    (code) => /^[a-z]{2}$/.test(code) && LANGUAGE_NAMES.of(code) !== undefined,
    'must be an ISO 639-1 code such as en, hi, bn, ru',
  );

const frontMatterSchema = z.object({
  title: requiredText(),
  source: requiredText(),
  language: z.preprocess(absentIfNull, iso6391.optional()),
  date: z.preprocess((value) => toIsoDay(absentIfNull(value)), isoDay.optional()),
  url: z.preprocess(absentIfNull, z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  institutions: z.preprocess(
    absentIfNull,
    z.array(requiredText(), { error: 'must be a YAML list of names' }).default([]),
  ),
});

function fieldName(path: PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`))
    .join('');
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `front matter: \`${fieldName(issue.path)}\` ${issue.message}`).join('; ');
}

interface YamlErrorShape {
  name?: string;
  reason?: string;
  mark?: { line: number };
  message?: string;
}

/** js-yaml counts lines inside the block; the block starts on the file's first line ("---"). */
function describeYamlError(error: YamlErrorShape): string {
  const line = error.mark ? ` at line ${error.mark.line + 1}` : '';
  return `front matter: YAML error${line}: ${error.reason ?? error.message ?? String(error)}`;
}

function readMatter(text: string): matter.GrayMatterFile<string> {
  try {
    // Passing options turns off gray-matter's cache, which would return a stale result for a file whose
    // YAML failed to parse once.
    return matter(text, { excerpt: false });
  } catch (error) {
    throw new FrontMatterError(describeYamlError(error as YamlErrorShape));
  }
}

/** Parses and validates the front matter of a Markdown article. */
export function parseMarkdownArticle(text: string): ParsedMarkdown {
  const source = text.replace(/^\uFEFF/, '').trimStart();
  if (!source.startsWith('---')) {
    throw new FrontMatterError(
      'front matter: missing (the file must start with a `---` YAML block giving at least title and source)',
    );
  }
  const file = readMatter(source);
  const data: unknown = file.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('front matter: must be a YAML mapping of `key: value` lines');
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) throw new FrontMatterError(describeIssues(parsed.error));
  const meta: FrontMatter = {
    title: parsed.data.title,
    source: parsed.data.source,
    institutions: parsed.data.institutions,
  };
  if (parsed.data.language) meta.language = parsed.data.language;
  if (parsed.data.date) meta.date = parsed.data.date;
  if (parsed.data.url) meta.url = parsed.data.url;
  return { meta, content: file.content };
}
