// npm run collaborations -- [--party X] [--topic Y] [--since DATE] [--until DATE] [--json | --csv]
// The collaboration registry from the terminal, through the same service as the bot.
import { COMMON_HELP, EXIT, openCliService, UsageError, parseCommandLine, runCommand } from '../src/cli/common.ts';
import { t, toLanguage, type Language } from '../src/i18n/index.ts';
import { recordLine, RegistryFilterError, TOPICS, topicById, type CollaborationRecord } from '../src/service/types.ts';

const USAGE = `Usage: npm run collaborations -- [options]

Lists the collaboration records of the indexed articles (parties, kind, date, place, areas, people,
source), newest first. Builds the index first if there is none.

Options:
  --party NAME   records involving this party, written in any script or alias
                 (IIT Kharagpur, IIT KGP, आईआईटी खड़गपुर and আইআইটি খড়্গপুর are one party)
  --topic TOPIC  records about this topic: ${TOPICS.map((topic) => topic.id).join(', ')}
                 (or a word of it in any of the four languages: cancer, कैंसर, онкология…)
  --since DATE   records dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)
  --until DATE   records dated on or before DATE
  --json         print the records as JSON (with the passage each field came from)
  --csv          print the records as CSV
  --parties      list the parties (canonical name and every alias) instead of the records
${COMMON_HELP}

Language of the texts: LANG (en, hi, bn, ru; English otherwise).`;

async function main(): Promise<number> {
  const cli = parseCommandLine(process.argv.slice(2), {
    party: { type: 'string' },
    topic: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    json: { type: 'boolean' },
    csv: { type: 'boolean' },
    parties: { type: 'boolean' },
  });
  if (cli.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (cli.values.json && cli.values.csv) throw new UsageError('Give either --json or --csv, not both.');
  const language = toLanguage(process.env.LANG);
  const config = cli.loadConfig();
  const service = await openCliService(config);
  try {
    const text = (key: 'party' | 'topic' | 'since' | 'until') =>
      typeof cli.values[key] === 'string' ? (cli.values[key] as string) : undefined;
    const filter = { party: text('party'), topic: text('topic'), since: text('since'), until: text('until') };
    let list;
    try {
      list = await service.collaborations(
        Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)),
      );
    } catch (error) {
      if (error instanceof RegistryFilterError)
        throw new UsageError(t(language, `registry:${error.key}`, error.values));
      throw error;
    }
    if (!list.available) {
      process.stderr.write(`${t(language, 'registry:notAvailable')} (npm run reindex)\n`);
      return EXIT.failure;
    }
    if (filter.party && list.parties.length === 0) {
      process.stderr.write(`${t(language, 'registry:unknownParty', { party: filter.party })}\n`);
      return EXIT.failure;
    }
    if (cli.values.parties) {
      process.stdout.write(formatParties(list.records));
      return EXIT.ok;
    }
    if (cli.values.json) process.stdout.write(`${JSON.stringify(list.records, null, 2)}\n`);
    else if (cli.values.csv) process.stdout.write(toCsv(list.records));
    else if (list.records.length === 0) process.stderr.write(`${t(language, 'registry:noResults')}\n`);
    else process.stdout.write(list.records.map((r) => formatRecord(r, language)).join('\n\n') + '\n');
  } finally {
    await service.close();
  }
  return EXIT.ok;
}

function formatRecord(r: CollaborationRecord, language: Language): string {
  const lines = [recordLine(r, language)];
  if (r.people.length > 0) {
    lines.push(
      `  ${t(language, 'registry:field.people')}: ${r.people.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join('; ')}`,
    );
  }
  const source = [r.title, r.source, r.articleDate].filter(Boolean).join(' — ');
  lines.push(`  ${t(language, 'registry:field.source')}: ${source}${r.url ? ` <${r.url}>` : ''} [${r.path}]`);
  return lines.join('\n');
}

function formatParties(records: readonly CollaborationRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) for (const name of r.partyNames) counts.set(name, (counts.get(name) ?? 0) + 1);
  return (
    [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([name, n]) => `${n}\t${name}`)
      .join('\n') + '\n'
  );
}

const CSV_COLUMNS = [
  'id',
  'date',
  'date_basis',
  'kind',
  'parties',
  'place',
  'areas',
  'people',
  'title',
  'source',
  'url',
  'path',
] as const;

function toCsv(records: readonly CollaborationRecord[]): string {
  const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const rows = records.map((r) => [
    r.id,
    r.date?.value ?? '',
    r.date?.basis ?? '',
    r.kind?.value ?? '',
    r.partyNames.join('; '),
    r.place?.value ?? '',
    r.areas.map((a) => topicById(a.id)?.id ?? a.id).join('; '),
    r.people.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join('; '),
    r.title,
    r.source,
    r.url ?? '',
    r.path,
  ]);
  return [CSV_COLUMNS.join(','), ...rows.map((row) => row.map(cell).join(','))].join('\n') + '\n';
}

await runCommand(main, USAGE);
