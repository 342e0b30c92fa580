// Main-content extraction from a saved news page: @mozilla/readability on a linkedom document, then the
// extracted HTML is turned into lines of text (one per block element) for the same cleaning as .txt.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ExtractedHtml {
  title?: string;
  /** One block (paragraph, heading, list item) per line; list items start with "• ". */
  text: string;
  siteName?: string;
  byline?: string;
  /** YYYY-MM-DD when the page states its publication time. */
  date?: string;
  /** The page's canonical http(s) URL, when it declares one. */
  url?: string;
}

const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'TR',
  'DL',
  'DT',
  'DD',
  'FIGURE',
  'HR',
]);
/** Captions are photo credits and descriptions, not article prose. */
const SKIPPED_TAGS = new Set(['FIGCAPTION', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'FORM']);

type HtmlDocument = ReturnType<typeof parseHTML>['document'];

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Appends the text of `node` to `out`, starting a new line at every block boundary. */
function collectText(node: DomNode, out: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    out.push((node.textContent ?? '').replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE && node.nodeType !== DOCUMENT_NODE && node.nodeType !== DOCUMENT_FRAGMENT_NODE)
    return;
  const tag = node.nodeName.toUpperCase();
  if (SKIPPED_TAGS.has(tag)) return;
  if (tag === 'BR') {
    out.push('\n');
    return;
  }
  const block = BLOCK_TAGS.has(tag);
  if (block) out.push('\n');
  if (tag === 'LI') out.push('• ');
  for (const child of Array.from(node.childNodes)) collectText(child, out);
  if (block) out.push('\n');
}

/** Block-structured plain text of an HTML fragment. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  collectText(document.body as unknown as DomNode, out);
  return out
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

function metaContent(document: HtmlDocument, selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const value = document.querySelector(selector)?.getAttribute('content')?.trim();
    if (value) return value;
  }
  return undefined;
}

function canonicalUrl(document: HtmlDocument): string | undefined {
  const href =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ??
    metaContent(document, ['meta[property="og:url"]']);
  return href && /^https?:\/\/\S+$/i.test(href) ? href : undefined;
}

function isoDayOf(value: string | null | undefined): string | undefined {
  return value ? /^(\d{4}-\d{2}-\d{2})/.exec(value.trim())?.[1] : undefined;
}

/** Extracts the article from a full HTML page; throws when no article content can be found. */
export function extractHtmlArticle(html: string): ExtractedHtml {
  if (!/<[a-z!]/i.test(html)) throw new Error('the file holds no HTML markup');
  const { document } = parseHTML(html);
  const url = canonicalUrl(document);
  const metaDate = metaContent(document, [
    'meta[property="article:published_time"]',
    'meta[name="date"]',
    'meta[itemprop="datePublished"]',
  ]);
  const article = new Readability(document).parse();
  if (!article?.content) throw new Error('no article content found in the HTML (Readability found no main text)');
  const extracted: ExtractedHtml = { text: htmlToText(article.content) };
  const title = article.title?.trim();
  const date = isoDayOf(article.publishedTime) ?? isoDayOf(metaDate);
  if (title) extracted.title = title;
  if (article.siteName?.trim()) extracted.siteName = article.siteName.trim();
  if (article.byline?.trim()) extracted.byline = article.byline.trim();
  if (date) extracted.date = date;
  if (url) extracted.url = url;
  return extracted;
}
