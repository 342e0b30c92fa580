// `npm run register`: sends the bot's full slash-command list to Discord. A PUT of the whole list is
// idempotent (Discord keeps command ids by name), so running it again is always safe.
import { parseArgs } from 'node:util';
import { REST, Routes } from 'discord.js';
import type { RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { EXIT, runCommand, UsageError } from '../src/cli/common.ts';
import { loadConfig } from '../src/config.ts';
import { commandDefinitions } from '../src/discord/commands/definitions.ts';
import { describeConnectionError } from '../src/discord/connection.ts';
import { requireDiscordCredentials, restOptions } from '../src/discord/settings.ts';

const USAGE = `Usage: npm run register -- [options]

Registers the bot's slash commands (/ask, /sources, /reindex, /help) for the application DISCORD_CLIENT_ID:
in the guild DISCORD_GUILD_ID when it is set (appears at once; meant for development), otherwise globally
(every server the bot is in; Discord may take a while to show changes). Sends the full list, so commands
that no longer exist are removed; running it again changes nothing.
Needs DISCORD_TOKEN and DISCORD_CLIENT_ID; DISCORD_API_URL points it at another Discord-compatible API.

Options:
  --global       register globally even when DISCORD_GUILD_ID is set
  --print        print the command list as JSON instead of sending it
  -h, --help     show this help`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { global: { type: 'boolean' }, print: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const config = loadConfig();
  const commands = commandDefinitions({ maxQuestionLength: config.MAX_QUESTION_LENGTH });
  if (values.print) {
    process.stdout.write(`${JSON.stringify(commands, null, 2)}\n`);
    return EXIT.ok;
  }
  const { token, applicationId } = requireDiscordCredentials(config);

  const rest = new REST(restOptions(config)).setToken(token);
  const guildId = values.global ? undefined : config.DISCORD_GUILD_ID;
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  let saved: RESTPutAPIApplicationCommandsResult;
  try {
    saved = (await rest.put(route, { body: commands })) as RESTPutAPIApplicationCommandsResult;
  } catch (error) {
    process.stderr.write(`${describeConnectionError(error, config.DISCORD_API_URL)}\n`);
    return EXIT.failure;
  }
  const names = saved.map((c) => `/${c.name}`).join(', ');
  process.stdout.write(
    guildId
      ? `Registered ${saved.length} commands in guild ${guildId}: ${names}\n`
      : `Registered ${saved.length} commands globally: ${names} (Discord may take a while to show changes)\n`,
  );
  return EXIT.ok;
}

await runCommand(main, USAGE);
