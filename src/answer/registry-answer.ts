// List questions answered from the collaboration registry: "Which agreements involve IIT Kharagpur?",
// "List all the MoUs", "कैंसर पर कौन-कौन से समझौते हुए?". When the registry can answer — the question asks for
// a list of agreements, every name in it is a party of the registry, and some record matches — the answer
// lists every matching record, each cited with its article. Otherwise undefined: retrieval answers.
import { t, toLanguage, type Language } from '../i18n/index.ts';
import { detectLanguage } from '../ingest/language.ts';
import { HEAD_CONCEPTS, nameTokens } from '../ingest/records/names.ts';
import { TOPIC_PHRASES, topicById } from '../ingest/records/topics.ts';
import type { Evidence } from '../ingest/records/types.ts';
import { compilePhrases, findPhrases, textWords } from '../ingest/records/phrases.ts';
import { isListQuestion } from '../retrieve/intent.ts';
import {
  REGISTRY_WORDS,
  topicsIn,
  type CollaborationFilter,
  type PartyInfo,
  type RegistryEntry,
  type RegistryView,
} from '../retrieve/registry.ts';
import { conceptsOf } from '../text/concepts.ts';
import { isStopword } from '../text/stopwords.ts';
import type { Answer, Citation } from './types.ts';

/** Concepts that make a list question one about agreements (what the registry holds). */
const AGREEMENT_CONCEPTS = new Set(['agreement', 'collaboration', 'sign']);
/** Words that ask for all of something. */
const ALL_WORDS = new Set(
  [
    'all',
    'every',
    'each',
    'list',
    'सभी',
    'सब',
    'सारे',
    'सूची',
    'সব',
    'সমস্ত',
    'সকল',
    'তালিকা',
    'все',
    'всех',
    'список',
    'перечисли',
  ].map((w) => w.normalize('NFC')),
);
const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;

export interface RegistryQuestion {
  /** The date range the question names (its years). */
  filter: CollaborationFilter;
  /** Every party named: a record must involve all of them. */
  parties: PartyInfo[];
  /** Every topic named: a record must have all of them. */
  topics: string[];
  /** Kinds of institution asked for: a record must have another party of one of them. */
  types: string[];
}

/** What a question asks the registry for, or undefined when the registry cannot answer it. */
/** A list question about agreements: the only kind the registry may answer (cheap; needs no registry view). */
export function asksForAgreements(question: string): boolean {
  if (!isListQuestion(question)) return false;
  const concepts = new Set(textWords(question).flatMap((w) => conceptsOf(w.folded).map((c) => c.id)));
  return [...AGREEMENT_CONCEPTS].some((c) => concepts.has(c));
}

export function registryQuestion(question: string, view: RegistryView): RegistryQuestion | undefined {
  if (!asksForAgreements(question)) return undefined;
  const words = textWords(question);
  const parties = view.partiesIn(question);
  const topics = topicsIn(question);
  const years = [...question.matchAll(YEAR)].map((m) => m[1]!).sort();
  // Every word must be accounted for: a word the registry cannot read ("facilities", "veterinary", a name it
  // does not know) means the question asks for more than a list of records.
  if (unexplainedWords(question, parties, view).length > 0) return undefined;
  const asksAll = words.some((w) => ALL_WORDS.has(w.folded)) || findPhrases(words, REGISTRY_WORDS).length > 0;
  if (parties.length === 0 && topics.length === 0 && years.length === 0 && !asksAll) return undefined;
  const filter: CollaborationFilter = {
    ...(years.length > 0 ? { since: years[0]!, until: years[years.length - 1]! } : {}),
  };
  return { filter, parties, topics, types: askedTypes(question, parties, view) };
}

/**
 * Words of a question that ask about records (general verbs of mentioning and involving, four languages):
 * "which agreements involve…", "में किसका उल्लेख है", "কথা বলা হয়েছে", "упоминается".
 */
const QUESTION_WORDS = compilePhrases(
  'involve* | include* | cover* | concern* | mention* | talk* | say* | said | about | made | held | done | happen* | kind* | type* | ' +
    'शामिल | उल्लेख | बात | हुए | हुआ | हुई | बारे | ' +
    'কথা | বলা | উল্লেখ | হয়েছে | করেছে | সম্পর্কে | ' +
    'упомина* | касаю* | заключ* | были | был | была | о | об',
);

/** Question words no part of the registry accounts for (see registryQuestion). */
function unexplainedWords(question: string, parties: readonly PartyInfo[], view: RegistryView): string[] {
  const words = textWords(question);
  const covered = new Set<number>();
  for (const list of [REGISTRY_WORDS, QUESTION_WORDS, ...TOPIC_PHRASES.values()]) {
    for (const hit of findPhrases(words, list))
      for (const w of words) if (w.start >= hit.start && w.end <= hit.end) covered.add(w.start);
  }
  return words
    .filter((w) => {
      if (covered.has(w.start) || isStopword(w.folded) || ALL_WORDS.has(w.folded) || /^\d+$/.test(w.folded))
        return false;
      if (conceptsOf(w.folded).some((c) => c.generic)) return false;
      const [token] = nameTokens(question.slice(w.start, w.end));
      if (!token) return false;
      return !view.namedBy(token, parties);
    })
    .map((w) => question.slice(w.start, w.end));
}

/**
 * The kinds of institution the question asks for ("which hospitals…", "किन अस्पतालों…"): institution words
 * that are not part of a party it names.
 */
function askedTypes(question: string, parties: readonly PartyInfo[], view: RegistryView): string[] {
  const types = new Set<string>();
  for (const token of nameTokens(question)) {
    if (view.namedBy(token, parties)) continue;
    // "Institution"/"संस्था"/"প্রতিষ্ঠান" asks for any party, not for institutes.
    for (const c of token.concepts) if (HEAD_CONCEPTS.has(c.slice(1)) && c !== '#institute') types.add(c.slice(1));
  }
  return [...types];
}

/** The records a registry question selects: all detected parties, all detected topics, the years. */
export function selectRecords(view: RegistryView, query: RegistryQuestion): RegistryEntry[] {
  let records = view.filter(query.filter);
  for (const party of query.parties) {
    const ids = new Set(view.filter({ party: party.name }).map((r) => r.id));
    records = records.filter((r) => ids.has(r.id));
  }
  for (const topic of query.topics) records = records.filter((r) => r.areas.some((a) => a.id === topic));
  if (query.types.length > 0) {
    const named = new Set(query.parties.map((p) => p.name));
    const ofType = (name: string) =>
      nameTokens(name).some((t) => t.concepts.some((c) => query.types.includes(c.slice(1))));
    records = records.filter((r) =>
      r.partyNames.some((n) => !named.has(n) && [n, ...(view.party(n)?.aliases ?? [])].some(ofType)),
    );
  }
  return records;
}

/** The answer from the registry, or undefined when retrieval should answer. */
/**
 * `view` may be a getter: building a registry view costs time in proportion to the corpus, so it is built only
 * for a question the registry may answer.
 */
export function registryAnswer(
  question: string,
  registry: RegistryView | undefined | (() => RegistryView | undefined),
  articleOrder: readonly string[] = [],
): Answer | undefined {
  if (!asksForAgreements(question)) return undefined;
  const view = typeof registry === 'function' ? registry() : registry;
  if (!view) return undefined;
  const query = registryQuestion(question, view);
  if (!query) return undefined;
  const records = orderByArticles(selectRecords(view, query), articleOrder);
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

/**
 * Records ordered by their article's place in `articleOrder` (the articles retrieval ranked for the question,
 * best first): the records of the article that answers best come first. Records of articles it did not rank
 * keep their registry order (by date) after them. Stable: records of one article keep their order.
 */
export function orderByArticles(records: readonly RegistryEntry[], articleOrder: readonly string[]): RegistryEntry[] {
  if (articleOrder.length === 0) return [...records];
  const place = new Map<string, number>();
  for (const docId of articleOrder) if (!place.has(docId)) place.set(docId, place.size);
  const rank = (r: RegistryEntry) => place.get(r.docId) ?? place.size;
  return records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map((x) => x.r);
}

/** One record in one line: date, kind, parties, place, areas. */
export function recordLine(r: RegistryEntry, language: Language): string {
  const kind = t(language, r.kind ? (`registry:kind.${r.kind.value}` as const) : 'registry:kind.unknown');
  const date = !r.date
    ? t(language, 'registry:dateUnknown')
    : r.date.basis === 'signed'
      ? r.date.value
      : t(language, 'registry:dateArticle', { date: r.date.value });
  const areas = r.areas.map((a) => topicById(a.id)?.label[language] ?? a.id);
  const place = r.place ? ` (${r.place.value})` : '';
  return `${date} — ${kind}: ${r.partyNames.join(' · ')}${place}${areas.length > 0 ? ` — ${areas.join(', ')}` : ''}`;
}

/** A record's citation: its article, with the passage that names the agreement (or its first party). */
function citationOf(r: RegistryEntry, n: number): Citation {
  const evidence: Evidence | undefined = [r.kind?.evidence, ...r.parties.map((p) => p.evidence)].find(
    (e) => e && e.from !== 'front-matter',
  );
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
