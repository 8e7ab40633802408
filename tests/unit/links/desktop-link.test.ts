import { describe, expect, it } from 'vitest';
import { desktopLinkFor, linksInArgv, parseDesktopLink } from '../../../electron/links/desktop-link';

const ID = '0b9e2c50-6f39-4a8e-9a55-1d2f3e4a5b6c';

describe('ouro:// links, strictly', () => {
  it.each([
    [`ouro://asset/${ID}`, { kind: 'asset', id: ID }],
    [`ouro://conversation/${ID}`, { kind: 'conversation', id: ID }],
    // Launchers may add one trailing slash; case is normalised.
    [`ouro://asset/${ID}/`, { kind: 'asset', id: ID }],
    [`OURO://ASSET/${ID.toUpperCase()}`, { kind: 'asset', id: ID }],
    [`  ouro://conversation/${ID}\n`, { kind: 'conversation', id: ID }],
  ])('opens %s', (link, target) => {
    expect(parseDesktopLink(link)).toEqual({ ok: true, target });
  });

  it.each([
    ['not a string', 42, 'not a link'],
    ['empty', '', 'empty'],
    ['another scheme', `https://ouro.foundation/files/alice/${ID}`, 'Only ouro://'],
    ['a file: link', `file:///etc/passwd`, 'Only ouro://'],
    ['no host', `ouro:asset/${ID}`, 'neither'],
    ['three slashes', `ouro:///asset/${ID}`, 'neither'],
    ['an unknown kind', `ouro://upload/${ID}`, '“upload” is neither'],
    ['an action-looking kind', `ouro://sign-out/${ID}`, 'neither'],
    ['no id', 'ouro://asset/', 'valid asset id'],
    ['a non-uuid id', 'ouro://asset/lab-notes.txt', 'valid asset id'],
    ['a percent-encoded id', `ouro://asset/%30b9e2c50-6f39-4a8e-9a55-1d2f3e4a5b6c`, 'valid asset id'],
    ['a path after the id', `ouro://asset/${ID}/download`, 'valid asset id'],
    ['two ids', `ouro://conversation/${ID}/${ID}`, 'valid conversation id'],
    ['a query', `ouro://asset/${ID}?action=delete`, 'extra parts'],
    ['an empty query', `ouro://asset/${ID}?`, 'extra parts'],
    ['a fragment', `ouro://asset/${ID}#x`, 'extra parts'],
    ['credentials', `ouro://user:pw@asset/${ID}`, 'never have'],
    ['a port', `ouro://asset:443/${ID}`, 'never have'],
    ['a space inside', `ouro://asset/ ${ID}`, 'characters'],
    ['a control character', `ouro://asset/${ID}\u0000`, 'characters'],
    ['a backslash', `ouro://asset\\${ID}`, 'characters'],
    ['far too long', `ouro://asset/${ID}${'a'.repeat(300)}`, 'too long'],
  ])('refuses %s, saying why', (_name, link, reason) => {
    const parsed = parseDesktopLink(link);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toContain(reason);
  });

  it('builds the link for an item: conversations by their own form, files and datasets as assets', () => {
    expect(desktopLinkFor({ type: 'file', id: ID })).toBe(`ouro://asset/${ID}`);
    expect(desktopLinkFor({ type: 'dataset', id: ID.toUpperCase() })).toBe(`ouro://asset/${ID}`);
    expect(desktopLinkFor({ type: 'conversation', id: ID })).toBe(`ouro://conversation/${ID}`);
    expect(() => desktopLinkFor({ type: 'file', id: '../../etc' })).toThrow();
    // Every link it builds parses back to the same item.
    expect(parseDesktopLink(desktopLinkFor({ type: 'conversation', id: ID }))).toEqual({ ok: true, target: { kind: 'conversation', id: ID } });
  });

  it('finds the links among a command line, ignoring switches and paths, at most five', () => {
    const argv = ['C:\\Ouro\\Ouro.exe', '--', '--inspect=9229', `ouro://asset/${ID}`, 'C:\\evil.exe', `OURO://conversation/${ID}`];
    expect(linksInArgv(argv)).toEqual([`ouro://asset/${ID}`, `OURO://conversation/${ID}`]);
    expect(linksInArgv(Array.from({ length: 9 }, () => `ouro://asset/${ID}`))).toHaveLength(5);
    expect(linksInArgv(['/usr/bin/electron', '/home/a/ouro-desktop'])).toEqual([]);
  });
});
