import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import dotenv from 'dotenv';
import { ConfigError, configSchema, loadConfig } from '../src/config.ts';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the config to be rejected');
}

describe('loadConfig', () => {
  test('SHARDS: unset is one process; auto or a number; anything else names the variable and the fix', () => {
    assert.equal(loadConfig({}).SHARDS, undefined);
    assert.equal(loadConfig({ SHARDS: 'auto' }).SHARDS, 'auto');
    assert.equal(loadConfig({ SHARDS: '4' }).SHARDS, 4);
    const bad = configError({ SHARDS: 'two' });
    assert.equal(bad.variable, 'SHARDS');
    assert.match(
      bad.message,
      /^Invalid SHARDS="two": expected auto or a whole number of shards .*leave it unset for one process/,
    );
    assert.equal(configError({ SHARDS: '0' }).variable, 'SHARDS');
    // In a shard process discord.js sets SHARDS to the shard's id: not this setting.
    assert.equal(loadConfig({ SHARDS: '0', SHARD_IDS: '0', SHARDING_MANAGER: 'true' }).SHARDS, undefined);
  });

  test('SHARD_IDS: ranges within SHARDS, which must be a number', () => {
    assert.deepEqual(loadConfig({ SHARDS: '8', SHARD_IDS: '4-6,0,5' }).SHARD_IDS, [0, 4, 5, 6]);
    assert.match(
      configError({ SHARDS: 'auto', SHARD_IDS: '0-3' }).message,
      /SHARD_IDS: it needs SHARDS set to the total/,
    );
    const outside = configError({ SHARDS: '4', SHARD_IDS: '2-4' });
    assert.equal(outside.variable, 'SHARD_IDS');
    assert.match(outside.message, /shard 4 does not exist with SHARDS=4 \(ids go from 0 to 3\)/);
    assert.equal(configError({ SHARDS: '4', SHARD_IDS: 'first' }).variable, 'SHARD_IDS');
  });

  test('defaults need no environment at all', () => {
    const config = loadConfig({});
    assert.equal(config.EMBEDDINGS, 'auto');
    assert.equal(config.INDEX_DIR, 'data/index');
    assert.equal(config.LLM_PROVIDER, 'none');
    assert.ok(Object.isFrozen(config));
  });

  test('an invalid value names the variable, the value and what is allowed, in one line', () => {
    const error = configError({ EMBEDDINGS: 'bert' });
    assert.equal(error.variable, 'EMBEDDINGS');
    assert.match(error.message, /^Invalid EMBEDDINGS="bert": allowed values are auto, local, hash\. Fix it in \.env/);
    assert.equal(error.message.includes('\n'), false);
    assert.match(configError({ TOP_K: '0' }).message, /^Invalid TOP_K="0": must be at least 1/);
    assert.match(configError({ LLM_BASE_URL: 'localhost:11434' }).message, /^Invalid LLM_BASE_URL=.*http\(s\) URL/);
    assert.match(
      configError({ DISCORD_CHANNEL_ALLOWLIST: '123456789012345678, general' }).message,
      /^Invalid DISCORD_CHANNEL_ALLOWLIST/,
    );
  });

  test('a Discord id that is too short says what an id looks like and where to copy it', () => {
    const message = configError({ DISCORD_CLIENT_ID: '123' }).message;
    assert.match(
      message,
      /^Invalid DISCORD_CLIENT_ID="123": expected a Discord application id .*Application ID\): 17–20 digits\./,
    );
    assert.doesNotThrow(() => loadConfig({ DISCORD_CLIENT_ID: '1234567890123456789' }));
  });

  test('secrets are never echoed in the error', () => {
    const error = configError({
      DISCORD_TOKEN: 'secret-token',
      LLM_API_KEY: 'sk-secret',
      TOP_K: 'x',
      LLM_TIMEOUT_MS: 'x',
    });
    assert.doesNotMatch(error.message, /secret/);
  });

  test('empty values fall back to the default; lists and booleans are parsed', () => {
    const config = loadConfig({
      TOP_K: '',
      ASK_PUBLIC_DEFAULT: 'false',
      DISCORD_CHANNEL_ALLOWLIST: '123456789012345678, 987654321098765432',
    });
    assert.equal(config.TOP_K, 5);
    assert.equal(config.ASK_PUBLIC_DEFAULT, false);
    assert.deepEqual(config.DISCORD_CHANNEL_ALLOWLIST, ['123456789012345678', '987654321098765432']);
  });

  test('an overlap as large as the chunk is refused with the fix', () => {
    const error = configError({ CHUNK_SIZE: '300', CHUNK_OVERLAP: '300' });
    assert.equal(error.variable, 'CHUNK_OVERLAP');
    assert.match(error.message, /smaller than CHUNK_SIZE \(300\)/);
  });

  test('.env.example documents every variable, with valid values', () => {
    const example = dotenv.parse(readFileSync(new URL('../.env.example', import.meta.url)));
    assert.deepEqual(
      Object.keys(configSchema.shape).filter((key) => !(key in example)),
      [],
    );
    assert.deepEqual(
      Object.keys(example).filter((key) => !(key in configSchema.shape)),
      [],
    );
    loadConfig(example);
  });
});
