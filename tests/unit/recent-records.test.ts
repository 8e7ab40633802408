import { describe, expect, it, vi } from 'vitest';
import { recentRecords } from '../../electron/browse/recent-records';

describe('recent records', () => {
  it('shares one load between concurrent and recent callers of the same owner, then reloads', async () => {
    let time = 0;
    const records = recentRecords<string>(1000, () => time);
    const owner = {};
    const load = vi.fn(async () => `record ${load.mock.calls.length}`);
    const [a, b] = await Promise.all([records.get(owner, 'f1', load), records.get(owner, 'f1', load)]);
    expect([a, b]).toEqual(['record 1', 'record 1']);
    time = 999;
    expect(await records.get(owner, 'f1', load)).toBe('record 1');
    time = 1000;
    expect(await records.get(owner, 'f1', load)).toBe('record 2');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps owners (clients, so accounts) apart and never remembers a failure', async () => {
    const records = recentRecords<string>(60_000, () => 0);
    const failing = vi.fn(() => Promise.reject(new Error('404')));
    await expect(records.get({}, 'f1', failing)).rejects.toThrow('404');
    const owner = {};
    await expect(records.get(owner, 'f1', failing)).rejects.toThrow('404');
    await expect(records.get(owner, 'f1', async () => 'found')).resolves.toBe('found');
    await expect(records.get({}, 'f1', async () => 'other account')).resolves.toBe('other account');
    records.clear();
    await expect(records.get(owner, 'f1', async () => 'after sign-out')).resolves.toBe('after sign-out');
  });
});
