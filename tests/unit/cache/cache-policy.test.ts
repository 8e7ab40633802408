import { describe, expect, it } from 'vitest';
import { cacheKey, stableJson } from '../../../electron/cache/cache-policy';

describe('which answers are kept, under which key', () => {
  const search = { section: 'files' as const, scope: 'personal' as const, sort: 'recent' as const, offset: 0, limit: 50 };

  it('keeps the first page of each section and filter, not later pages or typed searches', () => {
    expect(cacheKey('assets:search', search)).not.toBeNull();
    expect(cacheKey('assets:search', { ...search, offset: 50 })).toBeNull();
    expect(cacheKey('assets:search', { ...search, query: 'lab' })).toBeNull();
    expect(cacheKey('assets:search', { ...search, query: '   ' })).not.toBeNull();
    // Each filter is its own entry.
    expect(cacheKey('assets:search', { ...search, scope: 'all' })).not.toBe(cacheKey('assets:search', search));
  });

  it('keeps the newest messages only, and the first page of conversations', () => {
    expect(cacheKey('conversations:messages', { id: 'c', limit: 50 })).not.toBeNull();
    expect(cacheKey('conversations:messages', { id: 'c', limit: 50, before: '2026-01-01T00:00:00Z' })).toBeNull();
    expect(cacheKey('conversations:list', { offset: 0, limit: 50 })).not.toBeNull();
    expect(cacheKey('conversations:list', { offset: 50, limit: 50 })).toBeNull();
  });

  it('gives equal inputs equal keys whatever their key order, and different channels different keys', () => {
    expect(cacheKey('assets:search', { limit: 50, offset: 0, sort: 'recent', scope: 'personal', section: 'files' })).toBe(cacheKey('assets:search', search));
    expect(cacheKey('files:get', { id: 'x' })).not.toBe(cacheKey('files:preview', { id: 'x' }));
  });

  it('writes JSON with sorted keys and without undefined', () => {
    expect(stableJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"z":1}]},"b":1}');
  });
});
