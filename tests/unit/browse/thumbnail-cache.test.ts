// The on-disk thumbnail cache: hits after a put, survives a new instance over the same folder,
// stays within its byte budget by dropping the least recently used, and clears its folder.
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createThumbnailCache } from '../../../electron/browse/thumbnail-cache';
import { fitWithin } from '../../../electron/browse/thumbnailer';

const folder = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'ouro-thumbs-')), 'account');
const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('thumbnail cache', () => {
  it('returns what was put, also from a new instance over the same folder', async () => {
    const dir = folder();
    const cache = createThumbnailCache(dir, 10_000);
    expect(await cache.get('a')).toBeNull();
    await cache.put('a', bytes(100, 7));
    expect(await cache.get('a')).toEqual(bytes(100, 7));
    const again = createThumbnailCache(dir, 10_000);
    expect(await again.get('a')).toEqual(bytes(100, 7));
    expect(await again.size()).toBe(100);
  });

  it('keeps within its budget by dropping the least recently used first', async () => {
    let clock = 1_000_000;
    const cache = createThumbnailCache(folder(), 1_000, () => clock++);
    for (const key of ['a', 'b', 'c', 'd']) await cache.put(key, bytes(250, 1));
    // 'a' is used again: 'b' is now the oldest.
    await cache.get('a');
    await cache.put('e', bytes(250, 2));
    expect(await cache.size()).toBeLessThanOrEqual(1_000);
    expect(await cache.get('b')).toBeNull();
    expect(await cache.get('a')).not.toBeNull();
    expect(await cache.get('e')).not.toBeNull();
  });

  it('refuses nothing but never stores something larger than the whole budget', async () => {
    const cache = createThumbnailCache(folder(), 100);
    await cache.put('big', bytes(101, 1));
    expect(await cache.get('big')).toBeNull();
  });

  it('clear removes the folder', async () => {
    const dir = folder();
    const cache = createThumbnailCache(dir, 10_000);
    await cache.put('a', bytes(10, 1));
    expect(readdirSync(dir)).toHaveLength(1);
    await cache.clear();
    expect(() => readdirSync(dir)).toThrow();
    expect(await cache.get('a')).toBeNull();
  });
});

describe('fitWithin', () => {
  it('scales down to fit, keeps the aspect ratio, never scales up', () => {
    expect(fitWithin(1000, 500, 64)).toEqual({ width: 64, height: 32 });
    expect(fitWithin(10, 4000, 64)).toEqual({ width: 1, height: 64 });
    expect(fitWithin(20, 10, 64)).toEqual({ width: 20, height: 10 });
  });
});
