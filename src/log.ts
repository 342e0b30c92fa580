// Structured logging (pino) to stderr, so stdout stays clean for answers and --json output.
import { pino, type Logger } from 'pino';

export type { Logger };

/** Secrets are redacted wherever they appear as fields; the token is never passed to the logger as text. */
const REDACT = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  'LLM_API_KEY',
  '*.DISCORD_TOKEN',
  '*.LLM_API_KEY',
  'headers.authorization',
  '*.headers.authorization',
];

export function createLogger(level: string = 'info', name = 'collab-bot'): Logger {
  return pino({ name, level, redact: { paths: REDACT, censor: '[redacted]' } }, pino.destination(2));
}

/** A logger that drops everything: for tests and library callers that do not care. */
export const silentLogger: Logger = pino({ level: 'silent' });
