// Why the bot (or `npm run register`) could not talk to Discord, in one line that names the cause and the fix.
// Network errors arrive wrapped (fetch's TypeError with a `cause`, an AggregateError per address tried), so the
// chain is searched for the first code that says what happened.
import { GatewayCloseCodes } from 'discord.js';

/** The gateway closed for good during login (discord.js does not reject for these; the bot turns them into this). */
export class GatewayClosedError extends Error {
  override readonly name = 'GatewayClosedError';
  constructor(readonly code: number) {
    super(`the Discord gateway closed the connection with code ${code} (${GatewayCloseCodes[code] ?? 'unknown'})`);
  }
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'ECONNRESET']);
const TOKEN_CODES = new Set(['TokenInvalid', 'TokenMissing']);

interface ErrorLike {
  code?: unknown;
  status?: unknown;
  hostname?: unknown;
  address?: unknown;
  port?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** Every error in the chain: the error, its causes, the errors of an AggregateError. */
function chain(error: unknown, seen = new Set<unknown>()): ErrorLike[] {
  if (!error || typeof error !== 'object' || seen.has(error)) return [];
  seen.add(error);
  const e = error as ErrorLike;
  const nested = Array.isArray(e.errors) ? e.errors : [];
  return [e, ...chain(e.cause, seen), ...nested.flatMap((n) => chain(n, seen))];
}

function find(error: unknown, test: (e: ErrorLike) => boolean): ErrorLike | undefined {
  return chain(error).find(test);
}

/** Where the client was trying to go, for the message: DISCORD_API_URL when set, else Discord itself. */
function target(apiUrl: string | undefined): string {
  return apiUrl ? `DISCORD_API_URL (${apiUrl})` : 'discord.com';
}

/**
 * One line for the person running the bot: the cause (DNS, refused, invalid token, disallowed intents, timeout)
 * and what to do about it. `apiUrl` is DISCORD_API_URL when set.
 */
export function describeConnectionError(error: unknown, apiUrl?: string): string {
  const gateway = find(error, (e) => e instanceof GatewayClosedError) as GatewayClosedError | undefined;
  // @discordjs/ws reports close code 4014 as a plain Error("Used disallowed intents"), without the code.
  const disallowed = find(
    error,
    (e) => e.code === 'DisallowedIntents' || /disallowed intents/i.test((e as Error).message ?? ''),
  );
  if (gateway?.code === GatewayCloseCodes.DisallowedIntents || disallowed) {
    return (
      'Discord refused the gateway intents the bot asked for (close code 4014, disallowed intents): enable the ' +
      'privileged intents it uses in the Developer Portal → your app → Bot → Privileged Gateway Intents, or run a ' +
      'version of the bot that does not ask for them.'
    );
  }
  if (
    gateway?.code === GatewayCloseCodes.AuthenticationFailed ||
    find(error, (e) => e.status === 401 || TOKEN_CODES.has(String(e.code)))
  ) {
    return (
      'Discord rejected DISCORD_TOKEN (401 Unauthorized): copy a new token from the Developer Portal → your app → ' +
      'Bot → Reset Token into .env.'
    );
  }
  if (gateway) return `Could not stay connected to Discord: ${gateway.message}.`;
  const dns = find(error, (e) => DNS_CODES.has(String(e.code)));
  if (dns) {
    const host = typeof dns.hostname === 'string' ? dns.hostname : apiUrl ? new URL(apiUrl).hostname : 'discord.com';
    return (
      `Cannot reach Discord: the host name ${host} does not resolve (DNS, ${String(dns.code)}). Check the network ` +
      `connection${apiUrl ? ' and DISCORD_API_URL' : ''}.`
    );
  }
  if (find(error, (e) => e.code === 'ECONNREFUSED')) {
    return (
      `Cannot reach Discord: ${target(apiUrl)} refused the connection (ECONNREFUSED). ` +
      (apiUrl
        ? 'Check DISCORD_API_URL and that the server there is running.'
        : 'Check the network connection and any proxy or firewall.')
    );
  }
  const timeout = find(error, (e) => TIMEOUT_CODES.has(String(e.code)) || (e as Error).name === 'AbortError');
  if (timeout) {
    return `Cannot reach Discord: the connection to ${target(apiUrl)} timed out or was reset. Check the network connection and try again.`;
  }
  const status = find(error, (e) => typeof e.status === 'number')?.status;
  const message = error instanceof Error ? error.message : String(error);
  return `Could not talk to Discord${typeof status === 'number' ? ` (HTTP ${status})` : ''}: ${message}`;
}
