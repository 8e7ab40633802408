// Opening an asset's details records a view on the stand-in (which validates the SDK's body and
// counts it), without the details ever waiting for it or failing because of it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { HandlerContext } from '../../electron/ipc/handlers';
import type { MainServices } from '../../electron/services';
import { testServices } from '../helpers/services';
import { startStandIn, type StandIn } from '../stand-in/index';

let standIn: StandIn;
const running: MainServices[] = [];
beforeAll(async () => {
  standIn = await startStandIn({ quiet: true });
});
afterEach(async () => {
  standIn.faults.clear();
  for (const services of running.splice(0)) await services.dispose();
});
afterAll(() => standIn.close());

const context: HandlerContext = { host: 'web' };

async function signedIn(): Promise<MainServices> {
  const services = testServices({ apiBaseUrl: standIn.url, fetch: globalThis.fetch });
  running.push(services);
  await services.start();
  await services.account.signIn({ apiKey: standIn.apiKey });
  return services;
}

async function views(services: MainServices, id: string): Promise<number> {
  const res = await services.account.client().http.data({ method: 'GET', path: `/assets/${id}/counts` }, z.looseObject({ views: z.number() }));
  return res.views;
}

const seeded = (name: string) => standIn.seed.files.find((f) => f.name === name)?.id ?? standIn.seed.datasets.find((d) => d.name === name)?.id ?? '';
const viewPosts = (id: string) => standIn.log.filter((e) => e.method === 'POST' && e.path === `/assets/${id}/view`);

describe('view records when details open', () => {
  it('files, datasets and conversations each record one accepted view', async () => {
    const services = await signedIn();
    const file = standIn.seed.files.find((f) => f.owner === 'alice')?.id ?? '';
    const dataset = seeded('station-readings-small');
    const conversation = standIn.seed.conversations.find((c) => c.members.includes('alice'))?.id ?? '';
    const before = await views(services, file);
    await services.handlers['files:get']({ id: file }, context);
    await services.handlers['datasets:get']({ id: dataset }, context);
    await services.handlers['conversations:get']({ id: conversation }, context);
    for (const id of [file, dataset, conversation]) {
      await expect.poll(() => viewPosts(id).map((e) => e.status)).toEqual([200]);
    }
    expect(await views(services, file)).toBe(before + 1);
    // Preview and download reuse the record but are not views; reopening within a minute is not one.
    await services.handlers['files:get']({ id: file }, context);
    await services.handlers['files:preview']({ id: file }, context);
    expect(viewPosts(file)).toHaveLength(1);
  });

  it('a slow or failing view never holds up or fails the details', async () => {
    const services = await signedIn();
    const [slow, failing] = standIn.seed.files.filter((f) => f.owner === 'alice').slice(1, 3).map((f) => f.id);
    standIn.faults.add({ method: 'POST', path: `/assets/${slow ?? ''}/view`, latencyMs: 30_000 });
    standIn.faults.add({ method: 'POST', path: `/assets/${failing ?? ''}/view`, status: 500 });
    const started = Date.now();
    await expect(services.handlers['files:get']({ id: slow ?? '' }, context)).resolves.toMatchObject({ id: slow });
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(services.handlers['files:get']({ id: failing ?? '' }, context)).resolves.toMatchObject({ id: failing });
    await expect.poll(() => viewPosts(failing ?? '').map((e) => e.status)).toEqual([500]);
  });
});
