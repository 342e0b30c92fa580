import type { DocumentRef } from './types.ts';

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
