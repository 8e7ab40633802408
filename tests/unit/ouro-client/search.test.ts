import { describe, expect, it } from 'vitest';
import { cleanFilters } from '../../../electron/ouro/search';
import { json, setup, type RecordedCall } from './helpers';

function asset(i: number) {
  return { id: `a${i}`, asset_type: 'file', name: `file ${i}` };
}

function params(call: RecordedCall | undefined): Record<string, string> {
  return Object.fromEntries(call?.url.searchParams.entries() ?? []);
}

describe('filter cleaning', () => {
  it('drops blank strings, null and undefined, inside arrays too', () => {
    expect(
      cleanFilters({ org_id: '', team_id: null, user_id: undefined, visibility: '  ', asset_type: ['file', '', null, ' dataset '], extension: [] }),
    ).toEqual({ asset_type: ['file', 'dataset'] });
    expect(cleanFilters({ org_id: '', team_id: null })).toBeUndefined();
    expect(cleanFilters({ top_level_only: false, size: 0 })).toEqual({ top_level_only: false, size: 0 });
  });
  it('sends filters and metadata_filters as JSON strings and never "" or null', async () => {
    const { client, server } = setup();
    server.on('GET /search/assets', () => json({ data: [], pagination: { offset: 0, limit: 50, hasMore: false } }));
    await client.search.assets({
      query: 'mnbi',
      scope: 'all',
      sort: 'recent',
      timeWindow: 'week',
      assetType: 'file',
      orgId: '',
      teamId: 'team-1',
      userId: null,
      visibility: undefined,
      metadataFilters: { extension: ['cif', '', 'xyz'], file_type: '' },
      limit: 50,
      offset: 100,
    });
    const sent = params(server.apiCalls[0]);
    expect(sent).toEqual({
      query: 'mnbi',
      scope: 'all',
      sort: 'recent',
      time_window: 'week',
      filters: '{"asset_type":"file","team_id":"team-1"}',
      metadata_filters: '{"extension":["cif","xyz"]}',
      limit: '50',
      offset: '100',
    });
    expect(server.apiCalls[0]?.url.search).not.toMatch(/null|%22%22/);
  });
  it('browses (no query, no filters) when everything is blank; clamps limit to 200', async () => {
    const { client, server } = setup();
    server.on('GET /search/assets', () => json({ data: [] }));
    await client.search.assets({ query: '   ', orgId: '', metadataFilters: { extension: '' }, limit: 5000, offset: -4 });
    expect(params(server.apiCalls[0])).toEqual({ limit: '200', offset: '0' });
  });
});

describe('pages', () => {
  it('nextOffset advances by items received, not by limit; total is kept', async () => {
    const { client, server } = setup();
    server.on('GET /search/assets', () => json({ data: [asset(1), asset(2), asset(3)], pagination: { offset: 40, limit: 20, hasMore: true, total: 99 } }));
    const page = await client.search.assets({ limit: 20, offset: 40 });
    expect(page).toMatchObject({ hasMore: true, nextOffset: 43, total: 99 });
    expect(page.items.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
  });
  it('the iterator pages until hasMore is false', async () => {
    const { client, server } = setup();
    const all = Array.from({ length: 450 }, (_, i) => asset(i));
    server.on('GET /search/assets', (call) => {
      const offset = Number(call.url.searchParams.get('offset'));
      // The server returns a little less than asked for, like a real deduplicating search.
      const limit = Number(call.url.searchParams.get('limit')) - 3;
      const data = all.slice(offset, offset + limit);
      return json({ data, pagination: { offset, limit, hasMore: offset + data.length < all.length } });
    });
    const seen: string[] = [];
    for await (const page of client.search.pages({ assetType: 'file' })) seen.push(...page.items.map((a) => a.id));
    expect(seen).toHaveLength(450);
    expect(new Set(seen).size).toBe(450);
    expect(server.apiCalls.map((c) => c.url.searchParams.get('offset'))).toEqual(['0', '197', '394']);
    expect(server.apiCalls.every((c) => c.url.searchParams.get('limit') === '200')).toBe(true);
  });
  it('stops on an empty page even if the server claims hasMore', async () => {
    const { client, server } = setup();
    server.on('GET /search/assets', () => json({ data: [], pagination: { hasMore: true } }));
    const pages = [];
    for await (const page of client.search.pages()) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.hasMore).toBe(false);
  });
  it('without pagination, a full page means maybe more', async () => {
    const { client, server } = setup();
    server.on('GET /search/assets', () => json({ data: [asset(1), asset(2)] }));
    expect((await client.search.assets({ limit: 2 })).hasMore).toBe(true);
    expect((await client.search.assets({ limit: 3 })).hasMore).toBe(false);
  });
});
