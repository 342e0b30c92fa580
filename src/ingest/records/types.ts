// A collaboration record: what one article says about one agreement, each field with the passage it came
// from. Fields the article does not state are absent: nothing is guessed.

/** Where a field's value was read. Offsets are in `article.body` (or in the title for `title`), end exclusive. */
export interface Evidence {
  from: 'front-matter' | 'title' | 'body';
  start: number;
  end: number;
  /** The passage itself (the sentence, or the front-matter value). */
  text: string;
}

export type RecordKind = 'mou' | 'agreement' | 'communique' | 'joint-programme' | 'partnership';

export const RECORD_KINDS: readonly RecordKind[] = ['mou', 'agreement', 'communique', 'joint-programme', 'partnership'];

export interface RecordParty {
  /** The name this article uses for the party (the registry picks one canonical name across articles). */
  name: string;
  /** Every way the article writes it (front-matter entries, long form, acronym, other scripts). */
  aliases: string[];
  evidence: Evidence;
}

export interface RecordPerson {
  name: string;
  /** The role as written next to the name ("Director", "ректор"), when it is. */
  role?: string;
  evidence: Evidence;
}

export interface RecordDate {
  /** YYYY-MM-DD */
  value: string;
  /** `signed`: the text dates the signing; `article`: only the article's own date is known. */
  basis: 'signed' | 'article';
  evidence: Evidence;
}

export interface CollabRecord {
  /** `${docId}#${n}` */
  id: string;
  docId: string;
  /** Path relative to the corpus directory. */
  path: string;
  title: string;
  source: string;
  url?: string;
  language: string;
  /** The article's own date, when known. */
  articleDate?: string;
  parties: RecordParty[];
  kind?: { value: RecordKind; evidence: Evidence };
  date?: RecordDate;
  place?: { value: string; evidence: Evidence };
  /** Topic ids from the vocabulary in topics.ts. */
  areas: { id: string; evidence: Evidence }[];
  people: RecordPerson[];
}
