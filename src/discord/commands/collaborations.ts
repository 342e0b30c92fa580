// /collaborations: the registry filtered by party (autocompleted from the registry's parties), topic and
// dates, one page of records at a time with Previous/Next buttons, each record citing its article. Texts
// follow the user's Discord language. The filter of a listing is kept in memory under a short id that the
// page buttons carry (custom_ids are limited to 100 characters; a party name may be longer).
import { randomBytes } from 'node:crypto';
import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import type { APIEmbed, AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import { t, toLanguage, type Language } from '../../i18n/index.ts';
import {
  recordLine,
  RegistryFilterError,
  topicById,
  type CollaborationFilter,
  type CollaborationList,
  type CollaborationRecord,
} from '../../service/types.ts';
import { NO_MENTIONS, type BotContext } from '../context.ts';
import { escapeText as escapeMarkdown, LIMITS, safeUrl, type MessagePart } from '../format.ts';

/** Records per page: five keep one page well inside an embed's 4096-character description. */
export const COLLABORATIONS_PAGE_SIZE = 5;
/** Listings whose page buttons keep working; older ones answer "expired". */
const REMEMBERED_LISTINGS = 200;
/** Discord shows at most 25 autocomplete choices, each at most 100 characters. */
const AUTOCOMPLETE_CHOICES = 25;
const CHOICE_LENGTH = 100;
const PREFIX = 'collab:page:';

interface Listing {
  filter: CollaborationFilter;
}

const listings = new Map<string, Listing>();

function remember(listing: Listing): string {
  const id = randomBytes(6).toString('hex');
  listings.set(id, listing);
  while (listings.size > REMEMBERED_LISTINGS) listings.delete(listings.keys().next().value!);
  return id;
}

export async function handleCollaborations(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const language = toLanguage(interaction.locale);
  const filter: CollaborationFilter = {};
  for (const name of ['party', 'topic', 'since', 'until'] as const) {
    const value = interaction.options.getString(name)?.trim();
    if (value) filter[name] = value;
  }
  // Ephemeral, like /sources: a long listing is for the person who asked.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const list = await listOrProblem(ctx, filter, language);
  if (typeof list === 'string') {
    await interaction.editReply({ content: list, allowedMentions: NO_MENTIONS });
    return;
  }
  const id = remember({ filter });
  await interaction.editReply({
    ...renderCollaborationsPage(list, filter, 0, language, id),
    allowedMentions: NO_MENTIONS,
  });
}

/** The records, or the text that explains why there are none to show. */
async function listOrProblem(
  ctx: BotContext,
  filter: CollaborationFilter,
  language: Language,
): Promise<CollaborationList | string> {
  let list: CollaborationList;
  try {
    list = await ctx.service.collaborations(filter);
  } catch (error) {
    if (error instanceof RegistryFilterError) return t(language, `registry:${error.key}`, error.values);
    throw error;
  }
  if (!list.available) return t(language, 'registry:notAvailable');
  if (filter.party && list.parties.length === 0) return t(language, 'registry:unknownParty', { party: filter.party });
  if (list.records.length === 0) return t(language, 'registry:noResults');
  return list;
}

/** Party names for the `party` option as the user types, from the registry. */
export async function handleCollaborationsAutocomplete(
  interaction: AutocompleteInteraction,
  ctx: BotContext,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== 'party') {
    await interaction.respond([]);
    return;
  }
  const names = await ctx.service.parties(String(focused.value), AUTOCOMPLETE_CHOICES);
  // A choice's value is what the command receives: a name longer than Discord allows is cut, and the
  // registry still resolves the cut name (it matches by the words it has).
  await interaction.respond(names.map((name) => ({ name: cut(name, CHOICE_LENGTH), value: cut(name, CHOICE_LENGTH) })));
}

/** Page buttons of a listing; false for buttons that are not this command's. */
export async function handleCollaborationsButton(interaction: ButtonInteraction, ctx: BotContext): Promise<boolean> {
  if (!interaction.customId.startsWith(PREFIX)) return false;
  const [id = '', pageText = ''] = interaction.customId.slice(PREFIX.length).split(':');
  const language = toLanguage(interaction.locale);
  const listing = listings.get(id);
  if (!listing || !/^\d{1,6}$/.test(pageText)) {
    await interaction.reply({
      content: t(language, 'registry:expired'),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return true;
  }
  await interaction.deferUpdate();
  const list = await listOrProblem(ctx, listing.filter, language);
  if (typeof list === 'string')
    await interaction.editReply({ content: list, embeds: [], components: [], allowedMentions: NO_MENTIONS });
  else
    await interaction.editReply({
      ...renderCollaborationsPage(list, listing.filter, Number(pageText), language, id),
      allowedMentions: NO_MENTIONS,
    });
  return true;
}

/** One page of records as an embed, with Previous/Next buttons when there is more than one page. */
export function renderCollaborationsPage(
  list: CollaborationList,
  filter: CollaborationFilter,
  page: number,
  language: Language,
  listingId: string,
): MessagePart {
  const pages = Math.max(1, Math.ceil(list.records.length / COLLABORATIONS_PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const first = current * COLLABORATIONS_PAGE_SIZE;
  const blocks = list.records
    .slice(first, first + COLLABORATIONS_PAGE_SIZE)
    .map((r, i) => recordBlock(r, first + i + 1, language));
  const summary = filterSummary(filter, list, language);
  const embed: APIEmbed = {
    title: cut(
      summary ? t(language, 'registry:titleFiltered', { filter: summary }) : t(language, 'registry:title'),
      LIMITS.embedTitle,
    ),
    description: cut(blocks.join('\n\n'), LIMITS.embedDescription),
    color: 0x1c7ed6,
    footer: { text: t(language, 'registry:page', { page: current + 1, pages, count: list.records.length }) },
  };
  const part: MessagePart = { embeds: [embed] };
  if (pages > 1) {
    const button = (label: string, target: number, disabled: boolean) => ({
      type: ComponentType.Button as const,
      style: ButtonStyle.Secondary as const,
      label,
      custom_id: `${PREFIX}${listingId}:${target}`,
      disabled,
    });
    part.components = [
      {
        type: ComponentType.ActionRow,
        components: [
          button(t(language, 'registry:previous'), current - 1, current === 0),
          button(t(language, 'registry:next'), current + 1, current >= pages - 1),
        ],
      },
    ];
  }
  return part;
}

/** A record: its line (date, kind, parties, place, areas), the people, and its article, linked where the URL is known. */
function recordBlock(r: CollaborationRecord, n: number, language: Language): string {
  const lines = [`**${n}.** ${escapeMarkdown(recordLine(r, language))}`];
  if (r.people.length > 0) {
    const people = r.people.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join('; ');
    lines.push(`${t(language, 'registry:field.people')}: ${escapeMarkdown(cut(people, 300))}`);
  }
  const title = escapeMarkdown(cut(r.title, 150));
  const url = safeUrl(r.url);
  const byline = escapeMarkdown([r.source, r.articleDate].filter(Boolean).join(', '));
  // In an embed a masked link shows no preview card (the `<url>` form of plain messages).
  lines.push(`${t(language, 'registry:field.source')}: ${url ? `[${title}](${url})` : `*${title}*`} — ${byline}`);
  return lines.join('\n');
}

function filterSummary(filter: CollaborationFilter, list: CollaborationList, language: Language): string {
  const parts: string[] = [];
  if (filter.party) parts.push(list.parties[0] ?? filter.party);
  if (filter.topic) parts.push(topicById(filter.topic)?.label[language] ?? filter.topic);
  if (filter.since || filter.until) parts.push(`${filter.since ?? '…'} – ${filter.until ?? '…'}`);
  return parts.join(' · ');
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
