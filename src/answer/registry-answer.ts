// List questions answered from the collaboration registry: "Which agreements involve IIT Kharagpur?",
// "List all the MoUs", "कैंसर पर कौन-कौन से समझौते हुए?". When the registry can answer — the question asks for
// a list of agreements, every name in it is a party of the registry, and some record matches — the answer
// lists every matching record, each cited with its article. Otherwise undefined: retrieval answers.
import { t, toLanguage, type Language } from '../i18n/index.ts';
import { detectLanguage } from '../ingest/language.ts';
import { nameTokens, tokensMatch } from '../ingest/records/names.ts';
import { topicById } from '../ingest/records/topics.ts';
import type { Evidence } from '../ingest/records/types.ts';
import { textWords, findPhrases } from '../ingest/records/phrases.ts';
import { isListQuestion } from '../retrieve/intent.ts';
import { REGISTRY_WORDS, topicsIn, type CollaborationFilter, type PartyInfo, type RegistryEntry, type RegistryView } from '../retrieve/registry.ts';
import { conceptsOf } from '../text/concepts.ts';
import { scriptOf } from '../text/script.ts';
import { isStopword } from '../text/stopwords.ts';
import type { Answer, Citation } from './types.ts';

/** Concepts that make a list question one about agreements (what the registry holds). */
const AGREEMENT_CONCEPTS = new Set(['agreement', 'collaboration', 'sign']);
/** Words that ask for all of something. */
const ALL_WORDS = new Set(['all', 'every', 'each', 'list', 'सभी', 'सब', 'सारे', 'सूची', 'সব', 'সমস্ত', 'সকল', 'তালিকা', 'все', 'всех', 'список', 'перечисли'].map((w) => w.normalize('NFC')));
const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;

export interface RegistryQuestion {
  /** The date range the question names (its years). */
  filter: CollaborationFilter;
  /** Every party named: a record must involve all of them. */
  parties: PartyInfo[];
  /** Every topic named: a record must have all of them. */
  topics: string[];
}

/** What a question asks the registry for, or undefined when the registry cannot answer it. */
export function registryQuestion(question: string, view: RegistryView): RegistryQuestion | undefined {
  if (!isListQuestion(question)) return undefined;
  const words = textWords(question);
  const concepts = new Set(words.flatMap((w) => conceptsOf(w.folded).map((c) => c.id)));
  if (![...AGREEMENT_CONCEPTS].some((c) => concepts.has(c))) return undefined;
  const parties = view.partiesIn(question);
  const topics = topicsIn(question);
  const years = [...question.matchAll(YEAR)].map((m) => m[1]!).sort();
  if (unmatchedNames(question, parties).length > 0) return undefined;
  const asksAll = words.some((w) => ALL_WORDS.has(w.folded)) || findPhrases(words, REGISTRY_WORDS).length > 0;
  if (parties.length === 0 && topics.length === 0 && years.length === 0 && !(asksAll && onlyGeneralWords(question))) return undefined;
  const filter: CollaborationFilter = {
    ...(years.length > 0 ? { since: years[0]!, until: years[years.length - 1]! } : {}),
  };
  return { filter, parties, topics };
}

/**
 * Names in the question that are no party of the registry: acronyms, and capitalized words after the
 * first in scripts with letter case. A question about an institution the registry does not know is left to
 * retrieval (which says "not found" when the corpus has nothing).
 */
function unmatchedNames(question: string, parties: readonly PartyInfo[]): string[] {
  const partyTokens = parties.flatMap((p) => [p.name, ...p.aliases]).flatMap(nameTokens);
  const tokens = nameTokens(question);
  const rawWords = question.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const first = rawWords[0];
  return tokens
    .filter((tok) => {
      const script = scriptOf(tok.raw);
      const capitalized = (script === 'latin' || script === 'cyrillic') && /^\p{Lu}/u.test(tok.raw) && tok.raw !== first;
      const nameLike = tok.acronym !== undefined || capitalized;
      if (!nameLike || tok.concepts.length > 0 || isStopword(tok.raw.toLowerCase())) return false;
      return !partyTokens.some((p) => tokensMatch(tok, p));
    })
    .map((tok) => tok.raw);
}

/** True when every content word of the question is general (agreement, list, corpus…), so it asks for everything. */
function onlyGeneralWords(question: string): boolean {
  const words = textWords(question);
  const general = new Set(findPhrases(words, REGISTRY_WORDS).map((h) => h.start));
  return words.every(
    (w) => isStopword(w.folded) || ALL_WORDS.has(w.folded) || general.has(w.start) || conceptsOf(w.folded).some((c) => c.generic) || /^\d+$/.test(w.folded),
  );
}

/** The records a registry question selects: all detected parties, all detected topics, the years. */
export function selectRecords(view: RegistryView, query: RegistryQuestion): RegistryEntry[] {
  let records = view.filter(query.filter);
  for (const party of query.parties) {
    const ids = new Set(view.filter({ party: party.name }).map((r) => r.id));
    records = records.filter((r) => ids.has(r.id));
  }
  for (const topic of query.topics) records = records.filter((r) => r.areas.some((a) => a.id === topic));
  return records;
}

/** The answer from the registry, or undefined when retrieval should answer. */
export function registryAnswer(question: string, view: RegistryView | undefined): Answer | undefined {
  if (!view) return undefined;
  const query = registryQuestion(question, view);
  if (!query) return undefined;
  const records = selectRecords(view, query);
  if (records.length === 0) return undefined;
  const language = toLanguage(detectLanguage(question));
  const citations = records.map((r, i) => citationOf(r, i + 1));
  const lines = records.map((r, i) => `• ${recordLine(r, language)} [${i + 1}]`);
  return {
    question,
    answer: [t(language, 'registry:answerHeader', { count: records.length }), ...lines].join('\n'),
    found: true,
    citations,
    language,
    mode: 'extractive',
  };
}

/** One record in one line: date, kind, parties, place, areas. */
export function recordLine(r: RegistryEntry, language: Language): string {
  const kind = t(language, r.kind ? (`registry:kind.${r.kind.value}` as const) : 'registry:kind.unknown');
  const date = !r.date ? t(language, 'registry:dateUnknown') : r.date.basis === 'signed' ? r.date.value : t(language, 'registry:dateArticle', { date: r.date.value });
  const areas = r.areas.map((a) => topicById(a.id)?.label[language] ?? a.id);
  const place = r.place ? ` (${r.place.value})` : '';
  return `${date} — ${kind}: ${r.partyNames.join(' · ')}${place}${areas.length > 0 ? ` — ${areas.join(', ')}` : ''}`;
}

/** A record's citation: its article, with the passage that names the agreement (or its first party). */
function citationOf(r: RegistryEntry, n: number): Citation {
  const evidence: Evidence | undefined = [r.kind?.evidence, ...r.parties.map((p) => p.evidence)].find((e) => e && e.from !== 'front-matter');
  return {
    n,
    docId: r.docId,
    path: r.path,
    title: r.title,
    source: r.source,
    ...(r.articleDate ? { date: r.articleDate } : {}),
    ...(r.url ? { url: r.url } : {}),
    language: r.language,
    text: evidence?.text ?? r.title,
    score: 1,
  };
}
