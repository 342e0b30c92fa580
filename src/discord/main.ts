// `npm start`: the Discord bot. Checks the two required settings before loading anything heavy, loads
// (or builds) the index through the service, connects, and shuts down cleanly on SIGINT/SIGTERM.
import { ConfigError, loadConfig, resolvePath, type Config } from '../config.ts';
import { isUserError } from '../errors.ts';
import { createLogger } from '../log.ts';
import { errorForLog } from './logSafe.ts';
import { requireDiscordCredentials } from './settings.ts';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
    requireDiscordCredentials(config);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }

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
    // A user error (no corpus, unusable index, model unavailable) already says what to do.
    logger.fatal({ err: errorForLog(error) }, isUserError(error) ? error.message : 'could not load the index');
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
    logger.fatal({ err: errorForLog(error) }, 'could not connect to Discord (check DISCORD_TOKEN and DISCORD_API_URL)');
    await service.close();
    process.exit(1);
  }
}

await main();
