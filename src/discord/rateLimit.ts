// Per-user sliding-window rate limit: at most `limit` questions in any `windowMs`. Kept in memory: a
// restart forgets it, which is acceptable for a courtesy limit that protects the index from bursts.

export type RateDecision =
  | { allowed: true }
  /** `firstRefusal`: the first refusal in this window, so a front end can notify once and then stay quiet. */
  | { allowed: false; retryAfterMs: number; firstRefusal: boolean };

export interface RateLimiter {
  /** Counts one use by `key` when allowed. */
  take(key: string): RateDecision;
}

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
}

export function createRateLimiter({ limit, windowMs, now = Date.now }: RateLimiterOptions): RateLimiter {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`rate limit must be a positive integer, got ${limit}`);
  const uses = new Map<string, { times: number[]; refused: boolean }>();
  let calls = 0;

  function sweep(cutoff: number): void {
    for (const [key, entry] of uses) {
      if ((entry.times.at(-1) ?? -Infinity) <= cutoff) uses.delete(key);
    }
  }

  return {
    take(key) {
      const t = now();
      const cutoff = t - windowMs;
      // Forget idle users now and then so the map stays as small as the set of active users.
      if (++calls % 256 === 0) sweep(cutoff);
      let entry = uses.get(key);
      if (!entry) {
        entry = { times: [], refused: false };
        uses.set(key, entry);
      }
      while (entry.times.length > 0 && entry.times[0]! <= cutoff) entry.times.shift();
      if (entry.times.length < limit) {
        entry.times.push(t);
        entry.refused = false;
        return { allowed: true };
      }
      const firstRefusal = !entry.refused;
      entry.refused = true;
      return { allowed: false, retryAfterMs: entry.times[0]! + windowMs - t, firstRefusal };
    },
  };
}
