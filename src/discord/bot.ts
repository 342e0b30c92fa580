// The Discord client wired to the service. Least intents: Guilds (slash commands, channel cache) and
// GuildMessages (mentions). No Message Content intent: Discord still fills `content` for messages that
// mention the bot, which are the only messages it reads.
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { resolvePath, type Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { CollabService } from '../service/types.ts';
import { createAnswerStore } from './answerStore.ts';
import { GatewayClosedError } from './connection.ts';
import type { BotContext } from './context.ts';
import { createDispatcher } from './dispatch.ts';
import { createFeedbackLog, loadOrCreateSalt } from './feedback.ts';
import { createRateLimiter } from './rateLimit.ts';
import { restOptions } from './settings.ts';
import { createTaskTracker } from './tasks.ts';
import { errorForLog } from './logSafe.ts';

export interface BotOptions {
  /** How long shutdown waits for answers in progress before cancelling them. */
  shutdownGraceMs?: number;
  /** How many recent answers stay available to buttons and follow-ups. */
  answerCapacity?: number;
}

export interface Bot {
  client: Client;
  /** Logs in and resolves once the client is ready (all guilds received). */
  start(): Promise<void>;
  /** Stops taking work, finishes or cancels answers in flight (bounded), and destroys the client. */
  stop(): Promise<void>;
}

export const BOT_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] as const;

export function createBot(config: Config, service: CollabService, logger: Logger, options: BotOptions = {}): Bot {
  const { shutdownGraceMs = 10_000, answerCapacity = 500 } = options;
  const client = new Client({
    intents: [...BOT_INTENTS],
    // Also the default for every message the client sends; handlers pass it explicitly as well.
    allowedMentions: { parse: [], repliedUser: false },
    rest: restOptions(config),
  });

  const feedbackPath = resolvePath(config.FEEDBACK_LOG);
  const ctx: BotContext = {
    client,
    config,
    service,
    logger,
    answers: createAnswerStore(answerCapacity),
    limiter: createRateLimiter({ limit: config.RATE_LIMIT_PER_MINUTE, windowMs: 60_000 }),
    feedback: createFeedbackLog(feedbackPath, () => loadOrCreateSalt(feedbackPath, config.FEEDBACK_SALT)),
    tasks: createTaskTracker(),
  };
  const dispatcher = createDispatcher(ctx);

  client.on(Events.InteractionCreate, (interaction) => void dispatcher.interaction(interaction));
  client.on(Events.MessageCreate, (message) => void dispatcher.message(message));
  client.on(Events.Error, (error) => logger.error({ err: errorForLog(error) }, 'Discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ discord: message }, 'Discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ code: event.code, shard }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));

  let stopping: Promise<void> | undefined;

  return {
    client,
    async start() {
      if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set (see .env.example).');
      const loginFailed = new AbortController();
      const ready = once(client, Events.ClientReady, { signal: loginFailed.signal });
      // discord.js does not reject login when the gateway closes for good (bad token, disallowed intents): it
      // only emits shardDisconnect, and ready never comes.
      const closed = once(client, Events.ShardDisconnect, { signal: loginFailed.signal }).then(([event]) => {
        throw new GatewayClosedError((event as { code: number }).code);
      });
      try {
        await client.login(config.DISCORD_TOKEN);
        await Promise.race([ready, closed]);
      } catch (error) {
        // Leave nothing running (sockets, timers, listeners) when login fails.
        loginFailed.abort();
        await Promise.allSettled([ready, closed]);
        await client.destroy();
        throw error;
      }
      closed.catch(() => undefined);
      loginFailed.abort();
      const application = client.application?.id;
      if (config.DISCORD_CLIENT_ID && application && application !== config.DISCORD_CLIENT_ID) {
        logger.warn(
          { application, configured: config.DISCORD_CLIENT_ID },
          'DISCORD_CLIENT_ID differs from the application this token belongs to',
        );
      }
      logger.info(
        { user: client.user?.tag, guilds: client.guilds.cache.size },
        `connected to Discord as ${client.user?.tag}`,
      );
    },
    stop() {
      stopping ??= (async () => {
        const result = await ctx.tasks.shutdown({ graceMs: shutdownGraceMs, abortWaitMs: 3000 });
        if (result.finished + result.cancelled > 0) logger.info(result, 'in-flight work settled');
        await client.destroy();
      })();
      return stopping;
    },
  };
}
