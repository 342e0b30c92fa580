// Loads the corpus directory: curated Markdown with front matter, raw scraped .txt pages and saved .html
// pages, all cleaned by the same rules. A file that cannot be loaded becomes a LoadFailure with a
// specific reason; the other files still load.
import { createHash } from 'node:crypto';
import { readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { DEFAULT_MAX_ARTICLE_BYTES, folderSettingError } from '../config.ts';
import { decodeArticleBytes } from './bytes.ts';
import { dateFromRemovedLines, sourceFromRemovedLines } from './byline.ts';
import { cleanArticleText, type CleanedArticle } from './clean.ts';
import { FrontMatterError, parseMarkdownArticle } from './front-matter.ts';
import type { ExtractedHtml, extractHtmlArticle } from './html.ts';
import { looksHardWrapped, markdownToLines } from './markdown.ts';
import { detectLanguage } from './language.ts';
import { splitSentences } from './sentences.ts';
import type { Article, ArticleMeta, CorpusLoad, LoadFailure } from './types.ts';
import { UNKNOWN_SOURCE } from '../types.ts';

export const ARTICLE_EXTENSIONS: readonly string[] = ['.md', '.txt', '.html', '.htm'];

/** Corpus files that document the corpus rather than being articles. */
const IGNORED_FILE_NAMES = new Set(['readme.md']);

const MAX_DERIVED_TITLE_LENGTH = 120;

/** A file that could not be loaded, with the reason in words (without the path). */
export class ArticleLoadError extends Error {
  override readonly name = 'ArticleLoadError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** What a format-specific reader produces; language and identity are added afterwards. */
interface ArticleDraft {
  meta: Omit<ArticleMeta, 'language'> & { language?: string };
  body: string;
}

/** Article id from a file name: lower-case letters and digits of any script, joined by '-'. */
export function slugFromFileName(fileName: string): string {
  return basename(fileName, extname(fileName))
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

function toCorpusPath(absPath: string, corpusDir: string): string {
  return relative(resolve(corpusDir), resolve(absPath)).split(sep).join('/');
}

/** sha256 over a fixed-order serialization of everything that ends up in the index. */
export function computeContentHash(article: Omit<Article, 'contentHash'>): string {
  const canonical = JSON.stringify([
    article.id,
    article.path,
    article.title,
    article.source,
    article.language,
    article.date ?? null,
    article.url ?? null,
    article.institutions,
    article.body,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** A title for a page without a headline: its first sentence, shortened at a word boundary. */
function titleFromBody(body: string): string | undefined {
  // Only the first line is split: the title needs its first sentence, not the whole (maybe large) body.
  const firstLine = body.trimStart().split('\n', 1)[0] ?? '';
  const first = splitSentences(firstLine)[0]?.text;
  if (!first || first.length <= MAX_DERIVED_TITLE_LENGTH) return first;
  const cut = first.slice(0, MAX_DERIVED_TITLE_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 40 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}

function readMarkdown(text: string): ArticleDraft {
  const { meta, content } = parseMarkdownArticle(text);
  return { meta, body: cleanArticleText(markdownToLines(content), { title: meta.title }).body };
}

function hostnameOf(url: string | undefined): string | undefined {
  return url ? new URL(url).hostname.replace(/^www\./, '') : undefined;
}

/** What a page states about itself (HTML meta tags, Readability); a plain-text page states nothing. */
type StatedMeta = Pick<ExtractedHtml, 'title' | 'siteName' | 'date' | 'url'>;

/** A scraped page's draft: what the page states comes first, then what its removed chrome says. */
function scrapedDraft(cleaned: CleanedArticle, id: string, stated: StatedMeta = {}): ArticleDraft {
  const meta: ArticleDraft['meta'] = {
    title: stated.title ?? cleaned.title ?? titleFromBody(cleaned.body) ?? id,
    source: stated.siteName ?? sourceFromRemovedLines(cleaned.removed) ?? hostnameOf(stated.url) ?? UNKNOWN_SOURCE,
    institutions: [],
  };
  const date = stated.date ?? dateFromRemovedLines(cleaned.removed);
  if (date) meta.date = date;
  if (stated.url) meta.url = stated.url;
  return { meta, body: cleaned.body };
}

function readScrapedText(text: string, id: string): ArticleDraft {
  return scrapedDraft(cleanArticleText(looksHardWrapped(text) ? markdownToLines(text) : text), id);
}

type HtmlExtractor = typeof extractHtmlArticle;

/**
 * The HTML reader (readability on linkedom), imported the first time an HTML file is read: loading linkedom
 * costs a few hundred ms that a corpus of Markdown, or a reindex where no HTML file changed, does not need.
 */
let htmlExtractor: Promise<HtmlExtractor> | undefined;
function loadHtmlExtractor(): Promise<HtmlExtractor> {
  htmlExtractor ??= import('./html.ts').then((m) => m.extractHtmlArticle);
  return htmlExtractor;
}

function isHtmlExtension(extension: string): boolean {
  return extension === '.html' || extension === '.htm';
}

function readHtml(text: string, id: string, extractHtml: HtmlExtractor | undefined): ArticleDraft {
  if (!extractHtml) throw new Error('the HTML reader is not loaded');
  const page = extractHtml(text);
  return scrapedDraft(cleanArticleText(page.text, page.title ? { title: page.title } : {}), id, page);
}

function readDraft(text: string, extension: string, id: string, extractHtml?: HtmlExtractor): ArticleDraft {
  switch (extension) {
    case '.md':
      return readMarkdown(text);
    case '.txt':
      return readScrapedText(text, id);
    case '.html':
    case '.htm':
      return readHtml(text, id, extractHtml);
    default:
      throw new Error(`unsupported file type "${extension}" (use ${ARTICLE_EXTENSIONS.join(', ')})`);
  }
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return `cannot read the file${code ? ` (${code})` : ''}: ${(error as Error).message}`;
}

export interface LoadOptions {
  /** Larger files are reported instead of loaded (MAX_ARTICLE_BYTES). */
  maxArticleBytes?: number;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The file's text: refused when it is too large, binary, or not UTF-8, with the reason in words. */
async function readArticleText(absPath: string, path: string, maxBytes: number): Promise<string> {
  let bytes: Buffer;
  try {
    const size = (await stat(absPath)).size;
    if (size > maxBytes) {
      throw new ArticleLoadError(
        path,
        `the file is ${formatMegabytes(size)}, more than MAX_ARTICLE_BYTES (${formatMegabytes(maxBytes)}); split it into smaller articles or raise MAX_ARTICLE_BYTES`,
      );
    }
    bytes = await readFile(absPath);
  } catch (error) {
    if (error instanceof ArticleLoadError) throw error;
    throw new ArticleLoadError(path, describeReadError(error));
  }
  const decoded = decodeArticleBytes(bytes);
  if (!decoded.ok) throw new ArticleLoadError(path, decoded.reason);
  return decoded.text;
}

/** Loads, cleans and identifies one article file. Throws ArticleLoadError with a specific reason. */
export async function loadArticleFile(absPath: string, corpusDir: string, options: LoadOptions = {}): Promise<Article> {
  const path = toCorpusPath(absPath, corpusDir);
  const id = slugFromFileName(absPath);
  if (!id) throw new ArticleLoadError(path, 'the file name has no letters or digits to make an article id from');
  const text = await readArticleText(absPath, path, options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES);
  const extension = extname(absPath).toLowerCase();
  const extractHtml = isHtmlExtension(extension) ? await loadHtmlExtractor() : undefined;
  let draft: ArticleDraft;
  try {
    draft = readDraft(text, extension, id, extractHtml);
  } catch (error) {
    const reason = error instanceof FrontMatterError ? error.message : `cannot parse: ${(error as Error).message}`;
    throw new ArticleLoadError(path, reason);
  }
  if (!draft.body.trim()) {
    throw new ArticleLoadError(path, 'no article text left after cleaning (the body is empty or only site chrome)');
  }
  const withoutHash = {
    ...draft.meta,
    language: draft.meta.language ?? detectLanguage(draft.body),
    id,
    path,
    body: draft.body,
  };
  return { ...withoutHash, contentHash: computeContentHash(withoutHash) };
}

function isArticleFile(name: string): boolean {
  return ARTICLE_EXTENSIONS.includes(extname(name).toLowerCase()) && !IGNORED_FILE_NAMES.has(name.toLowerCase());
}

/** What a walk of the corpus found: article files, and entries it could not use (links, unreadable folders). */
export interface CorpusListing {
  /** Sorted corpus-relative paths (through symbolic links where the article is linked). */
  files: string[];
  problems: LoadFailure[];
}

/**
 * Article files under `corpusDir` (hidden files and folders skipped). Symbolic links are followed, to files
 * and to folders; a link that is broken, loops back to a folder that contains it, or reaches a file or
 * folder already listed is reported in `problems`, never silently dropped. Plain files and folders are
 * walked first, so that a file reached both directly and through a link is indexed under its own name.
 */
export async function walkCorpus(corpusDir: string): Promise<CorpusListing> {
  const files: string[] = [];
  const problems: LoadFailure[] = [];
  const seenFiles = new Map<string, string>(); // real path -> corpus path
  const seenDirs = new Map<string, string>(); // real path -> full path
  // `rel` is an entry's corpus path (what toCorpusPath gives), built along the walk: names joined by '/'.
  const links: { full: string; rel: string; ancestors: ReadonlySet<string> }[] = [];
  const problem = (full: string, reason: string) => problems.push({ path: toCorpusPath(full, corpusDir), reason });
  const child = (rel: string, name: string) => (rel === '' ? name : `${rel}/${name}`);

  /** `real`: the file's real path when known (a plain entry of a folder whose real path is known). */
  const addFile = async (full: string, rel: string, real?: string): Promise<void> => {
    real ??= await realpath(full);
    const already = seenFiles.get(real);
    if (already !== undefined) {
      problem(full, `it is the same file as ${already} (through a symbolic link); indexed once, as ${already}`);
      return;
    }
    seenFiles.set(real, rel);
    files.push(rel);
  };

  /**
   * Walks plain entries; links are queued for after the plain tree. `realDir` is the real path of `dir`: a
   * plain entry's real path is then `realDir/name`, without asking the file system for each file.
   */
  async function walk(dir: string, rel: string, ancestors: ReadonlySet<string>, realDir: string): Promise<void> {
    let entries;
    try {
      // Sorted, so that the same link wins on every machine when two reach one file.
      entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
    } catch (error) {
      if (dir === corpusDir)
        throw await folderSettingError('CORPUS_DIR', resolve(corpusDir), error, { flag: '--corpus' });
      problem(
        dir,
        `cannot read the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); its articles are not indexed`,
      );
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      const entryRel = child(rel, entry.name);
      if (entry.isSymbolicLink()) links.push({ full, rel: entryRel, ancestors });
      else if (entry.isDirectory()) await enterFolder(full, entryRel, ancestors, join(realDir, entry.name));
      else if (entry.isFile() && isArticleFile(entry.name)) await addFile(full, entryRel, join(realDir, entry.name));
    }
  }

  async function enterFolder(full: string, rel: string, ancestors: ReadonlySet<string>, known?: string): Promise<void> {
    const real = known ?? (await realpath(full));
    seenDirs.set(real, full);
    await walk(full, rel, new Set([...ancestors, real]), real);
  }

  async function followLink({ full, rel, ancestors }: (typeof links)[number]): Promise<void> {
    const target = await linkTarget(full);
    if ('reason' in target) return void problem(full, target.reason);
    if (target.isFile) {
      if (isArticleFile(basename(full))) await addFile(full, rel);
      return;
    }
    if (!target.isDirectory) return;
    const real = await realpath(full);
    const already = seenDirs.get(real);
    if (ancestors.has(real)) {
      const where = toCorpusPath(already ?? real, corpusDir) || 'the corpus folder';
      return void problem(full, `the symbolic link loops back to ${where}, which contains it; not followed`);
    }
    if (already !== undefined) {
      return void problem(
        full,
        `it is the same folder as ${toCorpusPath(already, corpusDir)} (through a symbolic link); its articles are indexed once, from there`,
      );
    }
    await enterFolder(full, rel, ancestors, real);
  }

  const root = await realpath(corpusDir).catch(async (error: unknown) => {
    throw await folderSettingError('CORPUS_DIR', resolve(corpusDir), error, { flag: '--corpus' });
  });
  seenDirs.set(root, corpusDir);
  await walk(corpusDir, '', new Set([root]), root);
  // Links found inside linked folders join the queue as those are walked.
  for (let i = 0; i < links.length; i++) await followLink(links[i]!);
  return { files: sortPaths(files), problems };
}

/** Code-unit order, not locale order: the same on every machine. */
function sortPaths(paths: string[]): string[] {
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** What a symbolic link points at, or why it cannot be followed. */
async function linkTarget(full: string): Promise<{ isDirectory: boolean; isFile: boolean } | { reason: string }> {
  try {
    const info = await stat(full);
    return { isDirectory: info.isDirectory(), isFile: info.isFile() };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const target = await readlink(full).catch(() => '?');
    if (code === 'ENOENT')
      return { reason: `it is a symbolic link to ${target}, which does not exist; fix or remove the link` };
    if (code === 'ELOOP')
      return {
        reason: `it is a symbolic link to ${target} that loops (links pointing at each other); fix or remove the link`,
      };
    return {
      reason: `it is a symbolic link to ${target} that cannot be followed (${code ?? (error as Error).message})`,
    };
  }
}

/** Article files under `corpusDir` as sorted corpus-relative paths (see walkCorpus for what is reported). */
export async function listArticleFiles(corpusDir: string): Promise<string[]> {
  return (await walkCorpus(corpusDir)).files;
}
async function assertDirectory(corpusDir: string): Promise<void> {
  const info = await stat(corpusDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new Error(
      `Corpus directory not found: ${resolve(corpusDir)}. Create it or point CORPUS_DIR / --corpus at the folder of articles.`,
    );
  }
}

/** Loads every article under `corpusDir`; failures (including duplicate ids) are reported, not thrown. */
export async function loadCorpus(corpusDir: string, options: LoadOptions = {}): Promise<CorpusLoad> {
  await assertDirectory(corpusDir);
  const articles: Article[] = [];
  const listing = await walkCorpus(corpusDir);
  const failures: LoadFailure[] = [...listing.problems];
  const pathById = new Map<string, string>();
  for (const path of listing.files) {
    // The id is claimed before loading, so the later of two same-named files fails even if the first does.
    const id = slugFromFileName(path);
    const firstPath = pathById.get(id);
    if (firstPath !== undefined) {
      failures.push({
        path,
        reason: `duplicate article id "${id}": ${firstPath} already uses it (rename one of the files)`,
      });
      continue;
    }
    pathById.set(id, path);
    try {
      articles.push(await loadArticleFile(join(corpusDir, path), corpusDir, options));
    } catch (error) {
      const reason = error instanceof ArticleLoadError ? error.reason : (error as Error).message;
      failures.push({ path, reason });
    }
  }
  return { articles, failures };
}
