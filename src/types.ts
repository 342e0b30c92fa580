// Data shapes that cross layers: which article something comes from, which embedder built an index, a turn of a
// conversation. Every layer may import this module (see eslint.config.js); it depends on nothing.

/** Which article something comes from: what a citation or a source listing shows. */
export interface DocumentRef {
  /** Path relative to the corpus directory. */
  path: string;
  title: string;
  /** The publication; UNKNOWN_SOURCE when a scraped page names none. */
  source: string;
  date?: string;
  url?: string;
  language: string;
}

/** The source of an article whose page names no publication (shown as nothing, not as this word). */
export const UNKNOWN_SOURCE = 'unknown';

/**
 * The fields that say which article something comes from, copied from an article, a stored chunk or a manifest
 * entry. Missing date and url stay absent (never `undefined`), so JSON output and citations omit them.
 */
export function documentRef(from: DocumentRef): DocumentRef {
  return {
    path: from.path,
    title: from.title,
    source: from.source,
    ...(from.date ? { date: from.date } : {}),
    ...(from.url ? { url: from.url } : {}),
    language: from.language,
  };
}

/** Which embedder built an index: an index is only ever queried with the same one. */
export interface EmbedderInfo {
  /** `hash` or `local` */
  kind: 'hash' | 'local';
  /** e.g. `hash-v1-768-f4c83aa47` (version, dimension, fingerprint of the text folding) or `local:Xenova/multilingual-e5-small:q8` */
  id: string;
  dimension: number;
}

/** How messages and logs name an embedder. */
export function describeEmbedder(info: EmbedderInfo): string {
  return `${info.id} (${info.dimension} dims)`;
}

/** One earlier question of a conversation, with the answer it got. */
export interface ConversationTurn {
  question: string;
  answer?: string;
}
