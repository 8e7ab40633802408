// Editing and deleting against the stand-in, through the same handlers the app binds: renames,
// descriptions and visibility land on the stand-in (checked with a separate client), a move into a
// `web_only` team is refused with its own message, the delete preview → confirm → delete flow is
// enforced in main (no token, a used token, an expired token, other ids: nothing is deleted), a
// partial failure names what was not deleted, and an older backend's `{error: null}` is tolerated.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error';
import { describeError } from '../../shared/error-kinds';
import { FileSchema } from '../../electron/ouro/models';
import type { HandlerContext } from '../../electron/ipc/handlers';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createLogger } from '../../electron/log';
import { createOuroClient, type OuroClient } from '../../electron/ouro/client';
import type { MainServices, ServiceDeps } from '../../electron/services';
import { grantedHandles, memorySecretStore, signedInServices } from '../helpers/services';
import { faultPresets } from '../stand-in/fault-presets';
import { startStandIn, type StandIn } from '../stand-in/index';

let standIn: StandIn;
let witness: OuroClient;
let workDir: string;
const running: MainServices[] = [];
const context: HandlerContext = { host: 'web' };

beforeAll(async () => {
  standIn = await startStandIn({ quiet: true });
  workDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-actions-it-'));
  // Reads the stand-in independently of the services under test.
  witness = createOuroClient({ baseUrl: standIn.url, fetch: globalThis.fetch, appVersion: 'witness', getApiKey: () => standIn.apiKey });
});
afterEach(async () => {
  standIn.faults.clear();
  for (const services of running.splice(0)) await services.dispose();
});
afterAll(() => standIn.close());

const signedIn = (overrides: Partial<ServiceDeps> = {}): Promise<MainServices> => signedInServices(standIn, running, overrides);

/** A fresh file of alice's (so tests that change or delete never touch each other's assets). */
async function newFile(services: MainServices, name: string, text = `contents of ${name}\n`): Promise<string> {
  const folder = path.join(workDir, randomUUID());
  mkdirSync(folder);
  const file = path.join(folder, name);
  writeFileSync(file, text);
  await services.uploads.add({ granted: await grantedHandles(services, [file]), staged: [], destination: { visibility: 'private' } });
  const mine = () => services.uploads.list().items.filter((i) => i.name === name).at(-1);
  await expect.poll(() => mine()?.state, { timeout: 15_000 }).toBe('done');
  const item = mine();
  if (!item?.assetId) throw new Error('upload did not finish');
  return item.assetId;
}

async function failure(promise: unknown): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

const team = (name: string) => {
  const found = standIn.seed.teams.find((t) => t.name === name);
  if (!found) throw new Error(`no team ${name}`);
  return found;
};

describe('editing files and datasets', () => {
  it('renames a file and answers the updated row in the lists’ shape; the stand-in has the new name', async () => {
    const services = await signedIn();
    const id = await newFile(services, 'draft.txt');
    const row = await services.handlers['assets:update']({ id, assetType: 'file', changes: { name: '  Final report.txt ' } }, context);
    expect(row).toMatchObject({ id, name: 'Final report.txt', assetType: 'file', extension: 'txt', visibility: 'private', owner: 'alice' });
    expect(Object.keys(row).sort()).toEqual(Object.keys((await services.handlers['assets:search']({ section: 'files', scope: 'personal', sort: 'recent', offset: 0, limit: 1 }, context)).items[0] ?? {}).sort());
    expect((await witness.files.get(id)).name).toBe('Final report.txt');
    // The short-lived details cache does not serve the old name afterwards.
    expect((await services.handlers['files:get']({ id }, context)).name).toBe('Final report.txt');
  });

  it('sends a description as Ouro’s {json, text}, one paragraph per line; an empty one clears it', async () => {
    const services = await signedIn();
    const id = await newFile(services, 'described.txt');
    await services.handlers['assets:update']({ id, assetType: 'file', changes: { description: 'First line\n\nThird line' } }, context);
    expect((await witness.files.get(id)).description).toEqual({
      text: 'First line\n\nThird line',
      json: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'First line' }] },
          { type: 'paragraph' },
          { type: 'paragraph', content: [{ type: 'text', text: 'Third line' }] },
        ],
      },
    });
    expect((await services.handlers['files:get']({ id }, context)).description).toBe('First line\n\nThird line');
    await services.handlers['assets:update']({ id, assetType: 'file', changes: { description: '' } }, context);
    expect((await witness.files.get(id)).description).toEqual({ text: '', json: { type: 'doc', content: [] } });
  });

  it('changes visibility', async () => {
    const services = await signedIn();
    const id = await newFile(services, 'to-publish.txt');
    const row = await services.handlers['assets:update']({ id, assetType: 'file', changes: { visibility: 'public' } }, context);
    expect(row.visibility).toBe('public');
    expect((await witness.files.get(id)).visibility).toBe('public');
  });

  it('moves to another team; a web_only team is refused with its own message and nothing changes', async () => {
    const services = await signedIn();
    const id = await newFile(services, 'to-move.txt');
    const crystal = team('Crystal Growth');
    const row = await services.handlers['assets:update']({ id, assetType: 'file', changes: { move: { orgId: crystal.org_id, teamId: crystal.id } } }, context);
    expect(row.teamName).toBe('Crystal Growth');
    expect(await witness.files.get(id)).toMatchObject({ team_id: crystal.id, org_id: crystal.org_id });

    const publications = team('Publications');
    expect(publications.source_policy).toBe('web_only');
    const refused = await failure(
      services.handlers['assets:update']({ id, assetType: 'file', changes: { name: 'renamed too', move: { orgId: publications.org_id, teamId: publications.id } } }, context),
    );
    expect(refused).toMatchObject({ kind: 'forbidden', status: 403, code: 'source_policy_violation' });
    expect(describeError(refused.toData()).title).toBe('This team only accepts the website');
    // The whole update was refused: neither the move nor the rename happened.
    expect(await witness.files.get(id)).toMatchObject({ team_id: crystal.id, name: 'to-move.txt' });
  });

  it('a 403 update_forbidden (someone else’s file) is its own friendly message', async () => {
    const services = await signedIn();
    const bobs = standIn.seed.files.find((f) => f.name === 'bob-public-measurements.csv');
    const refused = await failure(services.handlers['assets:update']({ id: bobs?.id ?? '', assetType: 'file', changes: { name: 'mine now.csv' } }, context));
    expect(refused).toMatchObject({ kind: 'forbidden', code: 'update_forbidden' });
    expect(describeError(refused.toData())).toMatchObject({ title: "You can't edit this" });
    expect((await witness.files.get(bobs?.id ?? '')).name).toBe('bob-public-measurements.csv');
  });

  it('the update_forbidden fault preset fails one rename the same way, then lets the next through', async () => {
    const services = await signedIn();
    const id = await newFile(services, 'faulted.txt');
    standIn.faults.add(faultPresets.updateForbidden('file', id));
    expect(await failure(services.handlers['assets:update']({ id, assetType: 'file', changes: { name: 'x.txt' } }, context))).toMatchObject({ code: 'update_forbidden' });
    expect((await witness.files.get(id)).name).toBe('faulted.txt');
    await services.handlers['assets:update']({ id, assetType: 'file', changes: { name: 'x.txt' } }, context);
    expect((await witness.files.get(id)).name).toBe('x.txt');
  });

  it('renames, describes and moves a dataset with PUT /datasets/{id}', async () => {
    const services = await signedIn();
    const csv = path.join(workDir, `${randomUUID()}-runs.csv`);
    writeFileSync(csv, 'run,score\n1,0.5\n2,0.7\n');
    await services.uploads.add({ granted: await grantedHandles(services, [csv]), staged: [], destination: { visibility: 'private', asDataset: true } });
    await expect.poll(() => services.uploads.list().items.find((i) => i.name === path.basename(csv))?.state, { timeout: 15_000 }).toBe('done');
    const id = services.uploads.list().items.find((i) => i.name === path.basename(csv))?.assetId ?? '';
    const crystal = team('Crystal Growth');
    const row = await services.handlers['assets:update'](
      { id, assetType: 'dataset', changes: { name: 'Runs', description: 'Two runs', visibility: 'organization', move: { orgId: crystal.org_id, teamId: crystal.id } } },
      context,
    );
    expect(row).toMatchObject({ id, assetType: 'dataset', name: 'Runs', visibility: 'organization', teamName: 'Crystal Growth' });
    expect(await witness.datasets.get(id)).toMatchObject({ name: 'Runs', visibility: 'organization', team_id: crystal.id, description: { text: 'Two runs' } });
  });

  it('the contract refuses bad input before anything is sent', async () => {
    const services = await signedIn();
    const dispatch = createDispatcher(services.handlers, createLogger({ write: () => {} }));
    const before = standIn.log.length;
    for (const input of [
      { id: 'not-a-uuid', assetType: 'file', changes: { name: 'x' } },
      { id: randomUUID(), assetType: 'post', changes: { name: 'x' } },
      { id: randomUUID(), assetType: 'file', changes: {} },
      { id: randomUUID(), assetType: 'file', changes: { name: '   ' } },
      { id: randomUUID(), assetType: 'file', changes: { visibility: 'monetized' } },
    ]) {
      expect(await dispatch('assets:update', input, context)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    }
    expect(standIn.log.length).toBe(before);
  });
});

describe('deleting: preview, confirm, delete', () => {
  it('previews three items with their children, then deletes them all: none is left on the stand-in', async () => {
    const services = await signedIn();
    const ids = [await newFile(services, 'a.txt'), await newFile(services, 'b.txt'), await newFile(services, 'c.txt')];
    // A child of the first (an attachment made by another client: parent_id points at it).
    const child = await witness.http.data(
      { method: 'POST', path: '/files/create', body: { file: { id: randomUUID(), name: 'a-attachment.txt', state: 'in-progress', parent_id: ids[0], source: 'api', asset_type: 'file' } } },
      FileSchema,
    );
    const since = standIn.log.length;
    const preview = await services.handlers['assets:delete-preview']({ items: ids.map((id) => ({ id, assetType: 'file' as const })) }, context);
    expect(preview.refused).toEqual([]);
    expect(preview.items.map((i) => i.name)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(preview.items[0]).toMatchObject({ childrenKnown: true, children: [{ id: child.id, name: 'a-attachment.txt', assetType: 'file' }] });
    expect(preview.expiresAt).toBeGreaterThan(Date.now());
    // The preview deleted nothing, and asked with both flags, as the SDK does.
    for (const id of [...ids, child.id]) await expect(witness.files.get(id)).resolves.toMatchObject({ id });
    expect(standIn.log.slice(since).filter((e) => e.method === 'DELETE').map((e) => e.query)).toEqual(ids.map(() => ({ delete_children: 'true', dry_run: 'true' })));

    const result = await services.handlers['assets:delete']({ token: preview.token, ids: [...ids].reverse() }, context);
    expect(result).toMatchObject({ deleted: 3, failed: 0, notDeleted: [] });
    expect(result.results.map((r) => r.status)).toEqual(['deleted', 'deleted', 'deleted']);
    expect(result.results[0]?.deletedChildren.map((c) => c.id)).toEqual([child.id]);
    for (const id of [...ids, child.id]) expect(await failure(witness.files.get(id))).toMatchObject({ kind: 'not-found' });
    const mine = await witness.search.assets({ assetType: 'file', scope: 'personal', limit: 200 });
    expect(mine.items.filter((i) => [...ids, child.id].includes(i.id))).toEqual([]);
  });

  it('refuses a delete without a token, with a used one, an expired one, or for other ids: nothing is deleted', async () => {
    let now = Date.now();
    const services = await signedIn({ actions: { deleteConfirmations: { ttlMs: 60_000, now: () => now } } });
    const [x, y] = [await newFile(services, 'keep-x.txt'), await newFile(services, 'keep-y.txt')];
    const deletes = () => standIn.log.filter((e) => e.method === 'DELETE' && e.query['dry_run'] === 'false');
    const before = deletes().length;
    const refuse = async (token: string, ids: string[]) => {
      const error = await failure(services.handlers['assets:delete']({ token, ids }, context));
      expect(error.kind).toBe('not-confirmed');
      expect(describeError(error.toData()).message).toMatch(/Nothing was deleted/);
    };

    await refuse(randomUUID(), [x]);
    const preview = await services.handlers['assets:delete-preview']({ items: [{ id: x, assetType: 'file' }] }, context);
    await refuse(preview.token, [x, y]); // more than was confirmed
    await refuse(preview.token, [x]); // spent by the attempt above
    const second = await services.handlers['assets:delete-preview']({ items: [{ id: x, assetType: 'file' }, { id: y, assetType: 'file' }] }, context);
    await refuse(second.token, [y]); // fewer than was confirmed
    const third = await services.handlers['assets:delete-preview']({ items: [{ id: y, assetType: 'file' }] }, context);
    now += 60_001;
    await refuse(third.token, [y]); // expired
    expect(deletes().length).toBe(before);
    await expect(witness.files.get(x)).resolves.toMatchObject({ id: x });
    await expect(witness.files.get(y)).resolves.toMatchObject({ id: y });

    // A token from another account's session is not good here either.
    const other = await signedIn({ keychain: memorySecretStore({ [standIn.url]: standIn.otherApiKey }) });
    const bobs = standIn.seed.files.find((f) => f.name === 'bob-private-diary.txt')?.id ?? '';
    const bobPreview = await other.handlers['assets:delete-preview']({ items: [{ id: bobs, assetType: 'file' }] }, context);
    expect((await failure(services.handlers['assets:delete']({ token: bobPreview.token, ids: [bobs] }, context))).kind).toBe('not-confirmed');
  });

  it('a partial failure names what was not deleted; the rest is deleted', async () => {
    const services = await signedIn();
    const ids = [await newFile(services, 'p1.txt'), await newFile(services, 'stubborn.txt'), await newFile(services, 'p3.txt')];
    const preview = await services.handlers['assets:delete-preview']({ items: ids.map((id) => ({ id, assetType: 'file' as const })) }, context);
    standIn.faults.add(faultPresets.deleteFails('file', ids[1] ?? '', 500));
    const result = await services.handlers['assets:delete']({ token: preview.token, ids }, context);
    expect(result).toMatchObject({ deleted: 2, failed: 1, notDeleted: ['stubborn.txt'] });
    const failed = result.results.find((r) => r.status === 'failed');
    expect(failed).toMatchObject({ id: ids[1], error: { kind: 'server', status: 500 } });
    await expect(witness.files.get(ids[1] ?? '')).resolves.toMatchObject({ id: ids[1] });
    expect(await failure(witness.files.get(ids[0] ?? ''))).toMatchObject({ kind: 'not-found' });
  });

  it('the preview lists refusals (not mine, gone) outside the token; only what it showed can be deleted', async () => {
    const services = await signedIn();
    const mine = await newFile(services, 'mine.txt');
    const bobs = standIn.seed.files.find((f) => f.name === 'bob-public-measurements.csv')?.id ?? '';
    const gone = randomUUID();
    const preview = await services.handlers['assets:delete-preview'](
      { items: [{ id: mine, assetType: 'file' }, { id: bobs, assetType: 'file' }, { id: gone, assetType: 'file' }] },
      context,
    );
    expect(preview.items.map((i) => i.id)).toEqual([mine]);
    expect(preview.refused.map((r) => [r.id, r.error.kind, r.error.code])).toEqual([
      [bobs, 'forbidden', 'update_forbidden'],
      [gone, 'not-found', 'asset_not_found'],
    ]);
    expect((await failure(services.handlers['assets:delete']({ token: preview.token, ids: [mine, bobs] }, context))).kind).toBe('not-confirmed');
    await expect(witness.files.get(bobs)).resolves.toMatchObject({ id: bobs });
  });

  it('deletes a dataset the same way', async () => {
    const services = await signedIn();
    const csv = path.join(workDir, `${randomUUID()}-gone.csv`);
    writeFileSync(csv, 'a,b\n1,2\n');
    await services.uploads.add({ granted: await grantedHandles(services, [csv]), staged: [], destination: { visibility: 'private', asDataset: true } });
    await expect.poll(() => services.uploads.list().items.find((i) => i.name === path.basename(csv))?.state, { timeout: 15_000 }).toBe('done');
    const id = services.uploads.list().items.find((i) => i.name === path.basename(csv))?.assetId ?? '';
    const preview = await services.handlers['assets:delete-preview']({ items: [{ id, assetType: 'dataset' }] }, context);
    expect(preview.items).toMatchObject([{ id, assetType: 'dataset', children: [] }]);
    expect(await services.handlers['assets:delete']({ token: preview.token, ids: [id] }, context)).toMatchObject({ deleted: 1 });
    expect(await failure(witness.datasets.get(id))).toMatchObject({ kind: 'not-found' });
  });

  it('tolerates an older backend’s {error: null} without a summary: names come from the record', async () => {
    const services = await signedIn();
    const id = await newFile(services, 'legacy.txt');
    standIn.faults.add({ method: 'DELETE', path: `/files/${id}`, status: 200, body: { error: null } });
    const preview = await services.handlers['assets:delete-preview']({ items: [{ id, assetType: 'file' }] }, context);
    expect(preview.items).toMatchObject([{ id, name: 'legacy.txt', childrenKnown: false, children: [] }]);
    standIn.faults.add({ method: 'DELETE', path: `/files/${id}`, status: 200, body: { error: null } });
    const result = await services.handlers['assets:delete']({ token: preview.token, ids: [id] }, context);
    expect(result.results).toMatchObject([{ id, status: 'deleted', deletedChildren: [] }]);
  });

  it('an item deleted elsewhere after the preview counts as deleted (already gone)', async () => {
    const services = await signedIn();
    const id = await newFile(services, 'raced.txt');
    const preview = await services.handlers['assets:delete-preview']({ items: [{ id, assetType: 'file' }] }, context);
    await witness.files.delete(id);
    const result = await services.handlers['assets:delete']({ token: preview.token, ids: [id] }, context);
    expect(result.results).toMatchObject([{ id, status: 'deleted', alreadyGone: true }]);
    expect(result.failed).toBe(0);
  });
});
