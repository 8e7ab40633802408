// The index journal: survives a reopen, skips a torn last line, compacts atomically.
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSyncIndex } from '../../../electron/sync/sync-index';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ouro-index-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const fail = (error: unknown) => {
  throw error;
};

describe('sync index', () => {
  it('reads back entries and pending uploads after a reopen, and skips a torn last line', async () => {
    const file = path.join(dir, 'a.jsonl');
    const index = await openSyncIndex(file, fail);
    index.set('a.txt', { assetId: 'id-a', size: 1, mtimeMs: 10, sha256: 'aa' });
    index.set('b.txt', { assetId: null, size: 2, mtimeMs: 20, sha256: null });
    index.delete('b.txt');
    index.addPending({ uploadId: 'u1', rel: 'c.txt', kind: 'file', size: 3, mtimeMs: 30 });
    index.addPending({ uploadId: 'u2', rel: 'd.txt', kind: 'replace', size: 4, mtimeMs: 40 });
    index.removePending('u1');
    await index.close();
    appendFileSync(file, '{"p":"torn.txt","e":{"assetId":"x"');

    const again = await openSyncIndex(file, fail);
    expect([...again.entries()]).toEqual([['a.txt', { assetId: 'id-a', size: 1, mtimeMs: 10, sha256: 'aa' }]]);
    expect([...again.pending()].map((p) => p.uploadId)).toEqual(['u2']);
  });

  it('compacts a long journal into what it holds', async () => {
    const file = path.join(dir, 'b.jsonl');
    const index = await openSyncIndex(file, fail);
    for (let round = 0; round < 5; round++) for (let i = 0; i < 500; i++) index.set(`f${i}.txt`, { assetId: `id${i}`, size: round, mtimeMs: i, sha256: null });
    await index.flush();
    await index.flush();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThan(2 * 500 + 1000 + 1);
    const again = await openSyncIndex(file, fail);
    expect(again.size).toBe(500);
    expect(again.get('f7.txt')?.size).toBe(4);
  });
});
