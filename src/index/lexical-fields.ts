// What the lexical index holds, independent of the engine that stores and searches it: which analyzed
// terms go into which field for a chunk and for a query, and each field's boost (field-aware ranking: a
// match in the title or the institutions' names weighs beside one in the body).
//   text    folded stems and acronyms of the chunk text (the main evidence)
//   phon    phonetic keys: names across scripts (Глыбочко ~ Glybochko)
//   concept cross-lingual concepts (китайских ~ Chinese)
//   title   all of the above for the article title
//   alias   all of the above for the article's institution names: front matter `institutions` plus
//           "Long Name (ACR)" expansions found anywhere in the article, so every chunk of an article is
//           findable by any name of its parties.
// A query that spells out a long name some article defines ("Indian Institute of Technology") also searches
// for its acronym (IIT).
import type { StoredChunk } from './types.ts';
import { KEY_PREFIX, type Analyzer } from '../text/analyze.ts';
import { findAliases, type Alias } from '../text/aliases.ts';

export type Field = 'text' | 'phon' | 'concept' | 'title' | 'alias';
export const FIELDS: readonly Field[] = ['text', 'phon', 'concept', 'title', 'alias'];

/** Field weights, chosen on the dev questions (dev.jsonl, 2026-11; see README "Evaluation"). */
export const FIELD_BOOST: Readonly<Record<Field, number>> = {
  text: 1,
  phon: 0.5,
  concept: 0.3,
  title: 0.5,
  alias: 0.4,
};
/** A phonetic key this long may match a longer key it starts (Sechenov ~ Сеченовского). */
export const MIN_PREFIX_KEY = 4;

/** Whether a query term may also match longer index terms it starts. */
export const isPrefixTerm = (term: string) => term.startsWith(KEY_PREFIX) && term.length > MIN_PREFIX_KEY;

/** The terms of each field for one chunk. */
export type ChunkFields = Record<Field, string[]>;

export interface AliasEntry {
  acronym: string;
  /**
   * The expansion's content words, each as its alternative terms (stem, phonetic keys, concepts): a query
   * that has some alternative of every word names the institution, in whichever script.
   */
  words: string[][];
}

/** The fields of every chunk of a complete set, plus the corpus-wide alias entries for query expansion. */
export function chunkFields(
  chunks: readonly StoredChunk[],
  analyzer: Analyzer,
): { fields: Map<string, ChunkFields>; aliases: AliasEntry[] } {
  const aliasesByDoc = documentAliases(chunks, analyzer);
  const titleTerms = new Map<string, string[]>();
  const aliasTerms = new Map<string, string[]>();
  for (const chunk of chunks) {
    if (!titleTerms.has(chunk.docId)) {
      titleTerms.set(chunk.docId, allTerms(analyzer, chunk.title));
      const names = [
        ...chunk.institutions,
        ...(aliasesByDoc.get(chunk.docId) ?? []).flatMap((a) => [a.expansion, a.acronym]),
      ];
      aliasTerms.set(chunk.docId, allTerms(analyzer, names.join(' ; ')));
    }
  }
  const fields = new Map<string, ChunkFields>();
  for (const chunk of chunks) {
    const terms = analyzer.fieldTerms(chunk.text);
    fields.set(chunk.id, {
      text: terms.text,
      phon: terms.phon,
      concept: terms.concept,
      title: titleTerms.get(chunk.docId) ?? [],
      alias: aliasTerms.get(chunk.docId) ?? [],
    });
  }
  return { fields, aliases: aliasEntries([...aliasesByDoc.values()].flat(), analyzer) };
}

/** The terms a query searches (every field at once), with the acronyms of the long names it spells out. */
export function queryTerms(query: string, analyzer: Analyzer, aliases: readonly AliasEntry[]): string[] {
  const terms = analyzer.queryTerms(query);
  const present = new Set(terms);
  const added = aliases
    .filter((a) => !present.has(a.acronym) && a.words.every((alternatives) => alternatives.some((t) => present.has(t))))
    .map((a) => a.acronym);
  return added.length > 0 ? [...terms, ...new Set(added)] : terms;
}

function allTerms(analyzer: Analyzer, text: string): string[] {
  const t = analyzer.fieldTerms(text);
  return [...t.text, ...t.phon, ...t.concept];
}

/** Aliases per document: "Long Name (ACR)" pairs found in its text (the chunks overlap; duplicates merge). */
function documentAliases(chunks: readonly StoredChunk[], analyzer: Analyzer): Map<string, Alias[]> {
  // The institutions are the article's, the same on each of its chunks: read once per article.
  const texts = new Map<string, string[]>();
  for (const chunk of chunks) {
    const parts = texts.get(chunk.docId);
    if (parts) parts.push(chunk.text);
    else texts.set(chunk.docId, [chunk.text, ...chunk.institutions]);
  }
  const result = new Map<string, Alias[]>();
  for (const [docId, parts] of texts) {
    const seen = new Map<string, Alias>();
    for (const part of parts)
      for (const alias of findAliases(part, analyzer)) seen.set(`${alias.acronym}\u0000${alias.expansion}`, alias);
    result.set(docId, [...seen.values()]);
  }
  return result;
}

/** Corpus-wide long-name → acronym entries, for expanding queries that spell a name out. */
function aliasEntries(aliases: Alias[], analyzer: Analyzer): AliasEntry[] {
  const entries = new Map<string, AliasEntry>();
  for (const alias of aliases) {
    const words = analyzer
      .words(alias.expansion)
      .filter((w) => !w.stopword && !w.joined)
      .map((w) => [...w.terms, ...w.keys, ...w.concepts])
      .filter((alternatives) => alternatives.length > 0);
    if (words.length < 2) continue;
    const entry = { acronym: alias.acronym.toLowerCase(), words };
    entries.set(`${entry.acronym}\u0000${JSON.stringify(words)}`, entry);
  }
  return [...entries.values()];
}
