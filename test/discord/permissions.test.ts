import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PermissionFlagsBits } from 'discord.js';
import { canManageIndex, isChannelAllowed } from '../../src/discord/permissions.ts';

const MEMBER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;

test('Manage Server or Administrator may reindex; an ordinary member may not', () => {
  assert.equal(canManageIndex({ permissions: MEMBER, roleIds: [] }, undefined), false);
  assert.equal(canManageIndex({ permissions: MEMBER | PermissionFlagsBits.ManageGuild, roleIds: [] }, undefined), true);
  assert.equal(canManageIndex({ permissions: PermissionFlagsBits.Administrator, roleIds: [] }, undefined), true);
  assert.equal(
    canManageIndex({ permissions: (MEMBER | PermissionFlagsBits.ManageGuild).toString(), roleIds: [] }, undefined),
    true,
    'accepts the API string form',
  );
});

test('the configured admin role grants it; other roles and no guild do not', () => {
  assert.equal(canManageIndex({ permissions: MEMBER, roleIds: ['111111', '222222'] }, '222222'), true);
  assert.equal(canManageIndex({ permissions: MEMBER, roleIds: ['111111'] }, '222222'), false);
  assert.equal(canManageIndex({ permissions: null, roleIds: [] }, '222222'), false);
});

test('the channel allowlist allows everything when empty, else listed channels and their threads', () => {
  assert.equal(isChannelAllowed(undefined, '100000'), true);
  assert.equal(isChannelAllowed([], '100000'), true);
  assert.equal(isChannelAllowed(['100000'], '100000'), true);
  assert.equal(isChannelAllowed(['100000'], '200000'), false);
  assert.equal(isChannelAllowed(['100000'], '300000', '100000'), true, 'a thread of an allowed channel');
  assert.equal(isChannelAllowed(['100000'], null), false);
});
