// Ouro ids in the contract are what Ouro uses — any 8-4-4-4-12 hex id, as the recorded answers
// have them (the all-zero global organization, ids that are not RFC 4122 v1–v8) — on every
// channel that names an Ouro item, issue 13's and 16's included; anything that could change an
// API path ('..', a slash, a lone surrogate) is refused before a handler runs.
import { describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../shared/contract';

const ouroIds = ['00000000-0000-0000-0000-000000000001', 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', '0f8fad5b-d9cb-469f-a165-70867728950e'];
const attacks = ['..', '../../user', 'a/b', '\ud800', ''];

/** Each channel, with an input that names `id` wherever it takes an Ouro id. */
const inputs: Array<[Channel, (id: string) => unknown]> = [
  ['files:get', (id) => ({ id })],
  ['assets:update', (id) => ({ id, assetType: 'file', changes: { name: 'x' } })],
  ['assets:update', (id) => ({ id: ouroIds[2], assetType: 'dataset', changes: { move: { orgId: id, teamId: id } } })],
  ['assets:delete-preview', (id) => ({ items: [{ id, assetType: 'file' }] })],
  ['assets:delete', (id) => ({ token: '0f8fad5b-d9cb-469f-a165-70867728950e', ids: [id] })],
  ['files:replace-content', (id) => ({ id, staged: ['0f8fad5b-d9cb-469f-a165-70867728950e'] })],
  ['downloads:bulk', (id) => ({ items: [{ id, assetType: 'dataset' }] })],
  ['drag:prepare', (id) => ({ items: [{ id, assetType: 'file' }] })],
  ['notifications:open', (id) => ({ id })],
  ['links:desktop-link', (id) => ({ type: 'conversation', id })],
  ['outbox:send', (id) => ({ conversationId: id, text: 'hi' })],
];

describe('Ouro ids in the contract', () => {
  for (const [channel, input] of inputs) {
    it(`${channel} takes Ouro's ids and refuses what could rewrite a path`, () => {
      for (const id of ouroIds) expect(channels[channel].input.safeParse(input(id)).success, `${channel} ${id}`).toBe(true);
      for (const id of attacks) expect(channels[channel].input.safeParse(input(id)).success, `${channel} ${JSON.stringify(id)}`).toBe(false);
    });
  }
});
