/** Front-matter fields of an article (see README "Adding an article"). */
export interface ArticleMeta {
  title: string;
  /** The publication, e.g. "Press Trust of India". */
  source: string;
  /** ISO 639-1 code; detected from the text when the front matter does not say it. */
  language: string;
  /** ISO date (YYYY-MM-DD), only where the article states it. */
  date?: string;
  /** Only if known; never invented. */
  url?: string;
  /** The collaborating parties. */
  institutions: string[];
}

/** A cleaned article, ready to chunk. */
export interface Article extends ArticleMeta {
  /** Stable id: the file name without extension (the slug). */
  id: string;
  /** Path relative to the corpus directory, with forward slashes. */
  path: string;
  /** Clean article text: paragraphs separated by one blank line, no site chrome. */
  body: string;
  /** sha256 (hex) of everything that affects the index: metadata and body. */
  contentHash: string;
}

/** A file that could not be loaded; the rest of the corpus still is. */
export interface LoadFailure {
  /** Path relative to the corpus directory. */
  path: string;
  reason: string;
}

export interface CorpusLoad {
  articles: Article[];
  failures: LoadFailure[];
}

/** A sentence-aligned slice of an article body. */
export interface Chunk {
  /** `${docId}#${index}` */
  id: string;
  docId: string;
  index: number;
  text: string;
  /** Character offsets of `text` in `article.body` (end exclusive): body.slice(start, end) === text. */
  start: number;
  end: number;
}

export interface ChunkOptions {
  /** Target chunk size in characters. */
  size: number;
  /** Characters of the previous chunk repeated at the start of the next (whole sentences). */
  overlap: number;
}
