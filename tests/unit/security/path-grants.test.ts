// Main's grants of local paths: handles for what the person dropped or chose, a folder granting
// its subtree by real path (links resolved), and nothing else.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPathGrants } from '../../../electron/security/path-grants';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ouro-grants-')));
mkdirSync(path.join(root, 'folder', 'inner'), { recursive: true });
writeFileSync(path.join(root, 'folder', 'inner', 'a.txt'), 'a');
writeFileSync(path.join(root, 'single.txt'), 's');
writeFileSync(path.join(root, 'sibling.txt'), 'x');
symlinkSync(path.join(root, 'folder'), path.join(root, 'link-to-folder'));

describe('path grants', () => {
  it('grants what exists and is absolute, with a handle and a name; never hands back the path', async () => {
    const grants = createPathGrants();
    const result = await grants.grant([path.join(root, 'single.txt'), 'relative.txt', path.join(root, 'missing'), 42, path.join(root, 'folder')]);
    expect(result.map((g) => g?.name ?? null)).toEqual(['single.txt', null, null, null, 'folder']);
    expect(JSON.stringify(result)).not.toContain(root);
    expect(grants.resolve([result[0]?.id ?? '', result[4]?.id ?? ''])).toEqual({ paths: [path.join(root, 'single.txt'), path.join(root, 'folder')], unknown: 0 });
  });

  it('a folder grants its subtree, a file only itself; nothing else is allowed', async () => {
    const grants = createPathGrants();
    await grants.grant([path.join(root, 'folder'), path.join(root, 'single.txt')]);
    expect(grants.allows(path.join(root, 'folder'))).toBe(true);
    expect(grants.allows(path.join(root, 'folder', 'inner', 'a.txt'))).toBe(true);
    expect(grants.allows(path.join(root, 'single.txt'))).toBe(true);
    expect(grants.allows(path.join(root, 'sibling.txt'))).toBe(false);
    expect(grants.allows(path.join(root, 'folder-not-really', 'x'))).toBe(false);
    expect(grants.allows(root)).toBe(false);
    expect(grants.allows('/etc/passwd')).toBe(false);
    expect(grants.allows('relative/folder')).toBe(false);
  });

  it('a link is granted as what it points to', async () => {
    const grants = createPathGrants();
    const [granted] = await grants.grant([path.join(root, 'link-to-folder')]);
    expect(granted?.name).toBe('link-to-folder');
    expect(grants.resolve([granted?.id ?? '']).paths).toEqual([path.join(root, 'folder')]);
    expect(grants.allows(path.join(root, 'folder', 'inner', 'a.txt'))).toBe(true);
    // The link's own (unresolved) path is not what checks use.
    expect(grants.allows(path.join(root, 'link-to-folder', 'inner', 'a.txt'))).toBe(false);
  });

  it('handles the page makes up are unknown; sign-out forgets every grant', async () => {
    const grants = createPathGrants();
    const [granted] = await grants.grant([path.join(root, 'single.txt')]);
    expect(grants.resolve(['00000000-0000-4000-8000-000000000000', '/etc/passwd'])).toEqual({ paths: [], unknown: 2 });
    grants.clear();
    expect(grants.resolve([granted?.id ?? '']).unknown).toBe(1);
    expect(grants.allows(path.join(root, 'single.txt'))).toBe(false);
  });
});
