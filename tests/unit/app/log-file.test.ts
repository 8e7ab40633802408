import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openLogFile } from '../../../electron/app/log-file';
import { createLogger } from '../../../electron/log';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'ouro-logs-'));

describe('the log file', () => {
  it('appends lines to main.log in the logs folder, creating the folder', () => {
    const dir = path.join(tempDir(), 'logs');
    const file = openLogFile({ dir });
    file.write('first');
    file.write('second');
    expect(file.path).toBe(path.join(dir, 'main.log'));
    expect(readFileSync(file.path, 'utf8')).toBe('first\nsecond\n');
  });

  it('rotates by size, keeping a bounded number of older files', () => {
    const dir = tempDir();
    const file = openLogFile({ dir, maxBytes: 100, keep: 2 });
    for (let i = 0; i < 12; i++) file.write(`line ${String(i).padStart(2, '0')} ${'x'.repeat(30)}`);
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const name of readdirSync(dir)) expect(readFileSync(path.join(dir, name)).length).toBeLessThanOrEqual(100);
    // Two 40-byte lines fit in 100 bytes: the newest pair is in main.log, the pair before in
    // main.1.log, then main.2.log; anything older is gone.
    const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
    expect(read('main.log')).toMatch(/^line 10 x+\nline 11 x+\n$/);
    expect(read('main.1.log')).toMatch(/^line 08 x+\nline 09 x+\n$/);
    expect(read('main.2.log')).toMatch(/^line 06 x+\nline 07 x+\n$/);
  });

  it('carries on from an existing file’s size after a restart', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'main.log'), 'y'.repeat(90));
    const file = openLogFile({ dir, maxBytes: 100, keep: 1 });
    file.write('z'.repeat(20));
    expect(readFileSync(path.join(dir, 'main.1.log'), 'utf8')).toBe('y'.repeat(90));
    expect(readFileSync(path.join(dir, 'main.log'), 'utf8')).toBe(`${'z'.repeat(20)}\n`);
  });

  it('never throws when the folder cannot be written; it says so once', () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const onError = vi.fn();
    const file = openLogFile({ dir: path.join(blocker, 'logs'), onError });
    expect(() => file.write('a')).not.toThrow();
    expect(() => file.write('b')).not.toThrow();
    expect(onError).toHaveBeenCalledOnce();
  });

  it('receives only redacted lines from the logger', () => {
    const dir = tempDir();
    const file = openLogFile({ dir });
    const log = createLogger({ write: (_level, line) => file.write(line) });
    const key = 'ouro_key_9f8e7d6c5b4a3210';
    log.addSecret(key);
    log.error('Sign-in failed', new Error(`refused ${key}`), { apiKey: 'another-secret-value' });
    const text = readFileSync(file.path, 'utf8');
    expect(text).toContain('Sign-in failed');
    expect(text).not.toContain(key);
    expect(text).not.toContain('another-secret-value');
    expect(existsSync(file.path)).toBe(true);
  });
});
