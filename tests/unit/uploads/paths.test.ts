// Paths are re-validated in main: only what main granted is read (links resolved, so a link in a
// dropped folder cannot lead out of it), each rejected file gets its own reason, and folders
// expand recursively without hidden or system files, surviving symlink loops.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPathGrants } from '../../../electron/security/path-grants';
import { validatePaths } from '../../../electron/uploads/paths';
import { skipReason } from '../../../shared/upload-names';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ouro-paths-')));
const outside = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ouro-paths-outside-')));
const grants = createPathGrants();
const allowed = (real: string) => grants.allows(real);

beforeAll(async () => {
  await grants.grant([root]);
});

describe('skipReason', () => {
  it.each([
    ['.DS_Store', 'system'],
    ['Thumbs.db', 'system'],
    ['desktop.ini', 'system'],
    ['._photo.jpg', 'system'],
    ['~$report.docx', 'system'],
    ['.env', 'hidden'],
    ['.git', 'hidden'],
    ['photo.jpg', null],
    ['data.csv', null],
  ])('%s → %s', (name, reason) => {
    expect(skipReason(name)).toBe(reason);
  });
});

describe('validatePaths', () => {
  it('gives each rejected file its reason', async () => {
    const big = path.join(root, 'big.bin');
    writeFileSync(big, Buffer.alloc(2048));
    const loopA = path.join(root, 'loop-a');
    const loopB = path.join(root, 'loop-b');
    symlinkSync(loopB, loopA);
    symlinkSync(loopA, loopB);
    const dangling = path.join(root, 'dangling');
    symlinkSync(path.join(root, 'nowhere'), dangling);
    const result = await validatePaths([big, path.join(root, 'gone.txt'), '/dev/null', loopA, dangling, 'relative/path'], { maxFileBytes: 1024, allowed });
    expect(result.files).toEqual([]);
    expect(result.rejected.map((r) => [r.name, r.reason])).toEqual([
      ['big.bin', 'too-large'],
      ['gone.txt', 'vanished'],
      ['null', 'not-granted'],
      ['loop-a', 'symlink-loop'],
      ['dangling', 'vanished'],
      ['path', 'vanished'],
    ]);
    expect(result.rejected[0]?.message).toMatch(/2\.0 KiB, over the 1\.0 KiB limit/);
  });

  it('a file that cannot be opened for reading is rejected as unreadable', async () => {
    const locked = path.join(root, 'locked-simulated.txt');
    writeFileSync(locked, 'x');
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const result = await validatePaths([locked], { maxFileBytes: 1024, allowed, checkReadable: () => Promise.reject(denied) });
    expect(result.rejected.map((r) => r.reason)).toEqual(['unreadable']);
  });

  it('a file without read permission is rejected as unreadable (real permissions)', async (ctx) => {
    if (process.getuid?.() === 0) {
      const reason = 'running as root, which can read any file; the simulated test above covers the rejection';
      console.info(`skipped: ${reason}`);
      ctx.skip(reason);
    }
    const { chmodSync } = await import('node:fs');
    const locked = path.join(root, 'locked.txt');
    writeFileSync(locked, 'x');
    chmodSync(locked, 0o000);
    const result = await validatePaths([locked], { maxFileBytes: 1024, allowed });
    expect(result.rejected.map((r) => r.reason)).toEqual(['unreadable']);
  });

  it('expands folders recursively, skipping hidden and system files, and never loops', async () => {
    const top = path.join(root, 'tree');
    mkdirSync(path.join(top, 'a', 'b'), { recursive: true });
    mkdirSync(path.join(top, '.git'));
    writeFileSync(path.join(top, 'one.txt'), '1');
    writeFileSync(path.join(top, 'a', 'two.txt'), '22');
    writeFileSync(path.join(top, 'a', 'b', 'three.txt'), '333');
    writeFileSync(path.join(top, '.git', 'HEAD'), 'x');
    writeFileSync(path.join(top, 'a', '.DS_Store'), 'x');
    writeFileSync(path.join(top, 'a', 'b', 'Thumbs.db'), 'x');
    writeFileSync(path.join(top, '.hidden'), 'x');
    symlinkSync(top, path.join(top, 'a', 'b', 'back-to-top'));
    const result = await validatePaths([top], { maxFileBytes: 1024, allowed });
    expect(result.files.map((f) => [path.relative(top, f.path), f.size])).toEqual([
      ['a/b/three.txt', 3],
      ['a/two.txt', 2],
      ['one.txt', 1],
    ]);
    expect(result.skipped).toEqual({ hidden: 2, system: 2 });
    expect(result.rejected).toEqual([]);
  });

  it('a hidden file dropped on its own is uploaded (only folder contents are filtered)', async () => {
    const file = path.join(root, '.bashrc-copy');
    writeFileSync(file, 'x');
    expect((await validatePaths([file], { maxFileBytes: 10, allowed })).files).toHaveLength(1);
  });

  it('reads nothing outside what was granted: not /etc/passwd, not a link out of a granted folder', async () => {
    const secret = path.join(outside, 'id_rsa');
    writeFileSync(secret, 'PRIVATE KEY');
    mkdirSync(path.join(outside, 'ssh'));
    writeFileSync(path.join(outside, 'ssh', 'config'), 'x');
    const folder = path.join(root, 'dropped');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'fine.txt'), 'fine');
    symlinkSync(secret, path.join(folder, 'key-link'));
    symlinkSync(path.join(outside, 'ssh'), path.join(folder, 'dir-link'));
    const result = await validatePaths([folder, '/etc/passwd', secret, path.join(outside, 'missing')], { maxFileBytes: 1024, allowed });
    expect(result.files.map((f) => f.name)).toEqual(['fine.txt']);
    expect(result.rejected.map((r) => [r.name, r.reason])).toEqual([
      ['dir-link', 'not-granted'],
      ['key-link', 'not-granted'],
      ['passwd', 'not-granted'],
      ['id_rsa', 'not-granted'],
      // Outside the grants even "it does not exist" is not said.
      ['missing', 'not-granted'],
    ]);
    expect(result.rejected[0]?.message).toMatch(/not given this file/);
  });

  it('records the real path it checked, not a link that could later point elsewhere', async () => {
    const target = path.join(root, 'real-target.txt');
    writeFileSync(target, 'abc');
    const link = path.join(root, 'link-to-target.txt');
    symlinkSync(target, link);
    const result = await validatePaths([link], { maxFileBytes: 1024, allowed });
    expect(result.files).toEqual([{ path: target, name: 'link-to-target.txt', size: 3 }]);
  });
});
