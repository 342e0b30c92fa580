// `npm start`: the Discord bot. Checks the two required settings before loading anything heavy, loads
// (or builds) the index through the service, connects, and shuts down cleanly on SIGINT/SIGTERM.
import { ConfigError, loadConfig, resolvePath, type Config } from '../config.ts';
import { isUserError } from '../errors.ts';
import { createLogger } from '../log.ts';
import { describeConnectionError } from './connection.ts';
import { errorForLog } from './logSafe.ts';
import { requireDiscordCredentials, type DiscordCredentials } from './settings.ts';

const USAGE = `Usage: npm start

Runs the Discord bot. It takes no options: it is configured by .env (see .env.example).
Needs DISCORD_TOKEN and DISCORD_CLIENT_ID; loads the index (building it from CORPUS_DIR first if there is none),
connects, and answers /ask, /sources, /reindex, /help and mentions. Ctrl+C or SIGTERM stops it gracefully.
Register the slash commands first with \`npm run register\`.
With SHARDS=auto|N it starts discord.js's ShardingManager: one bot process per shard (SHARD_IDS: this machine's).

Options:
  -h, --help     show this help`;

/** `--help` prints the usage; anything else on the command line is a mistake (exit 2). */
function handleArguments(args: string[]): void {
  if (args.length === 0) return;
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  process.stderr.write(`npm start takes no arguments (got ${args.join(' ')}); settings go in .env.\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  handleArguments(process.argv.slice(2));
  let config: Config;
  let credentials: DiscordCredentials;
  try {
    config = loadConfig();
    credentials = requireDiscordCredentials(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  if (config.SHARDS !== undefined) return runShards(config, credentials);

  // Before anything heavy: an unwritable feedback log would otherwise lose every vote, silently.
  const { checkFeedbackLogWritable, FeedbackLogError } = await import('./feedback.ts');
  try {
    await checkFeedbackLogWritable(resolvePath(config.FEEDBACK_LOG));
  } catch (error) {
    if (!(error instanceof FeedbackLogError)) throw error;
    console.error(error.message);
    process.exit(1);
  }

  const logger = createLogger(config.LOG_LEVEL, 'discord');
  // Imported here so a missing setting is reported at once, without loading the index libraries.
  // The pooled service answers in worker threads, so this event loop only does Discord I/O (acks at once).
  const { createPooledService } = await import('../service/pooled.ts');
  const { createBot } = await import('./bot.ts');

  let service: Awaited<ReturnType<typeof createPooledService>>;
  try {
    service = await createPooledService(config, { logger });
  } catch (error) {
    // A user or configuration error (no corpus, unusable index, unreachable database, model unavailable) says what to
    // do: one plain line, like a configuration error. Anything else is a bug: the log gets its stack.
    if (isUserError(error) || error instanceof ConfigError) console.error(error.message);
    else logger.fatal({ err: errorForLog(error) }, 'could not load the index');
    process.exit(1);
  }
  const stats = await service.stats();
  logger.info(
    { documents: stats.documents, chunks: stats.chunks, embedder: stats.embedder.id },
    `index loaded: ${stats.documents} documents, ${stats.chunks} chunks, embedder ${stats.embedder.id}`,
  );

  const bot = createBot(config, service, logger);
  let shuttingDown = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: finishing answers in progress');
    void (async () => {
      try {
        await bot.stop();
        await service.close();
        logger.info('stopped');
        process.exitCode = 0;
      } catch (error) {
        logger.error({ err: errorForLog(error) }, 'error during shutdown');
        process.exitCode = 1;
      } finally {
        // pino's stderr destination is synchronous, so nothing is lost by exiting here.
        process.exit();
      }
    })();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  try {
    await bot.start();
  } catch (error) {
    // One plain line with the cause and the fix; the details only for LOG_LEVEL=debug.
    logger.debug({ err: errorForLog(error) }, 'could not connect to Discord');
    console.error(describeConnectionError(error, config.DISCORD_API_URL));
    await service.close();
    process.exit(1);
  }
}

/**
 * SHARDS=auto|N: this process only manages the shard processes (each one runs main() without SHARDS, as one
 * bot); it loads no index. SIGINT/SIGTERM stop every shard gracefully first.
 */
async function runShards(config: Config, credentials: DiscordCredentials): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL, 'shards');
  const { startShards } = await import('./shards.ts');
  let running: Awaited<ReturnType<typeof startShards>> | undefined;
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: stopping every shard');
    void (running?.stop() ?? Promise.resolve()).finally(() => {
      logger.info('stopped');
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  try {
    running = await startShards(config, credentials, logger);
  } catch (error) {
    logger.debug({ err: errorForLog(error) }, 'could not start the shards');
    // A shard that exits before it is ready has already printed its own one-line cause.
    console.error(
      error instanceof Error &&
        /ShardingReadyDied|ShardingReadyTimeout/.test(String((error as { code?: unknown }).code))
        ? `A shard did not become ready (${error.message}); see its messages above.`
        : describeConnectionError(error, config.DISCORD_API_URL),
    );
    process.exit(1);
  }
  if (stopping) await running.stop();
}

await main();
