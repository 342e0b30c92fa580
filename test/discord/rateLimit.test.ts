import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRateLimiter } from '../../src/discord/rateLimit.ts';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('allows `limit` uses per window per user, then refuses with the time until the oldest use expires', () => {
  const time = clock();
  const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: time.now });
  assert.deepEqual(limiter.take('alice'), { allowed: true });
  time.advance(10_000);
  assert.deepEqual(limiter.take('alice'), { allowed: true });
  time.advance(5_000);
  assert.deepEqual(limiter.take('alice'), { allowed: false, retryAfterMs: 45_000, firstRefusal: true });
  assert.deepEqual(limiter.take('bob'), { allowed: true }, 'users are limited separately');
});

test('reports only the first refusal in a run as first, and resets once a use is allowed again', () => {
  const time = clock();
  const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: time.now });
  limiter.take('alice');
  const first = limiter.take('alice');
  const second = limiter.take('alice');
  assert.equal(first.allowed === false && first.firstRefusal, true);
  assert.equal(second.allowed === false && second.firstRefusal, false);
  time.advance(1000);
  assert.deepEqual(limiter.take('alice'), { allowed: true }, 'the window slides');
  const again = limiter.take('alice');
  assert.equal(again.allowed === false && again.firstRefusal, true);
});

test('refused attempts do not count as uses', () => {
  const time = clock();
  const limiter = createRateLimiter({ limit: 1, windowMs: 1000, now: time.now });
  limiter.take('alice');
  for (let i = 0; i < 5; i++) {
    time.advance(100);
    limiter.take('alice');
  }
  time.advance(500); // 1000 ms after the only allowed use
  assert.deepEqual(limiter.take('alice'), { allowed: true });
});

test('rejects a limit below 1', () => {
  assert.throws(() => createRateLimiter({ limit: 0, windowMs: 1000 }), RangeError);
});
