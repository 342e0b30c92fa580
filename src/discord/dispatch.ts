// The one place where Discord events become work: every command name maps to its handler here, every
// button goes through ../components.ts, every message through the mention filter. Errors are answered here
// too: user errors with their own text, anything else with an apology and an error id that the log shares.
import { randomBytes } from 'node:crypto';
import { MessageFlags } from 'discord.js';
import type { ChatInputCommandInteraction, Interaction, Message, RepliableInteraction } from 'discord.js';
import { isUserError } from '../errors.ts';
import { handleAsk } from './commands/ask.ts';
import {
  handleCollaborations,
  handleCollaborationsAutocomplete,
  handleCollaborationsButton,
} from './commands/collaborations.ts';
import type { CommandName } from './commands/definitions.ts';
import { handleHelp } from './commands/help.ts';
import { handleReindex } from './commands/reindex.ts';
import { handleSources } from './commands/sources.ts';
import { handleButton } from './components.ts';
import { NO_MENTIONS, type BotContext } from './context.ts';
import { handleMention } from './mentions.ts';
import { languageOfInteraction, languageOfMention } from './language.ts';
import { apology, channelNotAllowed, shuttingDown, userErrorText } from './messages.ts';
import { t, type Language } from '../i18n/index.ts';
import { isChannelAllowed } from './permissions.ts';
import { errorForLog } from './logSafe.ts';

type CommandHandler = (interaction: ChatInputCommandInteraction, ctx: BotContext, signal: AbortSignal) => Promise<void>;

interface CommandRoute {
  handler: CommandHandler;
  /** Whether the channel allowlist applies (help is harmless and ephemeral, so it works everywhere). */
  restricted: boolean;
}

const COMMANDS: Record<CommandName, CommandRoute> = {
  ask: { handler: handleAsk, restricted: true },
  sources: { handler: handleSources, restricted: true },
  collaborations: { handler: handleCollaborations, restricted: true },
  reindex: { handler: handleReindex, restricted: true },
  help: { handler: handleHelp, restricted: false },
};

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

function parentIdOf(channel: Interaction['channel'] | Message['channel'] | null): string | null {
  return channel && 'isThread' in channel && channel.isThread() ? channel.parentId : null;
}

export interface Dispatcher {
  interaction(interaction: Interaction): Promise<void>;
  message(message: Message): Promise<void>;
}

export function createDispatcher(ctx: BotContext): Dispatcher {
  /** The text the user sees for a failure; unexpected ones are logged with a fresh error id. */
  function describeFailure(
    error: unknown,
    signal: AbortSignal | undefined,
    where: Record<string, unknown>,
    lang: Language,
  ): string {
    if (isUserError(error)) return userErrorText(error, { maxQuestionLength: ctx.config.MAX_QUESTION_LENGTH }, lang);
    if (signal?.aborted) return shuttingDown(lang);
    const errorId = randomBytes(4).toString('hex');
    ctx.logger.error({ err: errorForLog(error), errorId, ...where }, 'failed to handle a Discord event');
    return apology(errorId, lang);
  }

  async function respond(interaction: RepliableInteraction, content: string): Promise<void> {
    try {
      if (interaction.deferred) {
        await interaction.editReply({ content, embeds: [], components: [], allowedMentions: NO_MENTIONS });
      } else if (interaction.replied) {
        await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      } else {
        await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
      }
    } catch (error) {
      ctx.logger.warn(
        { err: errorForLog(error), interaction: interaction.id },
        'could not tell the user about a failure',
      );
    }
  }

  async function runCommand(interaction: ChatInputCommandInteraction, signal: AbortSignal): Promise<void> {
    if (!isCommandName(interaction.commandName)) {
      ctx.logger.warn(
        { interaction: interaction.id, command: interaction.commandName },
        'unknown command (re-run npm run register?)',
      );
      await interaction.reply({ content: 'I do not know that command any more.', flags: MessageFlags.Ephemeral });
      return;
    }
    const route = COMMANDS[interaction.commandName];
    if (
      route.restricted &&
      !isChannelAllowed(ctx.config.DISCORD_CHANNEL_ALLOWLIST, interaction.channelId, parentIdOf(interaction.channel))
    ) {
      await interaction.reply({
        content: channelNotAllowed(languageOfInteraction(interaction)),
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    await route.handler(interaction, ctx, signal);
  }

  async function interaction(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      // Suggestions must come within 3 s and have no one to apologize to: a failure is only logged.
      await handleCollaborationsAutocomplete(interaction, ctx).catch((error: unknown) =>
        ctx.logger.warn({ err: errorForLog(error), interaction: interaction.id }, 'autocomplete failed'),
      );
      return;
    }
    if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
    const where = {
      interaction: interaction.id,
      command: interaction.isChatInputCommand() ? interaction.commandName : interaction.customId,
      user: interaction.user.id,
    };
    // Telling the user about a failure is part of the task, so shutdown waits for that message too.
    const run = ctx.tasks.run(async (signal) => {
      try {
        if (interaction.isChatInputCommand()) await runCommand(interaction, signal);
        else if (!(await handleCollaborationsButton(interaction, ctx)) && !(await handleButton(interaction, ctx))) {
          await interaction.reply({
            content: t(languageOfInteraction(interaction), 'discord:button.unsupported'),
            flags: MessageFlags.Ephemeral,
          });
        }
      } catch (error) {
        await respond(interaction, describeFailure(error, signal, where, languageOfInteraction(interaction)));
      }
    });
    await (run ?? respond(interaction, shuttingDown(languageOfInteraction(interaction))));
  }

  async function message(message: Message): Promise<void> {
    const botId = ctx.client.user?.id;
    // Other bots and webhooks (and the bot itself) never trigger anything: no loops between bots.
    if (!botId || message.author.bot || message.author.id === botId || message.webhookId || message.system) return;
    if (!message.inGuild() || !message.mentions.users.has(botId)) return;
    // Outside the allowlist mentions are ignored silently: a reply there would be the noise the list prevents.
    if (!isChannelAllowed(ctx.config.DISCORD_CHANNEL_ALLOWLIST, message.channelId, parentIdOf(message.channel))) return;
    const where = { message: message.id, channel: message.channelId, user: message.author.id };
    await ctx.tasks.run(async (signal) => {
      try {
        await handleMention(message, ctx, signal);
      } catch (error) {
        // A rate-limited user is told once per window; further mentions in it stay unanswered.
        if (isUserError(error, 'rateLimited') && error.context['firstRefusal'] === false) return;
        const content = describeFailure(error, signal, where, languageOfMention(message, message.content));
        await message
          .reply({ content, allowedMentions: NO_MENTIONS, failIfNotExists: false })
          .catch((replyError: unknown) => {
            ctx.logger.warn({ err: errorForLog(replyError), ...where }, 'could not tell the user about a failure');
          });
      }
    });
  }

  return { interaction, message };
}
