// Errors from discord.js carry the request URL, and interaction/webhook URLs contain the interaction token
// (a 15-minute credential for editing the reply). Errors are logged through this so tokens never reach logs.

const TOKEN_IN_PATH = /(\/(?:webhooks|interactions)\/\d+\/)[^/?\s]+/g;

function mask(text: string): string {
  return text.replace(TOKEN_IN_PATH, '$1[redacted]');
}

/** A loggable copy of an error: type, message, stack, HTTP details and cause, with tokens masked. */
export function errorForLog(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return typeof error === 'string' ? mask(error) : error;
  const out: Record<string, unknown> = { type: error.name, message: mask(error.message) };
  if (error.stack) out['stack'] = mask(error.stack);
  const extra = error as unknown as Record<string, unknown>;
  for (const key of ['code', 'status', 'method', 'url', 'rawError']) {
    const value = extra[key];
    if (value === undefined) continue;
    out[key] =
      typeof value === 'string'
        ? mask(value)
        : typeof value === 'object'
          ? JSON.parse(mask(JSON.stringify(value)))
          : value;
  }
  if (error.cause !== undefined && depth < 3) out['cause'] = errorForLog(error.cause, depth + 1);
  return out;
}
