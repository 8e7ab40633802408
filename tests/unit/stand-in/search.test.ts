import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandIn, type StandIn } from '../../stand-in/index';
import { apiFor, qs, type Api, type AssetRowLike, type Envelope } from './helpers';

let s: StandIn;
let alice: Api;
let bob: Api;
beforeAll(async () => {
  s = await startStandIn({ quiet: true, seedFiles: 20_000 });
  alice = await apiFor(s);
  bob = await apiFor(s, s.otherApiKey);
});
afterAll(async () => {
  await s.close();
});

async function search(api: Api, params: Record<string, string | number | object>): Promise<{ status: number; body: Envelope<AssetRowLike[]> }> {
  return api.json<Envelope<AssetRowLike[]>>(`/search/assets?${qs(params)}`);
}

describe('browse and paging', () => {
  // How fast is the bench's business (npm run bench); a timed assertion here would only flake under load.
  it('pages through 20,000+ files by 200, newest first, no gaps or repeats', async () => {
    const seen = new Set<string>();
    let offset = 0;
    let total: number | undefined;
    let lastCreated = '9999';
    for (;;) {
      const { status, body } = await search(alice, { limit: 200, offset, filters: { asset_type: 'file' } });
      expect(status).toBe(200);
      total = body.pagination?.total;
      for (const row of body.data) {
        seen.add(row.id);
        const created = (row as unknown as { created_at: string }).created_at;
        expect(created <= lastCreated).toBe(true);
        lastCreated = created;
      }
      offset += body.data.length;
      if (!body.pagination?.hasMore) break;
    }
    // alice sees all generated files + her 10 seeded + bob's public and shared ones + carol's public one.
    expect(seen.size).toBe(total);
    expect(total).toBe(20_000 + 10 + 2 + 1);
  });

  it('defaults to limit 20 and rejects limit > 200 with a validation error', async () => {
    const first = await search(alice, {});
    expect(first.body.data).toHaveLength(20);
    expect(first.body.pagination).toMatchObject({ offset: 0, limit: 20, hasMore: true });
    const tooMany = await search(alice, { limit: 201 });
    expect([400, 422]).toContain(tooMany.status);
    expect((tooMany.body as unknown as { detail: { loc: string[] }[] }).detail[0]?.loc).toEqual(['query', 'limit']);
  });

  it('returns full asset rows', async () => {
    const { body } = await search(alice, { limit: 1 });
    expect(body.data[0]).toMatchObject({
      user: expect.objectContaining({ username: expect.any(String) }),
      organization: expect.objectContaining({ id: expect.any(String), name: expect.any(String) }),
      team: expect.objectContaining({ id: expect.any(String) }),
      slug: expect.stringMatching(/^\/files\//),
      url: expect.stringMatching(/^https:\/\/ouro\.foundation\//),
    });
  });
});

describe('filters', () => {
  it('500s like Postgres on blank uuid/enum filter values, 400 on bad JSON', async () => {
    const blank = await search(alice, { filters: { org_id: '' } });
    expect(blank.status).toBe(500);
    expect(JSON.stringify(blank.body)).toContain('invalid input syntax for type uuid');
    const blankEnum = await search(alice, { filters: { visibility: '' } });
    expect(blankEnum.status).toBe(500);
    const badJson = await alice.json(`/search/assets?filters=${encodeURIComponent('{nope')}`);
    expect(badJson.status).toBe(400);
    expect(badJson.body).toHaveProperty('detail');
  });

  it('null filter values match nothing', async () => {
    const { status, body } = await search(alice, { filters: { team_id: null } });
    expect(status).toBe(200);
    expect(body.data).toEqual([]);
  });

  it('filters by asset_type (string or array), team, extension and file_type', async () => {
    const datasets = await search(alice, { filters: { asset_type: 'dataset' } });
    expect(datasets.body.data.map((d) => d.name).sort()).toEqual(['furnace-runs-1k', 'station-readings-small', 'telemetry-100k']);
    const both = await search(alice, { filters: { asset_type: ['dataset', 'file'] }, limit: 1 });
    expect(both.body.pagination?.total).toBe(20_013 + 3);
    const crystal = s.seed.teams.find((t) => t.name === 'Crystal Growth');
    const inTeam = await search(alice, { filters: { team_id: crystal?.id ?? '' }, limit: 200 });
    expect(inTeam.body.data.every((r) => r.team_id === crystal?.id)).toBe(true);
    const pngs = await search(alice, { metadata_filters: { extension: ['png'] } });
    expect(pngs.body.data.map((r) => r.name).sort()).toEqual(['diffraction-pattern.png', 'team-logo.png']);
    const images = await search(alice, { metadata_filters: { file_type: 'image' } });
    expect(images.body.data).toHaveLength(2);
    const csvInQuery = await alice.json<Envelope<AssetRowLike[]>>(`/search/assets?asset_type=file&${qs({ metadata_filters: { extension: 'csv' } })}`);
    expect(csvInQuery.body.data.map((r) => r.name).sort()).toEqual(['bob-public-measurements.csv', 'furnace-temperatures.csv', 'sales-q3.csv']);
  });

  it('scope=personal returns only my assets', async () => {
    const { body } = await search(bob, { scope: 'personal', limit: 200 });
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((r) => r.user_id === s.seed.users.bob.id)).toBe(true);
  });
});

describe('queries and visibility', () => {
  it('matches names and descriptions case-insensitively with snippet/match_source', async () => {
    const { body } = await search(alice, { query: 'FURNACE' });
    expect(body.data[0]?.name).toBe('furnace-temperatures.csv');
    expect(body.data[0]?.match_source).toBe('name');
    const byDescription = await search(alice, { query: 'diffraction pattern of sample' });
    expect(byDescription.body.data[0]).toMatchObject({ name: 'diffraction-pattern.png', match_source: 'description' });
    expect(byDescription.body.data[0]?.snippet).toContain('diffraction pattern of sample');
  });

  it('a UUID query is a direct lookup', async () => {
    const file = s.seed.files.find((f) => f.name === 'README.md');
    const { body } = await search(alice, { query: file?.id ?? '' });
    expect(body.data.map((r) => r.id)).toEqual([file?.id]);
  });

  it("hides others' private and foreign-org assets", async () => {
    const diary = s.seed.files.find((f) => f.name === 'bob-private-diary.txt');
    const plan = s.seed.files.find((f) => f.name === 'workshop-plan.md');
    const found = await search(alice, { query: 'diary' });
    expect(found.body.data).toEqual([]);
    expect((await search(alice, { query: diary?.id ?? '' })).body.data).toEqual([]);
    expect((await search(alice, { query: 'workshop plan' })).body.data).toEqual([]);
    expect((await search(bob, { query: 'diary' })).body.data.map((r) => r.id)).toEqual([diary?.id]);
    expect((await search(bob, { query: 'workshop' })).body.data.map((r) => r.id)).toEqual([plan?.id]);
    expect((await alice.get(`/files/${diary?.id ?? ''}`)).status).toBe(404);
    // Bob cannot see alice's private files.
    const notes = s.seed.files.find((f) => f.name === 'lab-notes.txt');
    expect((await search(bob, { query: 'lab notes' })).body.data.map((r) => r.id)).not.toContain(notes?.id);
  });

  it('sorts by popularity and update time', async () => {
    const popular = await search(alice, { sort: 'popular', time_window: 'all', limit: 3 });
    const views = popular.body.data.map((r) => r.name);
    expect(views[0]).toBe('diffraction-pattern.png');
    const updated = await search(alice, { sort: 'updated', limit: 5 });
    expect(updated.status).toBe(200);
    const bad = await search(alice, { sort: 'weird' });
    expect(bad.status).toBe(422);
  });
});
