// One article → its collaboration record. Pure: the same article always gives the same record, so the
// index can keep an unchanged article's record from the previous build.
import type { Article } from '../types.ts';
import { extractAreas, extractDate, extractKind, extractPeople, extractPlace } from './fields.ts';
import { partiesFromFrontMatter, partiesFromText } from './parties.ts';
import { articlePassages } from './sentences.ts';
import type { CollabRecord, Evidence } from './types.ts';

/** Bump when a rule changes what records are extracted: stored records of older versions are re-extracted. */
export const EXTRACTOR_VERSION = 1;

export type RecordSource = Pick<
  Article,
  'id' | 'path' | 'title' | 'source' | 'url' | 'language' | 'date' | 'institutions' | 'body'
>;

/**
 * The collaboration record of an article. One record per article: an article that reports several
 * agreements of one party (three MoUs signed at one visit) lists all their parties in one record.
 */
export function extractRecords(article: RecordSource): CollabRecord[] {
  const passages = articlePassages(article);
  const parties =
    article.institutions.length > 0 ? partiesFromFrontMatter(article, passages) : partiesFromText(passages);
  const dateEvidence: Evidence = { from: 'front-matter', start: 0, end: 0, text: article.date ?? '' };
  const kind = extractKind(passages);
  const date = extractDate(passages, article.date, dateEvidence);
  const partyNames = parties.flatMap((p) => p.aliases);
  const place = extractPlace(passages, partyNames);
  const record: CollabRecord = {
    id: `${article.id}#0`,
    docId: article.id,
    path: article.path,
    title: article.title,
    source: article.source,
    ...(article.url ? { url: article.url } : {}),
    language: article.language,
    ...(article.date ? { articleDate: article.date } : {}),
    parties,
    ...(kind ? { kind } : {}),
    ...(date ? { date } : {}),
    ...(place ? { place } : {}),
    areas: extractAreas(passages, partyNames),
    people: extractPeople(passages),
  };
  // An article that names no party and no kind of agreement reports no collaboration.
  return parties.length === 0 && !kind ? [] : [record];
}
