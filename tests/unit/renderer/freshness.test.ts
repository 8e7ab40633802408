// "Updated N min ago" beside kept answers, and "Offline · …" when main answered from its cache.
import { describe, expect, it } from 'vitest';
import { updatedAgo } from '../../../shared/cache';
import { freshnessText } from '../../../renderer/src/components/FreshnessMark';

const now = Date.UTC(2026, 10, 30, 12, 0, 0);
const ago = (ms: number) => now - ms;
const MIN = 60_000;

describe('updatedAgo', () => {
  it('says just now under a minute, then minutes, hours and days', () => {
    expect(updatedAgo(ago(20_000), now)).toBe('Updated just now');
    expect(updatedAgo(ago(5 * MIN), now)).toBe('Updated 5 min ago');
    expect(updatedAgo(ago(59 * MIN), now)).toBe('Updated 59 min ago');
    expect(updatedAgo(ago(3 * 60 * MIN), now)).toBe('Updated 3 h ago');
    expect(updatedAgo(ago(24 * 60 * MIN), now)).toBe('Updated 1 day ago');
    expect(updatedAgo(ago(2 * 24 * 60 * MIN), now)).toBe('Updated 2 days ago');
  });

  it('never says a time in the future (a clock a little ahead of main)', () => {
    expect(updatedAgo(now + 5_000, now)).toBe('Updated just now');
  });
});

describe('freshnessText', () => {
  it('prefixes Offline only when offline', () => {
    expect(freshnessText(ago(5 * MIN), false, now)).toBe('Updated 5 min ago');
    expect(freshnessText(ago(5 * MIN), true, now)).toBe('Offline · Updated 5 min ago');
  });
});
