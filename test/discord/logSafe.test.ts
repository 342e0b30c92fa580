import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorForLog } from '../../src/discord/logSafe.ts';

test('interaction and webhook tokens in error URLs, messages and causes are masked', () => {
  const error = Object.assign(new Error('Request to /interactions/123/secret-token/callback failed'), {
    status: 400,
    method: 'PATCH',
    url: 'https://discord.com/api/v10/webhooks/456/aW50ZXJhY3Rpb24/messages/@original',
    cause: new Error('during /webhooks/456/other-secret?wait=true'),
  });
  const logged = JSON.stringify(errorForLog(error));
  for (const secret of ['secret-token', 'aW50ZXJhY3Rpb24', 'other-secret']) assert.ok(!logged.includes(secret), secret);
  const copy = errorForLog(error) as Record<string, unknown>;
  assert.equal(copy['url'], 'https://discord.com/api/v10/webhooks/456/[redacted]/messages/@original');
  assert.equal(copy['status'], 400);
  assert.equal(copy['type'], 'Error');
  assert.equal(errorForLog('plain'), 'plain');
});
