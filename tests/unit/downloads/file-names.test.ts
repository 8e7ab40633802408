// Names in a folder that never overwrite: "name.ext", "name (2).ext", … reserved atomically, so
// downloads running at once never pick the same one.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { numberedName, reserveFileName } from '../../../electron/downloads/file-names';
import { saveIntoFolder } from '../../../electron/browse/downloads-folder';

describe('download file names', () => {
  it('numbers from 2, before the extension', () => {
    expect(numberedName('report.pdf', 1)).toBe('report.pdf');
    expect(numberedName('report.pdf', 2)).toBe('report (2).pdf');
    expect(numberedName('archive.tar.gz', 3)).toBe('archive.tar (3).gz');
    expect(numberedName('README', 2)).toBe('README (2)');
    expect(numberedName('.env', 2)).toBe('.env (2)');
  });

  it('never overwrites, even when many reserve the same name at once', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ouro-names-'));
    writeFileSync(path.join(folder, 'data.csv'), 'keep me');
    const paths = await Promise.all(Array.from({ length: 12 }, () => reserveFileName(folder, 'data.csv')));
    expect(new Set(paths).size).toBe(12);
    expect(paths.map((p) => path.basename(p)).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `data (${i + 2}).csv`).sort());
    expect(readFileSync(path.join(folder, 'data.csv'), 'utf8')).toBe('keep me');
    expect(readdirSync(folder)).toHaveLength(13);
  });

  it('makes a name from Ouro safe for the file system (no folders, no reserved characters)', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ouro-names-'));
    const reserved = await reserveFileName(folder, '../../etc/passwd: "x"?');
    expect(path.dirname(reserved)).toBe(folder);
    expect(path.basename(reserved)).not.toMatch(/[/\\:"?]/);
  });

  it('the web host’s downloads folder numbers the same way', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'ouro-names-'));
    const choose = saveIntoFolder(folder);
    expect(path.basename((await choose('notes.txt')) ?? '')).toBe('notes.txt');
    expect(path.basename((await choose('notes.txt')) ?? '')).toBe('notes (2).txt');
  });
});
