// Turns answers, source lists and summaries into Discord message payloads (plain JSON, no client needed),
// split so that every message stays within Discord's limits. Pure functions: unit-tested on their own.
import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from 'discord.js';
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

/** The size Discord counts against the 6,000-character total for one embed. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
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

/** Escapes Discord markdown in text shown inside formatting (titles in links, bold labels). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_~`|[\]<>])/g, '\\$1');
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
    title: escapeMarkdown(truncate(ref.title, max)),
    byline: escapeMarkdown(truncate(ref.date ? `${ref.source}, ${ref.date}` : ref.source, max)),
  };
}

/** The question as an embed title; the progress reply and the final answer show the same one. */
function questionTitle(question: string): string {
  return truncate(question.replace(/\s+/g, ' ').trim() || 'Answer', LIMITS.embedTitle);
}

/**
 * One line per cited article (several passages of one article share a line): `**[1, 3]** [Title](url) — Source, date`.
 * In embeds a masked link shows no preview card, so the url needs no `<>` there.
 */
export function formatSourceLines(citations: readonly Citation[]): string[] {
  const byDoc = new Map<string, { numbers: number[]; citation: Citation }>();
  for (const citation of citations) {
    const entry = byDoc.get(citation.docId);
    if (entry) entry.numbers.push(citation.n);
    else byDoc.set(citation.docId, { numbers: [citation.n], citation });
  }
  return [...byDoc.values()].map(({ numbers, citation }) => {
    const { title, byline } = articleText(citation, 200);
    const url = safeUrl(citation.url);
    const linked = url ? `[${title}](${url})` : title;
    return `**[${numbers.join(', ')}]** ${linked} — ${byline}`;
  });
}

export interface AnswerRenderOptions {
  /** The key of the stored answer; when given, the messages carry the passage and vote buttons. */
  answerId?: string;
}

/** Most characters of an answer's footer; the source fields leave this much room for it. */
const FOOTER_MAX = 300;

function answerFooter(answer: Answer): string {
  const mode = answer.mode === 'llm' ? 'Written by a language model from the cited passages' : 'Quoted from the cited passages';
  const parts = answer.found ? [answer.note, mode] : [answer.note];
  // Short enough that an embed with a full title and description stays well under the 6,000 total.
  return truncate(parts.filter(Boolean).join(' · '), FOOTER_MAX);
}

export function answerButtons(answerId: string, hasPassages: boolean): ButtonRow {
  const buttons: APIButtonComponent[] = [];
  if (hasPassages) {
    buttons.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: 'Show passages',
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
  const color = answer.found ? COLOR_FOUND : COLOR_NOT_FOUND;
  const text = answer.answer.trim() || (answer.found ? '(empty answer)' : 'Nothing in the indexed articles answers this.');
  const embeds: APIEmbed[] = splitText(text, LIMITS.embedDescription).map((description) => ({ description, color }));
  embeds[0]!.title = questionTitle(answer.question);

  const sourceFields: APIEmbedField[] = packBlocks(formatSourceLines(answer.citations), LIMITS.fieldValue, '\n').map(
    (value, i) => ({ name: i === 0 ? 'Sources' : 'Sources (continued)', value }),
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
  const footer = answerFooter(answer);
  if (footer) embeds.at(-1)!.footer = { text: footer };

  const parts: MessagePart[] = packEmbeds(embeds).map((group) => ({ embeds: group }));
  if (options.answerId) parts.at(-1)!.components = [answerButtons(options.answerId, answer.citations.length > 0)];
  return parts;
}

/** The reply while an answer is still being written (edited about once a second). */
export function renderPartial(question: string, textSoFar: string): MessagePart {
  return {
    embeds: [
      {
        title: questionTitle(question),
        description: truncate(textSoFar.trim() || '…', LIMITS.embedDescription),
        color: COLOR_INFO,
        footer: { text: 'Writing the answer…' },
      },
    ],
  };
}

function quote(text: string): string {
  return text
    .replace(/\n{2,}/g, '\n')
    .split('\n')
    .map((line) => `> ${line}`)
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
    const header = `**[${citation.n}] ${title}** — ${byline}${url ? ` <${url}>` : ''}`;
    // Leaves room for the header and the "> " added to every line.
    const pieces = splitText(citation.text, 1400);
    pieces.forEach((piece, i) => blocks.push(i === 0 ? `${header}\n${quote(piece)}` : quote(piece)));
    if (pieces.length === 0) blocks.push(header);
  }
  return packBlocks(blocks, LIMITS.content, '\n\n');
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export const SOURCES_PAGE_SIZE = 10;

/** One page of the indexed-articles list, with previous/next buttons when there is more than one page. */
export function renderSourcesPage(sources: readonly SourceInfo[], page: number, pageSize = SOURCES_PAGE_SIZE): MessagePart {
  const sorted = [...sources].sort(
    (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title),
  );
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(Math.max(0, page), pages - 1);
  const lines = sorted.slice(current * pageSize, (current + 1) * pageSize).map((s) => {
    const { title, byline } = articleText(s, 150);
    const url = safeUrl(s.url);
    const chunks = `${s.chunks} chunk${s.chunks === 1 ? '' : 's'}`;
    return `${url ? `[${title}](${url})` : `**${title}**`} — ${byline} · ${languageName(s.language)} · ${chunks}`;
  });
  const embed: APIEmbed = {
    title: `Indexed articles (${sorted.length})`,
    description: lines.length > 0 ? lines.join('\n') : 'The index is empty.',
    color: COLOR_INFO,
  };
  if (pages > 1) embed.footer = { text: `Page ${current + 1} of ${pages}` };
  const part: MessagePart = { embeds: [embed] };
  if (pages > 1) {
    part.components = [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: 'Previous',
            custom_id: encodeCustomId({ kind: 'sources', page: current - 1 }),
            disabled: current === 0,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: 'Next',
            custom_id: encodeCustomId({ kind: 'sources', page: current + 1 }),
            disabled: current >= pages - 1,
          },
        ],
      },
    ];
  }
  return part;
}

function listField(name: string, items: readonly string[]): APIEmbedField | undefined {
  if (items.length === 0) return undefined;
  const shown: string[] = [];
  let length = 0;
  for (const item of items) {
    const line = escapeMarkdown(truncate(item, 300));
    if (length + line.length + 1 > LIMITS.fieldValue - 30) break;
    shown.push(line);
    length += line.length + 1;
  }
  const more = items.length - shown.length;
  return { name: `${name} (${items.length})`, value: shown.join('\n') + (more > 0 ? `\n…and ${more} more` : '') };
}

export function renderReindexSummary(summary: ReindexSummary): MessagePart {
  const description = [
    `Added ${summary.added.length} · changed ${summary.changed.length} · removed ${summary.removed.length} · unchanged ${summary.unchanged.length} · failed ${summary.failed.length}`,
    `The index now holds ${summary.documents} documents in ${summary.chunks} chunks (embedder \`${summary.embedder.id}\`); ${summary.embedded} chunks embedded in ${summary.seconds.toFixed(1)} s.`,
  ].join('\n');
  const fields = [
    listField('Added', summary.added),
    listField('Changed', summary.changed),
    listField('Removed', summary.removed),
    listField(
      'Failed',
      summary.failed.map((f) => `${f.path}: ${f.reason}`),
    ),
  ].filter((f): f is APIEmbedField => f !== undefined);
  return {
    embeds: [
      { title: 'Reindex finished', description, color: summary.failed.length > 0 ? COLOR_NOT_FOUND : COLOR_FOUND, fields },
    ],
  };
}
