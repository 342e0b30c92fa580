// The parties of an article: its front-matter institutions where it lists them, otherwise the institution
// names of its text that the article reports as collaborating. Names that denote one institution (a long
// name and its acronym, two scripts) become one party.
import type { Article } from '../types.ts';
import { conceptsOf } from '../../text/concepts.ts';
import { scriptOf } from '../../text/script.ts';
import { isStopword } from '../../text/stopwords.ts';
import { createAnalyzer } from '../../text/analyze.ts';
import { findAliases } from '../../text/aliases.ts';
import { foldText } from '../../text/fold.ts';
import { compilePhrases, findPhrases, type TextWord } from './phrases.ts';
import { acronymLeads, aligns, HEAD_CONCEPTS, nameTokens, prepareName, sameParty } from './names.ts';
import { passageEvidence, type Passage } from './sentences.ts';
import type { Evidence, RecordParty } from './types.ts';

/** Further institution words the lexicon does not hold (general vocabulary, four languages). */
const EXTRA_HEADS = compilePhrases(
  'foundation* | academy | academies | society | trust | agency | laborator* | ministry | corporation | organisation* | organization* | ' +
    'फाउंडेशन | फ़ाउंडेशन | अकादमी | सोसाइटी | प्रयोगशाला | मंत्रालय | ন্যাস | ফাউন্ডেশন* | অ্যাকাডেমি* | সোসাইটি* | মন্ত্রক* | ' +
    'фонд* | академи* | обществ* | лаборатор* | министерств* | агентств*',
);
/** Words that end a name because a person's role or title starts (…HKUST President Prof. …). */
const ROLE_WORDS = new Set(
  [
    'president',
    'director',
    'executive',
    'secretary',
    'provost',
    'dean',
    'registrar',
    'rector',
    'chairman',
    'chairperson',
    'chancellor',
    'vice-chancellor',
    'chief',
    'head',
    'officer',
    'minister',
    'founder',
    'ceo',
    'professor',
    'prof',
    'dr',
    'mr',
    'ms',
    'mrs',
    'निदेशक',
    'कुलपति',
    'अध्यक्ष',
    'प्रो',
    'डॉ',
    'ডিরেক্টর',
    'অধিকর্তা',
    'উপাচার্য',
    'অধ্যাপক',
    'ректор',
    'директор',
    'президент',
    'профессор',
    'академик',
    'сопредседатель',
    'председатель',
  ].map(foldText),
);
/** Words that join the parts of a Latin-script name. */
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'de', '&', 'in', 'on']);
/** Words a Bengali writer attaches to a name as case endings after a hyphen (আইআইটি-তে, কাউন্সিল-এর). */
const CASE_WORDS = new Set(['এর', 'র', 'তে', 'কে', 'ের', 'দের', 'এ'].map(foldText));
/** Bengali and Hindi endings that mark an inflected common word (পড়ুয়াদের, संस्थानों): a name does not reach back past them. */
const INFLECTED_END = /(দের|গুলি|গুলো|ों|ओं)$/u;
/** "of", "for" as transcribed in Devanagari and Bengali names. */
const NATIVE_CONNECTORS = new Set(['ऑफ', 'फॉर', 'অফ', 'ফর'].map(foldText));
/** Words that introduce a description rather than a name ("एक प्रमुख … संस्थान" = a leading institute). */
const DESCRIPTIVE = compilePhrases(
  'a | an | one | two | both | leading | major | premier | prominent | renowned | top | new | एक | दो | दोनों | प्रमुख | अग्रणी | प्रतिष्ठित | प्रसिद्ध | नए | नया | नई | ' +
    'একটি | একটা | এক | দুই | উভয় | নতুন | বিশিষ্ট | প্রধান | নামী | один | одна | одного | одной | два | две | оба | обе | нов* | ведущ* | крупн* | известн*',
);
/**
 * Bengali case endings (genitive চীনের, infinitive/locative গড়তে, objective) on a word before an institution
 * word: that word belongs to the phrase around the name, not to the name ("চীনের ঝেজিয়াং বিশ্ববিদ্যালয়").
 */
const BENGALI_CASE_END = /(ের|এর|তে|কে|দের)$/u;
/** A name in Devanagari or Bengali reaches back at most this many words from its head. */
const MAX_INDIC_NAME_WORDS = 6;
/**
 * A name outside the signing sentence and the title must occur this often to be a party; so must a bare
 * acronym anywhere (one-off acronyms are often typos or terms).
 */
const MIN_MENTIONS = 2;

export interface Mention {
  name: string;
  passage: Passage;
  /** Offsets in the passage's source (title or body). */
  start: number;
  end: number;
  acronymOnly: boolean;
}

let analyzerInstance: ReturnType<typeof createAnalyzer> | undefined;
const analyzer = () => (analyzerInstance ??= createAnalyzer({ maxCacheSize: 50_000 }));

function isHead(word: TextWord, words: readonly TextWord[], index: number): boolean {
  if (INFLECTED_END.test(word.folded)) return false;
  if (conceptsOf(word.folded).some((c) => HEAD_CONCEPTS.has(c.id))) return true;
  return findPhrases(words.slice(index, index + 1), EXTRA_HEADS).length > 0;
}

function isAcronymWord(raw: string): boolean {
  const words = analyzer().words(raw);
  const word = words.find((w) => !w.joined);
  return (
    word?.acronym !== undefined &&
    word.acronym.length >= 2 &&
    !word.concepts.includes('#agreement') &&
    !word.concepts.includes('#ai')
  );
}

const isCapitalized = (raw: string) => /^\p{Lu}/u.test(raw);

/** Institution names written in one passage. */
export function mentionsIn(p: Passage): Mention[] {
  const out: Mention[] = [];
  const raw = (w: TextWord) => p.text.slice(w.start, w.end);
  const gap = (a: TextWord, b: TextWord) => p.text.slice(a.end, b.start);
  const add = (from: number, to: number, acronymOnly = false) => {
    const first = p.words[from]!;
    const last = p.words[to]!;
    out.push({
      name: p.text.slice(first.start, last.end),
      passage: p,
      start: p.start + first.start,
      end: p.start + last.end,
      acronymOnly,
    });
  };
  const words = p.words;
  for (let i = 0; i < words.length; i++) {
    const script = scriptOf(raw(words[i]!));
    if (script === 'latin') i = latinName(i);
    else if (script === 'cyrillic' || script === 'devanagari' || script === 'bengali') nativeName(i, script);
  }
  for (const alias of findAliases(p.text, analyzer())) {
    if (!isAcronymWord(alias.acronym) || !nameTokens(alias.expansion).some((t) => t.generic)) continue;
    const written = aliasAsWritten(p.text, alias.expansion);
    if (!written) continue;
    out.push({
      name: written.name,
      passage: p,
      start: p.start + written.start,
      end: p.start + written.end,
      acronymOnly: false,
    });
  }
  return out;

  /** A run of capitalized words and connectors; returns the index to continue after. */
  function latinName(i: number): number {
    if (!isCapitalized(raw(words[i]!))) return i;
    // A capitalized name right after a title or role is a person's (Prof. GUO Yike).
    if (i > 0 && ROLE_WORDS.has(words[i - 1]!.folded) && /^\.? $/.test(gap(words[i - 1]!, words[i]!))) return i;
    let j = i;
    while (j + 1 < words.length) {
      const next = words[j + 1]!;
      const between = gap(words[j]!, next);
      if (!/^[ -]$|^ & $/.test(between)) break;
      const r = raw(next);
      if (scriptOf(r) !== 'latin') break;
      if (!isCapitalized(r) && !CONNECTORS.has(next.folded)) break;
      j++;
    }
    // Names end on a capitalized word, and stop where a role or title begins.
    let end = j;
    for (let k = i; k <= end; k++) {
      if (k > i && ROLE_WORDS.has(words[k]!.folded)) {
        end = k - 1;
        break;
      }
    }
    while (end > i && CONNECTORS.has(words[end]!.folded)) end--;
    let start = i;
    if (ROLE_WORDS.has(words[start]!.folded)) return j;
    // "Secretary of the CPC Committee of The First Affiliated Hospital": what precedes an "of" that has no
    // institution word of its own is a title, not part of the name.
    for (let k = start; k <= end; k++) {
      if (words[k]!.folded !== 'of') continue;
      const before = words.slice(start, k).some((w, n) => isHead(w, words, start + n));
      const after = words.slice(k + 1, end + 1).some((w, n) => isHead(w, words, k + 1 + n));
      if (!before && after) start = k + 1;
    }
    while (start < end && CONNECTORS.has(words[start]!.folded) && words[start]!.folded !== 'the') start++;
    // "AIIMS Bhubaneswar and IIT Bhubaneswar", "Sechenov University and the University of Cape Town": two
    // names joined by "and" when each side is a name on its own (an institution word or an acronym first);
    // "University of Science and Technology" stays one.
    for (let k = start + 1; k < end; k++) {
      if (words[k]!.folded !== 'and' && raw(words[k]!) !== '&') continue;
      const right = words[k + 1]!.folded === 'the' ? k + 2 : k + 1;
      if (right > end) continue;
      const isName = (from: number, to: number) =>
        words.slice(from, to + 1).some((w, n) => isHead(w, words, from + n)) || isAcronymWord(raw(words[from]!));
      if (isName(start, k - 1) && isName(right, end) && isCapitalized(raw(words[right]!))) {
        emitLatin(start, k - 1);
        latinName(right);
        return j;
      }
    }
    emitLatin(start, end);
    return j;
  }

  /** Adds a Latin-script span as a name when it has an institution word, or is an acronym (with its place). */
  function emitLatin(start: number, end: number): void {
    const span = words.slice(start, end + 1);
    const headed = span.some((w, n) => isHead(w, words, start + n));
    const firstRaw = raw(words[start]!);
    const followedByColon = p.text.slice(words[end]!.end).startsWith(':');
    if (headed && !followedByColon) add(start, end);
    else if (isAcronymWord(firstRaw) && !followedByColon) {
      if (end > start && gap(words[start]!, words[start + 1]!) === '-') add(start, start + 1);
      else if (end > start && !span.slice(1).some((w) => ROLE_WORDS.has(w.folded))) add(start, end);
      else if (firstRaw.replace(/[^\p{L}]/gu, '').length >= 3) add(start, start, true);
    }
  }

  /** The word is followed by punctuation, a function word or nothing: "आईआईटी कानपुर ने", "আইআইটি খড়্গপুর।". */
  function endsClause(word: TextWord): boolean {
    const index = words.indexOf(word);
    const after = words[index + 1];
    if (!after) return true;
    return !/^[ -]$/.test(gap(word, after)) || isStopword(after.folded) || CASE_WORDS.has(after.folded);
  }

  /** Names without letter case: the words before an institution word, and spelled acronyms with the word after. */
  function nativeName(i: number, script: 'cyrillic' | 'devanagari' | 'bengali'): void {
    const word = words[i]!;
    const r = raw(word);
    if (isHead(word, words, i)) {
      let start = i;
      while (start > 0 && i - start < MAX_INDIC_NAME_WORDS - 1) {
        const prev = words[start - 1]!;
        const between = gap(prev, words[start]!);
        if (
          !/^[ -]$/.test(between) ||
          isStopword(prev.folded) ||
          ROLE_WORDS.has(prev.folded) ||
          INFLECTED_END.test(prev.folded)
        )
          break;
        if (findPhrases([prev], DESCRIPTIVE).length > 0) break;
        if (script === 'bengali' && BENGALI_CASE_END.test(prev.folded)) break;
        if (
          script === 'cyrillic' &&
          !isCapitalized(raw(prev)) &&
          !/(ск|ий|ая|ой|ого|их|ых|ый|ое|ые|ей)$/u.test(prev.folded)
        )
          break;
        start--;
      }
      let end = i;
      // Transcribed English names go on after the head: ফাউন্ডেশন ফর ইনোভেশন্স ইন হেলথ.
      if (script !== 'cyrillic' && start === i && NATIVE_CONNECTORS.has(words[i + 1]?.folded ?? '')) {
        while (
          end + 1 < words.length &&
          end - i < MAX_INDIC_NAME_WORDS &&
          gap(words[end]!, words[end + 1]!) === ' ' &&
          !isStopword(words[end + 1]!.folded)
        )
          end++;
      }
      // Russian names go on in the genitive: ассоциации медицинских университетов.
      if (
        script === 'cyrillic' &&
        i + 2 < words.length &&
        / $/.test(gap(word, words[i + 1]!)) &&
        isHead(words[i + 2]!, words, i + 2)
      ) {
        if (/(их|ых|ого|ой)$/u.test(words[i + 1]!.folded)) end = i + 2;
      }
      const span = words.slice(start, end + 1);
      const distinctive = span.filter((w) => conceptsOf(w.folded).every((c) => !c.generic) && !isStopword(w.folded));
      const before = words[start - 1];
      const described = before !== undefined && findPhrases([before], DESCRIPTIVE).length > 0;
      const capitalizedOk = script !== 'cyrillic' || span.some((w) => isCapitalized(raw(w)));
      if (distinctive.length > 0 && capitalizedOk && !described && (start < i || end > i)) add(start, end);
      return;
    }
    if ((script === 'devanagari' || script === 'bengali') && isAcronymWord(r)) {
      const next = words[i + 1];
      const nextOk =
        next !== undefined &&
        gap(word, next) === ' ' &&
        !isStopword(next.folded) &&
        !CASE_WORDS.has(next.folded) &&
        !ROLE_WORDS.has(next.folded) &&
        conceptsOf(next.folded).length === 0 &&
        !isAcronymWord(raw(next)) &&
        endsClause(next);
      if (nextOk) add(i, i + 1);
      else add(i, i, true);
    } else if (script === 'cyrillic' && isAcronymWord(r) && r.length >= 3) {
      add(i, i, true);
    }
  }
}

/**
 * Where a `Long Name (ACR)` pair stands in the text (the alias finder joins words with spaces, the text may
 * hyphenate them), with the word that completes it after the parenthesis in scripts without letter case:
 * "ইন্ডিয়ান ইনস্টিটিউট অফ টেকনোলজি (আইআইটি) খড়্গপুর".
 */
function aliasAsWritten(text: string, expansion: string): { name: string; start: number; end: number } | undefined {
  const pattern = expansion
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\-–]+');
  const match = new RegExp(`${pattern}\\s*\\(([^()]+)\\)`, 'u').exec(text);
  if (!match) return undefined;
  let end = match.index + match[0].length;
  const tail = /^ ([\p{L}\p{M}]+)/u.exec(text.slice(end));
  const tailWord = tail?.[1];
  if (
    tailWord &&
    ['devanagari', 'bengali'].includes(scriptOf(tailWord)) &&
    !isStopword(foldText(tailWord)) &&
    conceptsOf(foldText(tailWord)).length === 0
  ) {
    end += tail[0].length;
  }
  return { name: text.slice(match.index, end), start: match.index, end };
}

interface Cluster {
  names: string[];
  mentions: Mention[];
}

function cluster(mentions: readonly Mention[]): Cluster[] {
  // Union-find over the distinct names: "same party" is not transitive by itself (a long name joins its
  // acronym and its short form, which do not match each other).
  const names = [...new Set(mentions.map((m) => m.name))];
  const parent = names.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      if (find(i) === find(j)) continue;
      const a = names[i]!;
      const b = names[j]!;
      if (sameParty(a, b) || acronymLeads(a, b) || acronymLeads(b, a)) parent[find(j)] = find(i);
    }
  }
  const byRoot = new Map<number, Cluster>();
  for (const m of mentions) {
    const root = find(names.indexOf(m.name));
    const c = byRoot.get(root) ?? { names: [], mentions: [] };
    if (!c.names.includes(m.name)) c.names.push(m.name);
    c.mentions.push(m);
    byRoot.set(root, c);
  }
  // A bare acronym that starts a longer name of the same article (IIT beside IIT Kharagpur) is that name.
  return mergeAbsorbed([...byRoot.values()]);
}

/** Mentions of one party that overlap or touch ("Long Name (ACR)" read as the name, the alias and the acronym) count once. */
function distinctMentions(mentions: readonly Mention[]): Mention[] {
  const sorted = [...mentions].sort((a, b) => a.passage.from.localeCompare(b.passage.from) || a.start - b.start);
  const out: Mention[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (last && last.passage.from === m.passage.from && m.start <= last.end + 3) {
      if (m.end > last.end) out[out.length - 1] = { ...last, end: m.end };
      continue;
    }
    out.push(m);
  }
  return out;
}

/**
 * A mention that only starts a longer name of the same article is that name: a bare acronym (IIT beside IIT
 * Kharagpur), the long form of the acronym without the place ("Indian Institute of Technology (IIT)"), or the
 * name without its qualifier ("Huashan Hospital" beside "Huashan Hospital of Fudan University").
 */
function startsName(short: string, long: string): boolean {
  if (long.startsWith(`${short} of `) || long.startsWith(`${short}, `) || long.startsWith(`${short} in `)) return true;
  const longTokens = nameTokens(long);
  return prepareName(short).forms.some((form) => {
    const generic = form.every((t) => t.acronym !== undefined || t.generic || t.concepts.length > 0);
    return generic && form.length < longTokens.length && aligns(form, longTokens.slice(0, form.length));
  });
}

function mergeAbsorbed(clusters: Cluster[]): Cluster[] {
  const result = [...clusters];
  for (const c of clusters) {
    const host = result.find(
      (o) => o !== c && c.names.every((short) => o.names.some((long) => startsName(short, long))),
    );
    if (host) {
      host.mentions.push(...c.mentions);
      result.splice(result.indexOf(c), 1);
    }
  }
  return result;
}

/** The name a party is shown by within its article: Latin script first, the form with its acronym, then the longest. */
export function preferredName(names: readonly string[]): string {
  // A native-script form that only adds a case ending to another (আইআইটি খড়্গপুরের) is not shown.
  const uninflected = names.filter(
    (n) => scriptOf(n) === 'latin' || !names.some((o) => o !== n && n.startsWith(o) && !/\s/.test(n.slice(o.length))),
  );
  const score = (n: string) => (scriptOf(n) === 'latin' ? 1000 : 0) + (/\(.+\)/.test(n) ? 500 : 0) + n.length;
  return [...(uninflected.length > 0 ? uninflected : names)].sort(
    (a, b) => score(b) - score(a) || a.localeCompare(b),
  )[0]!;
}

/** Parties from the text: names in passages about the collaboration, mentioned twice or in the signing or title. */
export function partiesFromText(passages: readonly Passage[]): RecordParty[] {
  const mentions = passages.flatMap(mentionsIn);
  // Where nothing is reported as signed, the parties are those named where the collaboration is described.
  const anySigning = passages.some((p) => p.signing);
  const parties: RecordParty[] = [];
  for (const c of cluster(mentions)) {
    const inKey = c.mentions.filter((m) => m.passage.key || m.passage.from === 'title');
    if (inKey.length === 0) continue;
    const count = distinctMentions(c.mentions).length;
    const salient =
      !anySigning || count >= MIN_MENTIONS || inKey.some((m) => m.passage.signing || m.passage.from === 'title');
    if (!salient) continue;
    if (c.mentions.every((m) => m.acronymOnly) && count < MIN_MENTIONS) continue;
    const names = c.names.filter(
      (n) => !c.mentions.every((m) => m.name !== n || m.acronymOnly) || c.names.length === 1,
    );
    const evidenceMention = inKey.find((m) => m.passage.signing) ?? inKey[0]!;
    parties.push({
      name: preferredName(names),
      aliases: [...new Set(c.names)],
      evidence: passageEvidence(evidenceMention.passage),
    });
  }
  return parties;
}

/** Parties from the front matter's institutions, grouped when entries name one institution; text mentions add evidence. */
export function partiesFromFrontMatter(
  article: Pick<Article, 'institutions'>,
  passages: readonly Passage[],
): RecordParty[] {
  const groups: string[][] = [];
  for (const name of article.institutions) {
    const group = groups.find((g) =>
      g.some((n) => sameParty(n, name) || acronymLeads(name, n) || acronymLeads(n, name)),
    );
    if (group) group.push(name);
    else groups.push([name]);
  }
  const mentions = passages.flatMap(mentionsIn);
  return groups.map((names) => {
    const inText = mentions.find(
      (m) => (m.passage.key || m.passage.from === 'title') && names.some((n) => sameParty(n, m.name)),
    );
    const evidence: Evidence = inText
      ? passageEvidence(inText.passage)
      : { from: 'front-matter', start: 0, end: 0, text: names.join('; ') };
    return { name: preferredName(names), aliases: names, evidence };
  });
}
