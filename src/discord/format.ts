// Turns answers, source lists and summaries into Discord message payloads (plain JSON, no client needed),
// split so that every message stays within Discord's limits. Pure functions: unit-tested on their own.
// Fixed texts are in the reader's language (`lang`, see language.ts); the answer's own words are in
// `answer.language`. Markdown is built with discord.js's formatters.
import {
  bold,
  ButtonStyle,
  ComponentType,
  embedLength,
  escapeMarkdown,
  hideLinkEmbed,
  hyperlink,
  quote,
} from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from 'discord.js';
import { LANGUAGES, t, type Language } from '../i18n/index.ts';
import type { Answer, Citation, DocumentRef, ReindexSummary, SourceInfo } from '../service/types.ts';
import { encodeCustomId } from './customIds.ts';
import { packBlocks, splitText, truncate } from './split.ts';

/** Discord's documented message limits (characters unless noted). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Sum of all titles, descriptions, field names and values, footers and author names in one message. */
  embedsTotal: 6000,
  embedsPerMessage: 10,
  buttonLabel: 80,
  customId: 100,
} as const;

const COLOR_FOUND = 0x2b8a3e;
const COLOR_NOT_FOUND = 0x868e96;
const COLOR_INFO = 0x1c7ed6;

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** One message's worth of payload. */
export interface MessagePart {
  content?: string;
  embeds: APIEmbed[];
  components?: ButtonRow[];
}

/** Groups embeds into messages of at most 10 embeds and 6,000 characters each, keeping their order. */
export function packEmbeds(embeds: readonly APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (current.length > 0 && (current.length >= LIMITS.embedsPerMessage || size + length > LIMITS.embedsTotal)) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += length;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

/**
 * Article text shown inside formatting (titles in links, bold labels): discord.js escapes the markdown; brackets
 * and angle brackets are escaped too, so a title cannot close a masked link or form a mention.
 */
export function escapeText(text: string): string {
  return escapeMarkdown(text).replace(/[[\]<>]/g, '\\$&');
}

/** An http(s) URL made safe for a markdown link target, or undefined for anything else. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  } catch {
    return undefined;
  }
}

/** An article's title and "source, date", each shortened to `max` characters and escaped for markdown. */
function articleText(ref: DocumentRef, max: number): { title: string; byline: string } {
  return {
    title: escapeText(truncate(ref.title, max)),
    byline: escapeText(truncate(ref.date ? `${ref.source}, ${ref.date}` : ref.source, max)),
  };
}

/** The question as an embed title; the progress reply and the final answer show the same one. */
function questionTitle(question: string, lang: Language): string {
  return truncate(question.replace(/\s+/g, ' ').trim() || t(lang, 'discord:answer.untitled'), LIMITS.embedTitle);
}

/** Characters of a passage shown under its article in the Sources list (Show passages has the whole text). */
const SOURCE_SNIPPET = 90;

/**
 * One block per cited article, naming it once with its passages under it:
 * `[Title](url) — Source, date` then `- **[1]** first words of the passage…` per passage.
 * In embeds a masked link shows no preview card, so the url needs no `<>` there.
 */
export function formatSourceLines(citations: readonly Citation[]): string[] {
  const byDoc = new Map<string, Citation[]>();
  for (const citation of citations) byDoc.set(citation.docId, [...(byDoc.get(citation.docId) ?? []), citation]);
  return [...byDoc.values()].map((passages) => {
    const { title, byline } = articleText(passages[0]!, 200);
    const url = safeUrl(passages[0]!.url);
    const heading = `${url ? hyperlink(title, url) : bold(title)} — ${byline}`;
    const lines = passages.map(
      (c) => `- ${bold(`[${c.n}]`)} ${escapeText(truncate(c.text.replace(/\s+/g, ' ').trim(), SOURCE_SNIPPET))}`,
    );
    return [heading, ...lines].join('\n');
  });
}

export interface AnswerRenderOptions {
  /** The key of the stored answer; when given, the messages carry the passage and vote buttons. */
  answerId?: string;
  /** The reader's language for the fixed texts (headings, buttons, footer); default the answer's language. */
  lang?: Language;
}

/** Most characters of an answer's footer; the source fields leave this much room for it. */
const FOOTER_MAX = 300;

function answerFooter(answer: Answer, lang: Language): string {
  const mode = t(lang, answer.mode === 'llm' ? 'discord:answer.byModel' : 'discord:answer.quoted');
  const parts = answer.found ? [answer.note, mode] : [answer.note];
  // Short enough that an embed with a full title and description stays well under the 6,000 total.
  return truncate(parts.filter(Boolean).join(' · '), FOOTER_MAX);
}

export function answerButtons(answerId: string, hasPassages: boolean, lang: Language = 'en'): ButtonRow {
  const buttons: APIButtonComponent[] = [];
  if (hasPassages) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: t(lang, 'discord:button.passages'),
      custom_id: encodeCustomId({ kind: 'passages', answerId }),
    });
  }
  buttons.push(
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      emoji: { name: '👍' },
      custom_id: encodeCustomId({ kind: 'vote', vote: 'up', answerId }),
    },
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      emoji: { name: '👎' },
      custom_id: encodeCustomId({ kind: 'vote', vote: 'down', answerId }),
    },
  );
  return { type: ComponentType.ActionRow, components: buttons };
}

/**
 * The answer as one or more messages: the question as the first embed's title, the answer text (with its
 * [n] markers) split at sentence boundaries over embed descriptions, then the sources as fields. The
 * buttons go on the last message, under the sources.
 */
export function renderAnswer(answer: Answer, options: AnswerRenderOptions = {}): MessagePart[] {
  const lang = options.lang ?? answer.language;
  const color = answer.found ? COLOR_FOUND : COLOR_NOT_FOUND;
  // A placeholder stands in for the answer's own words, so it is in the answer's language.
  const placeholder = t(answer.language, answer.found ? 'discord:answer.empty' : 'discord:answer.nothing');
  const text = answer.answer.trim() || placeholder;
  const embeds: APIEmbed[] = splitText(text, LIMITS.embedDescription).map((description) => ({ description, color }));
  embeds[0]!.title = questionTitle(answer.question, lang);

  const sourceFields: APIEmbedField[] = packBlocks(formatSourceLines(answer.citations), LIMITS.fieldValue, '\n').map(
    (value, i) => ({ name: t(lang, i === 0 ? 'discord:answer.sources' : 'discord:answer.sourcesContinued'), value }),
  );
  // Source fields join the last answer embed while it has room, then continue in embeds of their own.
  let target = embeds.at(-1)!;
  for (const field of sourceFields) {
    const fields = target.fields ?? [];
    const room = LIMITS.embedsTotal - FOOTER_MAX - embedLength(target);
    if (fields.length >= LIMITS.embedFields || field.name.length + field.value.length > room) {
      target = { color };
      embeds.push(target);
    }
    target.fields = [...(target.fields ?? []), field];
  }
  const footer = answerFooter(answer, lang);
  if (footer) embeds.at(-1)!.footer = { text: footer };

  const parts: MessagePart[] = packEmbeds(embeds).map((group) => ({ embeds: group }));
  if (options.answerId) parts.at(-1)!.components = [answerButtons(options.answerId, answer.citations.length > 0, lang)];
  return parts;
}

/** The reply while an answer is still being written (edited about once a second). */
export function renderPartial(question: string, textSoFar: string, lang: Language = 'en'): MessagePart {
  return {
    embeds: [
      {
        title: questionTitle(question, lang),
        description: truncate(textSoFar.trim() || '…', LIMITS.embedDescription),
        color: COLOR_INFO,
        footer: { text: t(lang, 'discord:answer.writing') },
      },
    ],
  };
}

/** Every line quoted (`blockQuote` would quote the rest of the message, headers of later passages included). */
function quoteLines(text: string): string {
  return text
    .replace(/\n{2,}/g, '\n')
    .split('\n')
    .map(quote)
    .join('\n');
}

/**
 * The cited passages as message contents (at most 2,000 characters each): a header per citation with the
 * link wrapped as `<url>` (no preview cards), then the passage as a quote.
 */
export function renderPassages(answer: Answer): string[] {
  const blocks: string[] = [];
  for (const citation of answer.citations) {
    const { title, byline } = articleText(citation, 200);
    const url = safeUrl(citation.url);
    const header = `${bold(`[${citation.n}] ${title}`)} — ${byline}${url ? ` ${hideLinkEmbed(url)}` : ''}`;
    // Leaves room for the header and the "> " added to every line.
    const pieces = splitText(citation.text, 1400);
    pieces.forEach((piece, i) => blocks.push(i === 0 ? `${header}\n${quoteLines(piece)}` : quoteLines(piece)));
    if (pieces.length === 0) blocks.push(header);
  }
  return packBlocks(blocks, LIMITS.content, '\n\n');
}

/** A language's name as the reader of `lang` writes it. */
export function languageName(code: string, lang: Language = 'en'): string {
  if ((LANGUAGES as readonly string[]).includes(code)) return t(lang, `common:language.${code as Language}`);
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export const SOURCES_PAGE_SIZE = 10;

/** One page of the indexed-articles list, with previous/next buttons when there is more than one page. */
export function renderSourcesPage(
  sources: readonly SourceInfo[],
  page: number,
  { lang = 'en', pageSize = SOURCES_PAGE_SIZE }: { lang?: Language; pageSize?: number } = {},
): MessagePart {
  const sorted = [...sources].sort(
    (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title),
  );
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(Math.max(0, page), pages - 1);
  const lines = sorted.slice(current * pageSize, (current + 1) * pageSize).map((s) => {
    const { title, byline } = articleText(s, 150);
    const url = safeUrl(s.url);
    const chunks = t(lang, 'discord:sources.chunks', { count: s.chunks });
    return `${url ? hyperlink(title, url) : bold(title)} — ${byline} · ${languageName(s.language, lang)} · ${chunks}`;
  });
  const embed: APIEmbed = {
    title: t(lang, 'discord:sources.title', { count: sorted.length }),
    description: lines.length > 0 ? lines.join('\n') : t(lang, 'discord:sources.empty'),
    color: COLOR_INFO,
  };
  if (pages > 1) embed.footer = { text: t(lang, 'discord:sources.page', { page: current + 1, pages }) };
  const part: MessagePart = { embeds: [embed] };
  if (pages > 1) {
    part.components = [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: t(lang, 'discord:button.previous'),
            custom_id: encodeCustomId({ kind: 'sources', page: current - 1 }),
            disabled: current === 0,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: t(lang, 'discord:button.next'),
            custom_id: encodeCustomId({ kind: 'sources', page: current + 1 }),
            disabled: current >= pages - 1,
          },
        ],
      },
    ];
  }
  return part;
}

function listField(name: string, items: readonly string[], lang: Language): APIEmbedField | undefined {
  if (items.length === 0) return undefined;
  const shown: string[] = [];
  let length = 0;
  for (const item of items) {
    const line = escapeText(truncate(item, 300));
    if (length + line.length + 1 > LIMITS.fieldValue - 30) break;
    shown.push(line);
    length += line.length + 1;
  }
  const more = items.length - shown.length;
  const rest = more > 0 ? `\n${t(lang, 'discord:reindex.more', { count: more })}` : '';
  return { name: `${name} (${items.length})`, value: shown.join('\n') + rest };
}

export function renderReindexSummary(summary: ReindexSummary, lang: Language = 'en'): MessagePart {
  const description = [
    t(lang, 'discord:reindex.counts', {
      added: summary.added.length,
      changed: summary.changed.length,
      removed: summary.removed.length,
      unchanged: summary.unchanged.length,
      failed: summary.failed.length,
    }),
    t(lang, 'discord:reindex.holds', {
      documents: summary.documents,
      chunks: summary.chunks,
      embedder: summary.embedder.id,
      embedded: summary.embedded,
      seconds: summary.seconds.toFixed(1),
    }),
  ].join('\n');
  const fields = [
    listField(t(lang, 'discord:reindex.added'), summary.added, lang),
    listField(t(lang, 'discord:reindex.changed'), summary.changed, lang),
    listField(t(lang, 'discord:reindex.removed'), summary.removed, lang),
    listField(
      t(lang, 'discord:reindex.failed'),
      summary.failed.map((f) => `${f.path}: ${f.reason}`),
      lang,
    ),
  ].filter((f): f is APIEmbedField => f !== undefined);
  const color = summary.failed.length > 0 ? COLOR_NOT_FOUND : COLOR_FOUND;
  return { embeds: [{ title: t(lang, 'discord:reindex.title'), description, color, fields }] };
}
