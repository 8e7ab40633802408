import { describe, expect, it } from 'vitest';
import { isOuroWebHost, parseOuroReference } from '../../../electron/links/ouro-reference';

const ID = '0b9e2c50-6f39-4a8e-9a55-1d2f3e4a5b6c';

describe('what may be pasted to open an item', () => {
  it.each([
    [ID, { kind: 'id', id: ID }],
    [` ${ID.toUpperCase()} `, { kind: 'id', id: ID }],
    [`ouro://asset/${ID}`, { kind: 'id', id: ID }],
    [`ouro://conversation/${ID}`, { kind: 'conversation', id: ID }],
    [`https://ouro.foundation/conversations/${ID}`, { kind: 'conversation', id: ID }],
    [`https://ouro.foundation/files/alice/${ID}`, { kind: 'id', id: ID }],
    [`ouro.foundation/datasets/helios-lab/${ID}?intent=share`, { kind: 'id', id: ID }],
    [`https://dev.ouro.foundation/files/alice/${ID}`, { kind: 'id', id: ID }],
    ['https://ouro.foundation/files/alice/lab-notes-txt', { kind: 'path', assetType: 'file', owner: 'alice', name: 'lab-notes-txt', path: '/files/alice/lab-notes-txt' }],
    ['https://ouro.foundation/posts/alice/my-post', { kind: 'path', assetType: 'post', owner: 'alice', name: 'my-post', path: '/posts/alice/my-post' }],
  ])('reads %s', (text, ref) => {
    expect(parseOuroReference(text)).toEqual({ ok: true, ref });
  });

  it.each([
    ['another site', `https://evil.example/files/alice/${ID}`, 'not to ouro.foundation'],
    ['a look-alike host', `https://ouro.foundation.evil.example/files/alice/${ID}`, 'not to ouro.foundation'],
    ['the API host', `https://api.ouro.foundation/files/${ID}`, 'not to ouro.foundation'],
    ['a page that is no item', 'https://ouro.foundation/settings/api-keys', 'does not point'],
    ['a conversation without an id', 'https://ouro.foundation/conversations/mine', 'does not point'],
    ['a malformed ouro:// link', 'ouro://asset/nope', 'valid asset id'],
    ['plain words', 'lab notes', 'Paste an Ouro link'],
  ])('refuses %s', (_name, text, reason) => {
    const parsed = parseOuroReference(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toContain(reason);
  });

  it('knows the Ouro website from other hosts', () => {
    expect(isOuroWebHost('ouro.foundation')).toBe(true);
    expect(isOuroWebHost('www.ouro.foundation')).toBe(true);
    expect(isOuroWebHost('api.ouro.foundation')).toBe(false);
    expect(isOuroWebHost('notouro.foundation')).toBe(false);
  });
});
