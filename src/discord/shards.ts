// `npm start` with SHARDS=auto|N: discord.js's ShardingManager spawns one bot process per shard (this same
// entry, ./main.ts, which discord.js tells its shard ids through the environment) and respawns one that dies
// after it was ready. Every shard process opens the service exactly as a single bot does, so all of them use
// the same backend (INDEX_BACKEND: the build files in INDEX_DIR, or the one PostgreSQL database every shard on
// every machine reads); each process hot-reloads the build a reindex publishes.
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { restOptions, type DiscordCredentials } from './settings.ts';

export interface ShardsOptions {
  /** Milliseconds between two shards' start (Discord allows one IDENTIFY per 5 s per bucket; discord.js: 5.5 s). */
  spawnDelayMs?: number;
  /** How long one shard may take to become ready (loading the index included) before the start fails. */
  readyTimeoutMs?: number;
}

const BOT_ENTRY = fileURLToPath(new URL('./main.ts', import.meta.url));

export interface RunningShards {
  manager: ShardingManager;
  /** Stops every shard gracefully (SIGTERM: each finishes its answers in progress) and waits for them. */
  stop(): Promise<void>;
}

export async function startShards(
  config: Config,
  credentials: DiscordCredentials,
  logger: Logger,
  options: ShardsOptions = {},
): Promise<RunningShards> {
  const { spawnDelayMs = 5500, readyTimeoutMs = 600_000 } = options;
  const totalShards =
    typeof config.SHARDS === 'number' ? config.SHARDS : await recommendedShards(config, credentials.token);
  const manager = new ShardingManager(BOT_ENTRY, {
    token: credentials.token,
    totalShards,
    ...(config.SHARD_IDS ? { shardList: config.SHARD_IDS } : {}),
    mode: 'process',
    // The shard entry is TypeScript, as under `npm start` (tsx resolved here: a shard may run in any folder).
    execArgv: ['--import', import.meta.resolve('tsx')],
  });
  manager.on('shardCreate', (shard: Shard) => {
    logger.info({ shard: shard.id }, `shard ${shard.id} starting`);
    shard.on('ready', () => logger.info({ shard: shard.id }, `shard ${shard.id} ready`));
    shard.on('death', () => logger.warn({ shard: shard.id }, `shard ${shard.id} exited`));
  });
  const stop = async () => {
    manager.respawn = false;
    await Promise.all(
      [...manager.shards.values()].map(async (shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }),
    );
  };
  try {
    await manager.spawn({ amount: totalShards, delay: spawnDelayMs, timeout: readyTimeoutMs });
  } catch (error) {
    await stop();
    throw error;
  }
  logger.info(
    { shards: manager.shardList, totalShards: manager.totalShards },
    `all ${manager.shards.size} shards ready (of ${String(manager.totalShards)} in total)`,
  );
  return { manager, stop };
}

/**
 * SHARDS=auto: the number of shards Discord recommends (GET /gateway/bot), asked through DISCORD_API_URL when
 * it is set (discord.js's own `auto` always asks discord.com).
 */
async function recommendedShards(config: Config, token: string): Promise<number> {
  const rest = new REST(restOptions(config)).setToken(token);
  const info = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return Math.max(1, info.shards);
}
