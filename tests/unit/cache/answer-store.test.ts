// One account's LevelDB: the LRU budget, entries too big to keep, and the order surviving a restart.
import { mkdtemp, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAnswerStore } from '../../../electron/cache/answer-store';
import { createLogger } from '../../../electron/log';

const log = createLogger({ write: () => {} });

function clock() {
  let now = 1_000;
  return { now: () => (now += 10) };
}

const payload = (n: number, bytes = 900) => JSON.stringify({ n, text: 'x'.repeat(bytes) });

describe('answer store', () => {
  it('keeps what it was given, with when it was saved', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ouro-store-'));
    const store = await openAnswerStore({ dir, budgetBytes: 1_000_000, log });
    await store.put('files:get {"id":"a"}', '{"name":"a.txt"}', 123);
    expect(await store.get('files:get {"id":"a"}')).toEqual({ json: '{"name":"a.txt"}', savedAt: 123 });
    expect(await store.get('files:get {"id":"b"}')).toBeNull();
    await store.put('files:get {"id":"a"}', '{"name":"renamed.txt"}', 456);
    expect(await store.get('files:get {"id":"a"}')).toEqual({ json: '{"name":"renamed.txt"}', savedAt: 456 });
    expect(store.usage().entries).toBe(1);
    await store.close();
  });

  it('a read right behind a write of the same key waits for it, and never loses the entry', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ouro-store-'));
    const store = await openAnswerStore({ dir, budgetBytes: 1_000_000, log });
    for (let i = 0; i < 50; i++) {
      const written = store.put(`k${i}`, payload(i), i);
      expect(await store.get(`k${i}`)).toMatchObject({ savedAt: i });
      await written;
    }
    expect(store.usage().entries).toBe(50);
    await store.close();
  });

  it('stays within its budget by evicting the least recently used first', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ouro-store-'));
    const budget = 20_000;
    const store = await openAnswerStore({ dir, budgetBytes: budget, log, ...clock() });
    for (let i = 0; i < 15; i++) await store.put(`k${i}`, payload(i), i);
    // Reading k0 makes it recent: k1… go first instead.
    expect(await store.get('k0')).not.toBeNull();
    for (let i = 15; i < 60; i++) {
      await store.put(`k${i}`, payload(i), i);
      if (i % 5 === 0) await store.get('k0');
      expect(store.usage().bytes).toBeLessThanOrEqual(budget);
    }
    expect(await store.get('k0')).not.toBeNull();
    expect(await store.get('k1')).toBeNull();
    expect(await store.get('k59')).not.toBeNull();
    expect(store.usage().entries).toBeLessThanOrEqual(Math.floor(budget / 900));
    expect(store.usage().entries).toBeGreaterThan(10);
    await store.close();
  });

  it('does not keep an answer bigger than a quarter of the budget, and drops an older copy of it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ouro-store-'));
    const store = await openAnswerStore({ dir, budgetBytes: 10_000, log });
    await store.put('preview', payload(1, 100), 1);
    await store.put('preview', payload(2, 3_000), 2);
    expect(await store.get('preview')).toBeNull();
    expect(store.usage()).toEqual({ bytes: 0, entries: 0 });
    await store.close();
  });

  it('remembers sizes and the order of use across a restart', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ouro-store-'));
    const first = await openAnswerStore({ dir, budgetBytes: 8_000, log, ...clock() });
    for (let i = 0; i < 5; i++) await first.put(`k${i}`, payload(i), i);
    await first.get('k0'); // recorded at close, even before the periodic flush
    const before = first.usage();
    await first.close();

    const second = await openAnswerStore({ dir, budgetBytes: 8_000, log, now: () => 1_000_000 });
    expect(second.usage()).toEqual(before);
    for (let i = 5; i < 10; i++) await second.put(`k${i}`, payload(i), i);
    expect(await second.get('k0')).not.toBeNull();
    expect(await second.get('k1')).toBeNull();
    await second.close();
  });

  it('stays near its budget on disk, however much has passed through it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ouro-store-'));
    const budget = 400_000;
    const store = await openAnswerStore({ dir, budgetBytes: budget, log });
    const incompressible = (i: number) => JSON.stringify({ i, data: Array.from({ length: 600 }, (_, j) => ((i * 7919 + j * 104729) % 1_000_003).toString(36)).join('') });
    for (let i = 0; i < 2_000; i++) await store.put(`k${i}`, incompressible(i), i);
    await store.close();
    const files = await readdir(dir);
    let size = 0;
    for (const file of files) size += (await stat(path.join(dir, file))).size;
    // Written: ~4.8 MB of answers; on disk, the budget plus LevelDB's own overhead.
    expect(size).toBeLessThan(budget * 3);
  });
});
