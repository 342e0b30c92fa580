// The settings both Discord entry points (`npm start`, `npm run register`) need before they talk to Discord,
// checked in one place so both name a missing one the same way.
import type { RESTOptions } from 'discord.js';
import { ConfigError, type Config } from '../config.ts';

export interface DiscordCredentials {
  token: string;
  applicationId: string;
}

/** DISCORD_TOKEN and DISCORD_CLIENT_ID, or a ConfigError naming the first one missing and where to get it. */
export function requireDiscordCredentials(config: Config): DiscordCredentials {
  if (!config.DISCORD_TOKEN) {
    throw new ConfigError(
      'DISCORD_TOKEN',
      'DISCORD_TOKEN is not set: add the bot token from the Discord Developer Portal to .env (see .env.example).',
    );
  }
  if (!config.DISCORD_CLIENT_ID) {
    throw new ConfigError(
      'DISCORD_CLIENT_ID',
      'DISCORD_CLIENT_ID is not set: add the application id from the Discord Developer Portal to .env (see .env.example).',
    );
  }
  return { token: config.DISCORD_TOKEN, applicationId: config.DISCORD_CLIENT_ID };
}

/**
 * REST options for discord.js: DISCORD_API_URL points it at another Discord-compatible API (the gateway URL
 * then comes from that API's GET /gateway/bot, exactly as with Discord itself).
 */
export function restOptions(config: Config): Partial<RESTOptions> {
  return config.DISCORD_API_URL ? { api: config.DISCORD_API_URL.replace(/\/+$/, '') } : {};
}
