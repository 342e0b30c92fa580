// The offline answer. Its first line answers the question: the typed span asked for (a date for "when", a
// name for "who", a number for "how many" …) written for the asker, with its [n]; then the evidence, quoted
// in the article's language, each sentence with its [n], after a line naming the article's language when
// it is not the asker's. Every fact shown is a quote or a rewriting of a quoted span.
//
// The steps: analyse the question → gather candidate sentences → find spans of the asked-for kind →
// score → select → render. Weights: ANSWER_WEIGHTS in src/config.ts.
import { ANSWER_WEIGHTS } from '../config.ts';
import type { Retrieval, Passage } from '../retrieve/types.ts';
import { t, toLanguage, type Language } from '../i18n/index.ts';
import { detectLanguage } from '../ingest/language.ts';
import type { Answer, Citation } from './types.ts';
import { splitSentences } from '../ingest/sentences.ts';
import { createAnalyzer, type Analyzer, type Word } from '../text/analyze.ts';
import { isListQuestion } from '../retrieve/intent.ts';
import { documentRef } from '../types.ts';
import { analyseQuestion, HOW_MANY, type QuestionAnalysis } from '../text/question.ts';
import { foldText } from '../text/fold.ts';
import { findSpans, type Span } from '../text/spans/index.ts';
import { INSTITUTION_CONCEPTS } from '../text/concepts.ts';
import { institutionKinds } from '../text/spans/organisations.ts';
import { isTitle } from '../text/spans/titles.ts';
import { isNamed } from '../retrieve/evidence.ts';
import { articleNote, nearMissLine, partiesOf, renderSpan } from './render.ts';
import { findNearMiss } from './near-miss.ts';
import { areaLabel, findAreas, type AreaMention } from './areas.ts';

/** The English not-found text (front ends render `t(answer.language, 'answer:notFound')`). */
export const NOT_FOUND_TEXT = t('en', 'answer:notFound');

export interface ExtractiveOptions {
  /** Most evidence sentences in the answer. */
  maxSentences: number;
  /** Most sentences quoted from one passage, so a list question shows several articles. */
  maxPerPassage: number;
  /** Soft limit on the evidence length in characters. */
  maxChars: number;
  /** Most spans on the first line. */
  maxSpans: number;
  /** Most areas on the first line of a "what" answer. */
  maxAreas: number;
}

const DEFAULTS: ExtractiveOptions = { maxSentences: 4, maxPerPassage: 2, maxChars: 900, maxSpans: 4, maxAreas: 8 };

/** One sentence of a retrieved passage, as a candidate for the answer. */
export interface Candidate {
  passageIndex: number;
  order: number;
  text: string;
  /** Weighted count of question terms in the sentence. */
  overlap: number;
  /** Spans of the asked-for kind, best first, each with its context score. */
  spans: ScoredSpan[];
  /** Word overlap and priors only: which article answers best, before spans are counted. */
  base: number;
  score: number;
}

interface ScoredSpan {
  span: Span;
  /** Question terms in the span's surroundings (title, words before and after). */
  context: number;
  /** A person span whose title is the role the question asks about ("the director" → "ডিরেক্টর সুমন …"). */
  role?: true;
}

/** The language the asker reads: the question's (English when it is none of the four). */
export function askerLanguage(question: string): Language {
  return toLanguage(detectLanguage(question));
}

/** The question's analysis, with the asker's language and whether it asks for a list. */
export function analyse(question: string): QuestionAnalysis {
  return analyseQuestion(question, askerLanguage(question), isListQuestion(question));
}

/** "Not found" in the asker's language; `nearest` adds the line naming the closest collaboration the corpus has. */
export function notFoundAnswer(
  question: string,
  nearest?: Passage['chunk'],
  language = askerLanguage(question),
): Answer {
  const lines = [t(language, 'answer:notFound')];
  if (nearest) lines.push(nearMissLine(nearest, language));
  return { question, answer: lines.join('\n'), found: false, citations: [], language, mode: 'extractive' };
}

export function citationFor(passage: Passage, n: number): Citation {
  const { chunk } = passage;
  return {
    n,
    docId: chunk.docId,
    ...documentRef(chunk),
    text: chunk.text,
    score: round(passage.relevance),
  };
}

/** Distinct words the shared answer analyzer remembers (performance only, not fitted). */
const ANSWER_ANALYZER_WORDS = 20_000;
let sharedAnalyzer: Analyzer | undefined;
const answerAnalyzer = () => (sharedAnalyzer ??= createAnalyzer({ maxCacheSize: ANSWER_ANALYZER_WORDS }));

export function extractiveAnswer(
  question: string,
  retrieval: Retrieval,
  options: Partial<ExtractiveOptions> = {},
): Answer {
  const opts = { ...DEFAULTS, ...options };
  const analysis = analyse(question);
  if (!retrieval.found || retrieval.passages.length === 0)
    return notFoundAnswer(question, retrieval.nearest, analysis.language);
  // One analyzer for all answers: the question and every sentence share its memo of analysed words (a pure
  // function of the word), and the same analysis as the lexical index lets an English question meet a
  // Bengali sentence (আইআইটি = iit).
  const analyzer = answerAnalyzer();
  const nearMiss = findNearMiss(analysis, retrieval.passages, analyzer);
  if (nearMiss) return notFoundAnswer(question, nearMiss, analysis.language);

  const candidates = gatherCandidates(retrieval.passages);
  findAnswerSpans(candidates, analysis, retrieval.passages, analyzer);
  scoreCandidates(candidates, analysis, retrieval.passages, analyzer);
  const selection = selectSentences(candidates, analysis, retrieval.passages, opts);
  return renderAnswer(question, analysis, selection, retrieval.passages, opts);
}

/** Step 1: every sentence of every passage that states something (datelines and headings say nothing alone). */
export function gatherCandidates(passages: readonly Passage[]): Candidate[] {
  const candidates: Candidate[] = [];
  passages.forEach((passage, passageIndex) => {
    quotedStatements(splitSentences(passage.chunk.text).map((s) => s.text.trim())).forEach((text, order) => {
      if (isStatement(text)) candidates.push({ passageIndex, order, text, overlap: 0, spans: [], base: 0, score: 0 });
    });
  });
  return candidates;
}

/** Most sentences one quotation is joined from. */
const MAX_QUOTED_SENTENCES = 3;

/**
 * Sentences with a quotation split across them joined again: a speaker's words are one statement
 * ("The director said, “We want … . Our main aim is ….”"), quoted and scored whole.
 */
export function quotedStatements(sentences: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i++) {
    let text = sentences[i]!;
    let joined = 1;
    while (openQuotes(text) > 0 && joined < MAX_QUOTED_SENTENCES && i + 1 < sentences.length) {
      text = `${text} ${sentences[++i]!}`;
      joined += 1;
    }
    out.push(text);
  }
  return out;
}

/** Opening typographic quotes (“ « „) not yet closed in `text`. */
function openQuotes(text: string): number {
  const opened = (text.match(/[“«„]/gu) ?? []).length;
  const closed = (text.match(/[”»]/gu) ?? []).length;
  return opened - closed;
}

/** Step 2: the spans of the asked-for kind in each sentence, ranked by how well their surroundings match the question. */
export function findAnswerSpans(
  candidates: Candidate[],
  analysis: QuestionAnalysis,
  passages: readonly Passage[],
  analyzer: Analyzer,
): void {
  const kinds = spanKindsFor(analysis);
  if (kinds.length === 0) return;
  const focus = questionFocus(analysis.question, analyzer);
  const sided = analysis.wants === 'person' && SIDE.test(analysis.question);
  // "Who signed for the Chinese side?": the words of the act (signed, side, the MoU) describe every signatory
  // alike; the words naming the side tell them apart, so they count SIDE_NAME times. The side opens the clause
  // ("С российской стороны документ подписал … ректор …, академик РАН Петр …"): all of it up to the previous
  // signatory describes him.
  const question = sided
    ? {
        ...focus,
        words: focus.words.map((word) =>
          word.weight === NAMED_TERM ? { ...word, weight: word.weight * SIDE_NAME } : word,
        ),
      }
    : focus;
  for (const c of candidates) {
    const { chunk } = passages[c.passageIndex]!;
    const context = {
      ...(chunk.date ? { articleDate: chunk.date } : {}),
      institutions: chunk.institutions,
      articleStart: chunk.index === 0 && c.order === 0,
    };
    const spans = kinds
      .flatMap(({ kind, confidence }) =>
        findSpans(kind, c.text, context).map((span) => ({ ...span, confidence: (span.confidence ?? 1) * confidence })),
      )
      .filter((span) => !namedInQuestion(span, question.terms, analyzer, analysis.head))
      // "Who …": an organisation answers only where the sentence names no person.
      .filter(
        (span, _i, all) =>
          analysis.wants !== 'person' || span.kind === 'person' || !all.some((o) => o.kind === 'person'),
      )
      .filter((span) => analysis.wants !== 'text' || nextToHead(c.text, span, analysis.head, analyzer))
      .sort((a, b) => a.start - b.start);
    // A span's surroundings end at the previous span of its kind ("X, director …, and Y, director …").
    const arounds = spans.map((span, i) =>
      surroundings(
        c.text,
        span,
        spans
          .slice(0, i)
          .reverse()
          .find((p) => p.kind === span.kind),
        spans.slice(i + 1).find((n) => n.kind === span.kind),
        sided ? Infinity : CONTEXT_WORDS,
      ),
    );
    // A question word found around every span of the sentence tells them apart no better than nothing.
    const aroundTerms = arounds.map((a) => termsOf(a, analyzer));
    const near = (word: FocusWord, terms: ReadonlySet<string>) => word.terms.some((term) => terms.has(term));
    const everywhere = new Set(
      question.words.filter((word) => aroundTerms.length > 1 && aroundTerms.every((terms) => near(word, terms))),
    );
    c.spans = spans
      .map((span, i) => {
        const terms = aroundTerms[i]!;
        let score = 0;
        // Each word of the question counts once, whichever of its spellings (term, phonetic key, concept) is found.
        for (const word of question.words) if (near(word, terms) && !everywhere.has(word)) score += word.weight;
        // "director of the cancer institute": the owner of the asked-for role, next to the span.
        if (question.roleOwner.some((term) => terms.has(term))) score += ROLE_OWNER_BONUS;
        // "How many joint projects …": a number followed by what the question counts.
        if (span.kind === 'number')
          score += COUNTED_TERM * countedMatches(c.text, span, spans, question.counted, analyzer);
        // "which hospitals": an organisation of the asked-for kind first.
        if (span.kind === 'organisation' && institutionKinds(span.text).some((k) => analysis.head.includes(k)))
          score += KIND_BONUS;
        const role = span.kind === 'person' && question.role.length > 0 && hasRole(span, question.role, analyzer);
        return { span, context: score, ...(role ? { role: true as const } : {}) };
      })
      .filter((s) => s.span.kind !== 'organisation' || kindFits(s.span, analysis.head))
      .sort((a, b) => rank(b) - rank(a) || a.span.start - b.span.start);
  }
}

/** Whether a person's title (or the words right before the name) holds one of the question's role concepts. */
function hasRole(span: Span, role: readonly string[], analyzer: Analyzer): boolean {
  const words = analyzer.words(`${span.title ?? ''} ${span.before.split(/\s+/).slice(-ROLE_WORDS).join(' ')}`);
  return words.some((w) => w.concepts.some((c) => role.includes(c)));
}

/** Words right before a name that may still be its title ("আইআইটি খড়্গপুরের ডিরেক্টর সুমন"). */
const ROLE_WORDS = 3;

/** A span's rank among the sentence's spans: its context points, discounted by how sure its kind is. */
function rank(s: ScoredSpan): number {
  const confidence = s.span.confidence ?? 1;
  return confidence * (1 + s.context);
}

/** Institution kinds the question does not ask for rule an organisation out ("which hospitals" → no universities). */
function kindFits(span: Span, head: readonly string[]): boolean {
  // "Which organisation" (any kind) accepts every organisation, even when a word of it also names a kind.
  const asked = head.filter((h) => h !== 'organisation' && INSTITUTION_CONCEPTS.has(h));
  if (asked.length === 0 || head.includes('organisation')) return true;
  return institutionKinds(span.text).some((k) => asked.includes(k));
}

// Context points (see ANSWER_WEIGHTS): a named word of the question counts more than a generic one.
const {
  namedTerm: NAMED_TERM,
  genericTerm: GENERIC_TERM,
  unknownTerm: UNKNOWN_TERM,
  roleOwner: ROLE_OWNER_BONUS,
  kind: KIND_BONUS,
  counted: COUNTED_TERM,
} = ANSWER_WEIGHTS.context;
const { sideName: SIDE_NAME } = ANSWER_WEIGHTS;
const { minWords: DESCRIBED_MIN_WORDS, share: DESCRIBED_SHARE } = ANSWER_WEIGHTS.describedByQuestion;
/** Words after a number that may say what it counts ("более 200 крупных совместных … проектов"). */
const COUNTED_WINDOW_WORDS = 7;
/** Most words of the question taken for what it counts ("how many large joint research projects"). */
const COUNTED_PHRASE_WORDS = 4;
/** Words before a span that still describe it ("the hospital's Executive Director Dr"). */
const CONTEXT_WORDS = 10;
const ORGANISATION_BEFORE_WORDS = 4;
const ORGANISATION_AFTER_WORDS = 5;
/** What ends the words after a span: punctuation or a conjunction that starts the next item. */
const CLAUSE_END = /[,;:()]|\s(?:and|or|और|एवं|तथा|या|и|а|или|ও|এবং|আর|বা)\s/u;

/** The span kinds that answer the question, each with how much a span of it is trusted to be the answer. */
function spanKindsFor(
  analysis: QuestionAnalysis,
): { kind: Exclude<QuestionAnalysis['wants'], 'text'>; confidence: number }[] {
  if (analysis.wants === 'person')
    return [
      { kind: 'person', confidence: 1 },
      { kind: 'organisation', confidence: 0.3 },
    ];
  // "Which national initiative": a quoted or capitalized name next to the asked-for noun.
  if (analysis.wants === 'text')
    return analysis.type === 'which' && analysis.head.length > 0 ? [{ kind: 'organisation', confidence: 0.8 }] : [];
  return [{ kind: analysis.wants, confidence: 1 }];
}

/**
 * The words that describe a span: a few before it and after it, never past the neighbouring spans of its
 * kind ("X, director of A, and Y, director of B"); for a number, what it counts (the words after it).
 */
function surroundings(
  sentence: string,
  span: Span,
  previous: Span | undefined,
  next: Span | undefined,
  beforeWords = CONTEXT_WORDS,
): string {
  const before = sentence
    .slice(previous ? previous.end : 0, span.start)
    .split(/\s+/)
    .filter(Boolean)
    .slice(-beforeWords)
    .join(' ');
  const after = sentence
    .slice(span.end, next ? next.start : undefined)
    .split(CLAUSE_END)[0]!
    .slice(0, 80);
  if (span.kind === 'number') return after;
  // An organisation is described on both sides ("ректор Казанского университета, академик … Иван Петров").
  if (span.kind === 'organisation') {
    const wide = sentence
      .slice(span.end, next ? next.start : undefined)
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, ORGANISATION_AFTER_WORDS)
      .join(' ');
    return `${before.split(/\s+/).slice(-ORGANISATION_BEFORE_WORDS).join(' ')} ${wide}`;
  }
  return `${span.title ?? ''} ${before} ${after.split(/\s+/).slice(0, 4).join(' ')}`;
}

function nextToHead(sentence: string, span: Span, head: readonly string[], analyzer: Analyzer): boolean {
  const near = `${sentence.slice(Math.max(0, span.start - 30), span.start)} ${sentence.slice(span.end, span.end + 30)}`;
  return analyzer.words(near).some((w) => w.concepts.some((c) => head.includes(c.replace(/^#/, ''))));
}

/** A content word of the question: its spellings (terms, phonetic keys, concepts) and its context weight. */
interface FocusWord {
  terms: string[];
  weight: number;
}

interface QuestionFocus {
  terms: Set<string>;
  words: FocusWord[];
  /** Terms of the name a role word of the question belongs to ("director of NIMS" → NIMS). */
  roleOwner: string[];
  /** Concepts of the question's role words ("director" → #director); honorifics (Prof., Dr) have none. */
  role: string[];
  /** What a how-many question counts: per word of it, that word's terms ("how many trainees" → trainee). */
  counted: Set<string>[];
}

function questionFocus(question: string, analyzer: Analyzer): QuestionFocus {
  const words = analyzer.words(question).filter((w) => !w.stopword);
  const terms = new Set<string>();
  const focus: FocusWord[] = [];
  for (const w of words) {
    // Chat-style names are lower case ("ksssci"): a word the lexicon does not know counts between the two.
    const weight = isNamed(w) ? NAMED_TERM : w.generic || w.concepts.length > 0 ? GENERIC_TERM : UNKNOWN_TERM;
    const spellings = [...w.terms, ...w.keys, ...w.concepts];
    for (const term of spellings) terms.add(term);
    if (spellings.length > 0) focus.push({ terms: spellings, weight });
  }
  const roleAt = words.findIndex((w) => isTitle(w.raw));
  const owner =
    roleAt < 0 ? undefined : [words[roleAt + 1], words[roleAt - 1]].find((w) => w && !w.generic && !isTitle(w.raw));
  return {
    terms,
    words: focus,
    roleOwner: owner ? [...owner.terms, ...owner.keys] : [],
    role: [...new Set(words.filter((w) => isTitle(w.raw)).flatMap((w) => w.concepts))],
    counted: countedPhrase(question, analyzer),
  };
}

/**
 * The words a how-many question counts: the content words right after "how many" / "कितने" / "কত" /
 * "сколько", up to the first function word or name after them ("how many people will …" → people;
 * "कितनी बड़ी संयुक्त शोध परियोजनाएँ चलाता है" → the four words before है). None for other questions.
 */
export function countedPhrase(question: string, analyzer: Analyzer): Set<string>[] {
  const folded = foldText(question);
  const match = HOW_MANY.exec(folded);
  if (!match) return [];
  const words = analyzer.words(folded.slice(match.index + match[0].length));
  const phrase: Set<string>[] = [];
  for (const w of words) {
    const stop = w.stopword || isNamed(w) || w.terms.length === 0;
    if (stop) {
      if (phrase.length > 0) break;
      continue;
    }
    phrase.push(new Set([...w.terms, ...w.keys, ...w.concepts]));
    if (phrase.length === COUNTED_PHRASE_WORDS) break;
  }
  return phrase;
}

/** How many words of what the question counts follow the number, before the next span or clause mark. */
function countedMatches(
  sentence: string,
  span: Span,
  spans: readonly Span[],
  counted: readonly Set<string>[],
  analyzer: Analyzer,
): number {
  if (counted.length === 0) return 0;
  const next = spans.find((s) => s.start >= span.end);
  const window = sentence
    .slice(span.end, next ? next.start : undefined)
    .split(/[,;:()]/u)[0]!
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, COUNTED_WINDOW_WORDS)
    .join(' ');
  const terms = termsOf(window, analyzer);
  return counted.filter((word) => [...word].some((term) => terms.has(term))).length;
}

function termsOf(text: string, analyzer: Analyzer): Set<string> {
  return new Set(analyzer.words(text).flatMap((w) => (w.stopword ? [] : [...w.terms, ...w.keys, ...w.concepts])));
}

/** Step 3: question terms (rarer ones count more), the priors, and the asked-for span. */
export function scoreCandidates(
  candidates: Candidate[],
  analysis: QuestionAnalysis,
  passages: readonly Passage[],
  analyzer: Analyzer,
): void {
  const w = ANSWER_WEIGHTS;
  const { question } = analysis;
  const questionTerms = new Set(analyzer.terms(question).filter((term) => term.length > 1));
  // The parties' names pick the article (retrieval did that); within it they tell sentences apart less than
  // the words of what is asked ("what kind of courses …" → the sentence about courses, not the one naming both).
  // A list question is the exception: there the names are what is asked about.
  const namedTerms = new Set(analysis.type === 'list' ? [] : partyTerms(question, passages, analyzer));
  const sentenceTerms = candidates.map((c) => new Set(analyzer.terms(c.text)));
  const documentFrequency = new Map<string, number>();
  for (const terms of sentenceTerms)
    for (const term of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const total = candidates.length;
  candidates.forEach((c, i) => {
    let overlap = 0;
    for (const term of questionTerms) {
      if (!sentenceTerms[i]!.has(term)) continue;
      const weight = namedTerms.has(term) ? w.namedOverlap : 1;
      overlap += weight * Math.log(1 + total / (documentFrequency.get(term) ?? 1));
    }
    c.overlap = overlap;
    const passage = passages[c.passageIndex]!;
    // News is written as an inverted pyramid: the lede states who signed what with whom.
    const isLede = passage.chunk.index === 0 && c.order === 0;
    const top = c.spans[0];
    const spanScore = top ? (top.span.confidence ?? 1) * (w.span + w.spanContext * top.context) : 0;
    c.base =
      w.overlap * overlap +
      w.relevance * passage.relevance +
      w.rankPrior / (1 + c.passageIndex) +
      (isLede ? w.lede : 0);
    c.score = c.base + spanScore;
  });
}

/**
 * The question's terms that name a party: names by their look (capitals, acronyms, places), and words that
 * spell a name of a retrieved article's institutions (Hindi and Bengali have no capitals: "আইআইটি খড়্গপুরের").
 */
function partyTerms(question: string, passages: readonly Passage[], analyzer: Analyzer): string[] {
  const institutionKeys = new Set<string>();
  for (const name of new Set(passages.flatMap((p) => p.chunk.institutions)))
    for (const w of analyzer.words(name))
      if (!w.stopword && !w.generic) for (const k of [...w.terms, ...w.keys]) institutionKeys.add(k);
  return analyzer
    .words(question)
    .filter(
      (word) => isNamed(word) || (!word.generic && [...word.terms, ...word.keys].some((k) => institutionKeys.has(k))),
    )
    .flatMap((word) => word.terms);
}

interface Selection {
  /** The sentence whose spans answer the question (undefined: the answer opens with the best sentence). */
  lead?: Candidate;
  /** Without a lead: the sentence that answers first (the best article's best match to the question). */
  opener?: Candidate;
  /** Evidence sentences, in reading order (article by article, best article first). */
  evidence: Candidate[];
}

/** Step 4: the lead sentence and the evidence, greedily with per-passage and length caps. */
export function selectSentences(
  candidates: Candidate[],
  analysis: QuestionAnalysis,
  passages: readonly Passage[],
  opts: ExtractiveOptions,
): Selection {
  const w = ANSWER_WEIGHTS;
  const byScore = [...candidates].sort(
    (a, b) => b.score - a.score || a.passageIndex - b.passageIndex || a.order - b.order,
  );
  // The best article is the one whose best sentence matches the question best (words and priors; a span of
  // the asked-for kind in a weaker article does not promote it). The lead comes from it, so citations stay
  // numbered best article first.
  const byBase = [...candidates].sort(
    (a, b) => b.base - a.base || a.passageIndex - b.passageIndex || a.order - b.order,
  );
  let topDoc = byBase[0] ? passages[byBase[0].passageIndex]!.chunk.docId : undefined;
  const spanIn = (docId: string | undefined) =>
    byScore.find((c) => c.spans.length > 0 && passages[c.passageIndex]!.chunk.docId === docId);
  // An article without the asked-for span yields to one that has it and matches nearly as well.
  if (analysis.type !== 'list' && !spanIn(topDoc)) {
    const rival = byScore.find((c) => c.spans.length > 0 && c.base >= w.spanArticleShare * (byBase[0]?.base ?? 0));
    if (rival) topDoc = passages[rival.passageIndex]!.chunk.docId;
  }
  // "Who is the director …": an article whose span holds no one of that role yields to one whose span does.
  const roleIn = (c: Candidate | undefined) => c?.spans[0]?.role === true;
  const topLead = spanIn(topDoc);
  if (analysis.wants === 'person' && topLead && !roleIn(topLead)) {
    const rival = byScore.find((c) => roleIn(c) && c.base >= w.roleArticleShare * (byBase[0]?.base ?? 0));
    if (rival) topDoc = passages[rival.passageIndex]!.chunk.docId;
  }
  const lead = analysis.type === 'list' ? undefined : spanIn(topDoc);
  const best = byScore[0]?.score ?? 0;
  const picked: Candidate[] = [];
  const perPassage = new Map<number, number>();
  const seen = new Set<string>();
  let chars = 0;
  const take = (c: Candidate): boolean => {
    const key = c.text.toLowerCase();
    if (
      seen.has(key) ||
      (perPassage.get(c.passageIndex) ?? 0) >= opts.maxPerPassage ||
      picked.length >= opts.maxSentences
    )
      return false;
    if (picked.length > 0 && chars + c.text.length > opts.maxChars) return false;
    picked.push(c);
    seen.add(key);
    perPassage.set(c.passageIndex, (perPassage.get(c.passageIndex) ?? 0) + 1);
    chars += c.text.length;
    return true;
  };
  // A sentence earns its place by matching the question about as well as the best one. Sentences sharing
  // nothing with the question only fill in from the best passage (a question in another language may share
  // no word with its answer).
  const relevant = (c: Candidate, share: number) =>
    c.score >= share * best && (c.overlap > 0 || c.passageIndex === 0 || c.spans.length > 0);
  const docOf = (c: Candidate) => passages[c.passageIndex]!.chunk.docId;
  if (lead) take(lead);
  const bestDoc = topDoc;
  // Without a lead span the best article's best sentence opens the answer.
  // A question answered by a sentence ("what kind of courses …") opens with the sentence of that article sharing
  // most of its words; the lede's and the first passage's priors only break ties.
  const inTopDoc = byBase.filter((c) => docOf(c) === topDoc);
  const opener =
    analysis.wants === 'text' ? [...inTopDoc].sort((a, b) => b.overlap - a.overlap || b.base - a.base)[0] : inTopDoc[0];
  const opened = !lead && opener && analysis.type !== 'list' && take(opener) ? opener : undefined;
  if (analysis.type === 'list' || isListType(analysis)) {
    // A list question names every article retrieval chose: first the best sentence of each.
    const seenDocs = new Set<string>(picked.map(docOf));
    for (const c of byScore) {
      if (seenDocs.has(docOf(c)) || !(picked.length === 0 || relevant(c, w.listShare))) continue;
      if (take(c)) seenDocs.add(docOf(c));
    }
  }
  for (const c of byScore) {
    if (!picked.includes(c) && relevant(c, docOf(c) === bestDoc ? w.keepShare : w.otherArticleShare)) take(c);
  }
  // Read article by article (the best article first, then in order of use), each in its own order.
  const docRank = new Map<string, number>();
  if (topDoc) docRank.set(topDoc, 0);
  for (const c of picked) if (!docRank.has(docOf(c))) docRank.set(docOf(c), docRank.size);
  const position = (c: Candidate) => [docRank.get(docOf(c))!, passages[c.passageIndex]!.chunk.index, c.order] as const;
  const evidence = picked.sort((a, b) => {
    const [da, ca, oa] = position(a);
    const [db, cb, ob] = position(b);
    return da - db || ca - cb || oa - ob;
  });
  // The opener answers first; the rest follows in reading order.
  const ordered = opened ? [opened, ...evidence.filter((c) => c !== opened)] : evidence;
  return { ...(lead ? { lead } : {}), ...(opened ? { opener: opened } : {}), evidence: ordered };
}

function isListType(analysis: QuestionAnalysis): boolean {
  return isListQuestion(analysis.question);
}

/** Step 5: the first line, the article-language note, the quoted evidence; citations numbered by first use. */
export function renderAnswer(
  question: string,
  analysis: QuestionAnalysis,
  selection: Selection,
  passages: readonly Passage[],
  opts: ExtractiveOptions,
): Answer {
  const { language } = analysis;
  const numberOf = new Map<number, number>();
  const citations: Citation[] = [];
  const cite = (passageIndex: number): string => {
    let n = numberOf.get(passageIndex);
    if (n === undefined) {
      n = citations.length + 1;
      numberOf.set(passageIndex, n);
      citations.push(citationFor(passages[passageIndex]!, n));
    }
    return `[${n}]`;
  };
  const lines: string[] = [];
  const noted = new Set<string>();
  const noteFor = (passageIndex: number) => {
    const { chunk } = passages[passageIndex]!;
    if (chunk.language === language || noted.has(chunk.docId)) return;
    noted.add(chunk.docId);
    lines.push(articleNote(chunk, language));
  };
  let evidence = selection.evidence;
  if (selection.lead) {
    const { institutions } = passages[selection.lead.passageIndex]!.chunk;
    const chosen = leadSpans(selection.lead, analysis, opts.maxSpans);
    const answer = [...new Set(chosen.map((s) => renderSpan(s, language, institutions)))].join(', ');
    // "Was it signed in Moscow?" / "…in 2019?": the span found says no when it is another place or year.
    const verdict = analysis.type === 'yes-no' ? placeOrYearVerdict(chosen, analysis) : undefined;
    lines.push(
      `${verdict ? t(language, `answer:${verdict}`, { answer }) : answer} ${cite(selection.lead.passageIndex)}`,
    );
  } else if (analysis.type === 'list') {
    // One line per article: its parties, then its best sentence.
    const byDoc = new Map<string, Candidate[]>();
    for (const c of evidence) {
      const docId = passages[c.passageIndex]!.chunk.docId;
      byDoc.set(docId, [...(byDoc.get(docId) ?? []), c]);
    }
    // The first line lists every article found (the answer is the list), then one line per article quotes it.
    const groups = [...byDoc.values()];
    const items = groups.map((group) => {
      const { chunk } = passages[group[0]!.passageIndex]!;
      return chunk.date ? `${partiesOf(chunk, language)} (${chunk.date})` : partiesOf(chunk, language);
    });
    const markers = groups.map((group) => cite(group[0]!.passageIndex));
    lines.push(`${items.join('; ')} ${markers.join(' ')}`);
    for (const group of groups) {
      const first = group[0]!;
      const { chunk } = passages[first.passageIndex]!;
      lines.push(`${partiesOf(chunk, language)}: “${first.text}” ${cite(first.passageIndex)}`);
    }
    evidence = [...byDoc.values()].flatMap((group) => group.slice(1));
    if (evidence.length > 0) lines.push(evidence.map((c) => `“${c.text}” ${cite(c.passageIndex)}`).join(' '));
    return { question, answer: lines.join('\n'), found: true, citations, language, mode: 'extractive' };
  } else if (evidence[0]) {
    const first = evidence[0];
    const { chunk } = passages[first.passageIndex]!;
    const foreign = chunk.language !== language;
    // "Is it only about X?" is answered by the whole article as retrieved, not just the quoted sentences.
    const articleAreas =
      analysis.wants !== 'text'
        ? []
        : analysis.type === 'yes-no' && ONLY.test(analysis.question)
          ? mentionedAreas(chunk.docId, passages)
          : areasOf(evidence, passages);
    const yes = analysis.type === 'yes-no' ? confirms(analysis, articleAreas) : undefined;
    const marker = cite(first.passageIndex);
    if (yes === 'agreement') {
      // "Did X sign an MoU with Y?": the retrieved article is that collaboration (near misses never get here).
      const answer = chunk.date ? `${partiesOf(chunk, language)}, ${chunk.date}` : partiesOf(chunk, language);
      lines.push(`${t(language, 'answer:yes', { answer })} ${marker}`);
    } else if ((foreign || yes === 'more') && articleAreas.length > 0) {
      // An article the asker may not read: the areas its sentences name, in the asker's language, answer first.
      // After a "no", the areas besides the asked ones say what else the article covers.
      const asked = yes === 'more' ? new Set(findAreas(analysis.question).map((a) => a.id)) : new Set<string>();
      const shown = articleAreas.filter((a) => !asked.has(a.id));
      const names = [...new Set(shown.slice(0, opts.maxAreas).map((a) => areaLabel(a, language)))];
      const areas = t(language, 'answer:areas', { areas: names.join(', ') });
      lines.push(
        `${yes ? t(language, yes === 'more' ? 'answer:no' : 'answer:yes', { answer: areas }) : areas} ${marker}`,
      );
    } else {
      // No span to give: the best sentence itself answers first.
      const text = first.text;
      lines.push(
        `${yes ? t(language, yes === 'more' ? 'answer:no' : 'answer:yes', { answer: text }) : text} ${marker}`,
      );
      evidence = evidence.slice(1);
    }
  }
  const quoted: string[] = [];
  let lastDoc: string | undefined;
  for (const c of evidence) {
    const docId = passages[c.passageIndex]!.chunk.docId;
    if (docId !== lastDoc && quoted.length > 0) {
      lines.push(quoted.join(' '));
      quoted.length = 0;
    }
    if (docId !== lastDoc) noteFor(c.passageIndex);
    lastDoc = docId;
    quoted.push(`“${c.text}” ${cite(c.passageIndex)}`);
  }
  if (quoted.length > 0) lines.push(quoted.join(' '));
  if (!selection.lead && evidence.length === 0 && selection.evidence[0]) noteFor(selection.evidence[0].passageIndex);
  return { question, answer: lines.join('\n'), found: true, citations, language, mode: 'extractive' };
}

/**
 * Whether a yes-no question is answered "yes" by the evidence: 'areas' when every area it names ("does it
 * cover vaccine trials?") is named by the article's sentences; 'agreement' when it asks only whether the
 * parties signed (no area, an agreement or signing word); 'more' ("no") when it asks whether it is only about
 * areas the article names with others; undefined when the evidence cannot tell.
 */
function confirms(
  analysis: QuestionAnalysis,
  articleAreas: readonly AreaMention[],
): 'areas' | 'agreement' | 'more' | undefined {
  if (analysis.wants !== 'text') return undefined;
  const asked = findAreas(analysis.question);
  if (asked.length > 0) {
    if (!asked.every((a) => articleAreas.some((b) => b.id === a.id))) return undefined;
    // "Is it only about treatment?": no, when the article names other areas too.
    if (ONLY.test(analysis.question))
      return articleAreas.some((b) => !asked.some((a) => a.id === b.id)) ? 'more' : undefined;
    return 'areas';
  }
  return AGREEMENT_QUESTION.test(analysis.question) && !ONLY.test(analysis.question) ? 'agreement' : undefined;
}

/** A yes-no question about a place or a year: "yes" when the span found is the one asked, else "no". */
function placeOrYearVerdict(spans: readonly Span[], analysis: QuestionAnalysis): 'yes' | 'no' | undefined {
  const span = spans[0];
  if (!span) return undefined;
  if (span.kind === 'date') {
    if (analysis.year === undefined || span.date?.year === undefined) return undefined;
    return span.date.year === analysis.year ? 'yes' : 'no';
  }
  if (span.kind !== 'place') return undefined;
  // Spans the question names were set aside (namedInQuestion): the one left is another place.
  return 'no';
}

/** Words asking whether an agreement was made (sign, MoU, agreement, collaborate) in the four languages. */
const AGREEMENT_QUESTION =
  /\b(sign\w*|mou|memorand\w*|agreement\w*|collaborat\w*|partner\w*)\b|подпис\p{L}*|соглашени\p{L}*|меморандум\p{L}*|हस्ताक्षर|समझौत|एमओयू|স্বাক্ষর|সই|চুক্তি|সমঝোতা|মউ/iu;
/** "Only …?": a yes that the evidence would have to qualify. */
const ONLY = /\b(only|just|solely)\b|только|лишь|सिर्फ|सिर्फ़|केवल|মাত্র|শুধু|কেবল/iu;

/** The areas the article's retrieved passages name, the most often named first (ties: the first named first). */
function mentionedAreas(docId: string, passages: readonly Passage[]): AreaMention[] {
  const counts = new Map<string, { area: AreaMention; count: number; first: number }>();
  let at = 0;
  for (const { chunk } of [...passages]
    .filter((p) => p.chunk.docId === docId)
    .sort((a, b) => a.chunk.index - b.chunk.index))
    for (const sentence of splitSentences(chunk.text))
      for (const area of findAreas(sentence.text)) {
        const seen = counts.get(area.id);
        if (seen) seen.count += 1;
        else counts.set(area.id, { area, count: 1, first: at++ });
      }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first).map((e) => e.area);
}

/** The areas named by the evidence sentences of the first sentence's article, the first sentence's first. */
function areasOf(evidence: readonly Candidate[], passages: readonly Passage[]): AreaMention[] {
  const docId = passages[evidence[0]!.passageIndex]!.chunk.docId;
  const seen = new Set<string>();
  const areas: AreaMention[] = [];
  for (const c of evidence) {
    if (passages[c.passageIndex]!.chunk.docId !== docId) continue;
    for (const area of findAreas(c.text)) {
      if (seen.has(area.id)) continue;
      seen.add(area.id);
      areas.push(area);
    }
  }
  return areas;
}

/**
 * The spans that answer. A question that asks for several ("which hospitals", "who signed") gets every span
 * of the sentence; one that names a role or a side ("the director of X", "for the Chinese side") gets those
 * whose surroundings match it best.
 */
function leadSpans(lead: Candidate, analysis: QuestionAnalysis, max: number): Span[] {
  const top = lead.spans[0]!;
  const several = isListQuestion(analysis.question) || (analysis.wants === 'person' && !asksForOne(analysis));
  const chosen = several
    ? lead.spans.filter(
        (s) =>
          s.span.kind === top.span.kind &&
          (s.span.confidence ?? 1) >= (top.span.confidence ?? 1) * 0.5 &&
          (!kinded(analysis) || institutionKinds(s.span.text).some((k) => analysis.head.includes(k))),
      )
    : lead.spans.filter((s) => s.context === top.context && s.span.kind === top.span.kind).slice(0, 1);
  return chosen
    .slice(0, max)
    .map((s) => s.span)
    .sort((a, b) => a.start - b.start);
}

/** "Which hospitals": only organisations of that kind answer. */
function kinded(analysis: QuestionAnalysis): boolean {
  return !analysis.head.includes('organisation') && analysis.head.some((h) => INSTITUTION_CONCEPTS.has(h));
}

/**
 * "For the Chinese side", "со стороны X", "с китайской стороны", "от X", "चीन की ओर से", "চিনের পক্ষে":
 * the question names one side of the signing. Word edges by Unicode letters (\b is ASCII-only).
 */
const SIDE =
  /(?<![\p{L}\p{M}])(?:side|on behalf of|сторон\p{L}*|от|पक्ष\p{M}*|ओर से|তরফে|পক্ষ\p{L}*|পক্ষে)(?![\p{L}\p{M}])/iu;

/** The question narrows "who" to one: a role word, or a side / nationality that tells the signatories apart. */
function asksForOne(analysis: QuestionAnalysis): boolean {
  return analysis.question.split(/[\s,.?!]+/).some((word) => isTitle(word)) || SIDE.test(analysis.question);
}

/** A span the question itself names ("Which foundation supports IIT Pune?" is not answered by IIT Pune). */
function namedInQuestion(
  span: Span,
  questionTerms: ReadonlySet<string>,
  analyzer: Analyzer,
  head: readonly string[] = [],
): boolean {
  const words = analyzer.words(span.text).filter((w) => !w.stopword && !w.generic);
  if (words.length === 0) return span.kind === 'organisation';
  // Places also by concept: "Russian-Chinese" in the question names России in the article.
  const termsOf = (w: Word) =>
    span.kind === 'place' ? [...w.terms, ...w.keys, ...w.concepts] : [...w.terms, ...w.keys];
  const named = words.filter((w) => termsOf(w).some((term) => questionTerms.has(term))).length;
  // An organisation's long name ("Indian Institute of Technology (IIT) Pune") is named by two of its words.
  return (
    named === words.length ||
    (span.kind === 'organisation' && (named >= 2 || describedByQuestion(span, questionTerms, analyzer, head)))
  );
}

/**
 * An organisation the question describes in its own words ("… setting up its healthcare skills school?" and
 * the school's name ‘School for Skills: Healthcare and Technology’): most of its words, generic ones
 * included, are words or concepts of the question. It is what the question is about, not the answer.
 */
function describedByQuestion(
  span: Span,
  questionTerms: ReadonlySet<string>,
  analyzer: Analyzer,
  head: readonly string[],
): boolean {
  const words = analyzer.words(span.text).filter((w) => !w.stopword);
  // The asked-for kind ("which university" → University) says what the answer is, not which one.
  const isHead = (w: Word) => w.concepts.some((c) => head.includes(c.replace(/^#/, '')));
  const described = words.filter(
    (w) => !isHead(w) && [...w.terms, ...w.keys, ...w.concepts].some((term) => questionTerms.has(term)),
  ).length;
  return described >= DESCRIBED_MIN_WORDS && described >= DESCRIBED_SHARE * words.length;
}

const MIN_STATEMENT_CHARS = 25;

function isStatement(sentence: string): boolean {
  return sentence.length >= MIN_STATEMENT_CHARS && !sentence.endsWith(':') && /\s/.test(sentence);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
