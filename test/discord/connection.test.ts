// The one-line cause of a failed connection, for errors shaped as Node, undici and discord.js raise them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GatewayCloseCodes } from 'discord.js';
import { describeConnectionError, GatewayClosedError } from '../../src/discord/connection.ts';

const withCode = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

test("DNS: the host that does not resolve, found through fetch's wrapped cause", () => {
  const error = new TypeError('fetch failed', {
    cause: withCode('getaddrinfo ENOTFOUND discord.com', { code: 'ENOTFOUND', hostname: 'discord.com' }),
  });
  const line = describeConnectionError(error);
  assert.match(
    line,
    /^Cannot reach Discord: the host name discord\.com does not resolve \(DNS, ENOTFOUND\)\. Check the network connection\.$/,
  );
});

test('refused: inside an AggregateError (one error per address tried), naming DISCORD_API_URL when set', () => {
  const error = new AggregateError(
    [withCode('connect ECONNREFUSED ::1:8080', { code: 'ECONNREFUSED' })],
    'connect failed',
  );
  assert.match(
    describeConnectionError(error, 'http://localhost:8080/api'),
    /DISCORD_API_URL \(http:\/\/localhost:8080\/api\) refused the connection \(ECONNREFUSED\)/,
  );
  assert.match(describeConnectionError(error), /discord\.com refused the connection.*proxy or firewall/);
});

test('invalid token: a REST 401, discord.js TokenInvalid, or gateway close 4004', () => {
  for (const error of [
    withCode('401: Unauthorized', { status: 401 }),
    withCode('An invalid token was provided.', { code: 'TokenInvalid' }),
    new GatewayClosedError(GatewayCloseCodes.AuthenticationFailed),
  ]) {
    assert.match(describeConnectionError(error), /^Discord rejected DISCORD_TOKEN \(401 Unauthorized\)/);
  }
});

test('missing intent: gateway close 4014 points at the portal setting', () => {
  assert.match(
    describeConnectionError(new GatewayClosedError(GatewayCloseCodes.DisallowedIntents)),
    /4014.*Privileged Gateway Intents/,
  );
});

test('anything else keeps its message, on one line', () => {
  const line = describeConnectionError(withCode('Service Unavailable', { status: 503 }));
  assert.equal(line, 'Could not talk to Discord (HTTP 503): Service Unavailable');
});
