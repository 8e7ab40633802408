// Contract: every body the client actually sends (captured on the wire by a proxy in front of the
// stand-in) matches the schema the stand-in enforces for that route, from tests/stand-in/schemas —
// the same module the stand-in validates with. A client that dropped a field would be refused by
// the stand-in too, but this check names the field even where the stand-in's answer is not read.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HandlerContext } from '../../electron/ipc/handlers';
import type { MainServices } from '../../electron/services';
import { startCaptureProxy, type CaptureProxy } from '../helpers/capture-proxy';
import { grantedHandles, instantUploads, memorySecretStore, testServices } from '../helpers/services';
import { startStandIn, type StandIn } from '../stand-in/index';
import { bodyRouteFor } from '../stand-in/schemas';

let standIn: StandIn;
let proxy: CaptureProxy;
let services: MainServices;
const context: HandlerContext = { host: 'web' };

beforeAll(async () => {
  standIn = await startStandIn({ quiet: true });
  proxy = await startCaptureProxy(standIn.url);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-contract-'));
  services = testServices({
    dataDir,
    apiBaseUrl: proxy.url,
    fetch: globalThis.fetch,
    keychain: memorySecretStore({ [proxy.url]: standIn.apiKey }),
    uploads: instantUploads,
  });
  await services.start();
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-contract-files-'));
  const write = (name: string, text: string) => {
    writeFileSync(path.join(workDir, name), text);
    return path.join(workDir, name);
  };

  // One session doing everything the app can do that sends a body.
  await services.account.signIn({ apiKey: standIn.apiKey });
  await services.uploads.add({ granted: await grantedHandles(services, [write('notes.md', '# notes\n'), write('README', 'no extension')]), staged: [], destination: { visibility: 'public' } });
  const team = standIn.seed.teams.find((t) => t.name === 'Crystal Growth');
  await services.uploads.add({ granted: await grantedHandles(services, [write('runs.csv', 'run,score,when\n1,0.5,2026-01-01\n2,,2026-01-02\n')]), staged: [], destination: { visibility: 'organization', orgId: team?.org_id, teamId: team?.id, asDataset: true } });
  await vi.waitFor(() => expect(services.uploads.list().items.map((i) => i.state)).toEqual(['done', 'done', 'done']), { timeout: 15_000 });
  const done = services.uploads.list().items;
  const file = done.find((i) => i.name === 'notes.md')?.assetId ?? '';
  const dataset = done.find((i) => i.name === 'runs.csv')?.assetId ?? '';
  await services.handlers['files:get']({ id: file }, context);
  await services.handlers['files:download']({ id: file }, context);
  await services.handlers['datasets:get']({ id: dataset }, context);
  await services.handlers['datasets:export']({ id: dataset }, context);
  const conversation = standIn.seed.conversations.find((c) => c.members.includes('alice'))?.id ?? '';
  await services.handlers['conversations:get']({ id: conversation }, context);

  // Acting on content: edits, a move, new bytes, a reply, a confirmed delete.
  await services.handlers['assets:update']({ id: file, assetType: 'file', changes: { name: 'notes v2.md', description: 'Line one\n\nLine three', visibility: 'private' } }, context);
  await services.handlers['assets:update']({ id: dataset, assetType: 'dataset', changes: { name: 'runs v2', description: 'Two runs', move: { orgId: team?.org_id ?? '', teamId: team?.id ?? '' } } }, context);
  const { uploadId } = await services.handlers['files:replace-content']({ id: file, granted: await grantedHandles(services, [write('notes-v2.md', '# notes, v2\n')]), staged: [] }, context);
  await vi.waitFor(() => expect(services.uploads.list().items.find((i) => i.id === uploadId)?.state).toBe('done'), { timeout: 15_000 });
  await services.handlers['outbox:send']({ conversationId: conversation, clientId: randomUUID(), text: '**Results** are in:\n\n- one\n- two' }, context);
  const readme = done.find((i) => i.name === 'README')?.assetId ?? '';
  const preview = await services.handlers['assets:delete-preview']({ items: [{ id: readme, assetType: 'file' }] }, context);
  await services.handlers['assets:delete']({ token: preview.token, ids: [readme] }, context);
  // Views are fire-and-forget: wait until all three have gone out.
  await vi.waitFor(() => expect(proxy.captured.filter((r) => r.path.endsWith('/view'))).toHaveLength(3));
}, 60_000);

afterAll(async () => {
  await services.dispose();
  await proxy.close();
  await standIn.close();
});

describe('every body the client sends matches the stand-in schema for its route', () => {
  it('covers each route the app sends a body to', () => {
    const patterns = new Set(proxy.captured.filter((r) => r.body !== '').map((r) => `${r.method} ${bodyRouteFor(r.method, r.path)?.pattern ?? r.path}`));
    expect([...patterns].sort()).toEqual([
      'POST /assets/:id/download',
      'POST /assets/:id/view',
      'POST /conversations/:id/messages/create',
      'POST /datasets/:id/data',
      'POST /datasets/create/from-schema',
      'POST /files/create',
      'POST /files/upload',
      'POST /users/get-token',
      'POST /utilities/convert/from-markdown',
      'PUT /datasets/:id',
      'PUT /files/:id',
      'PUT /files/:id/content',
    ]);
  });

  it('each captured body passes its schema', () => {
    const withBody = proxy.captured.filter((r) => r.body !== '');
    expect(withBody.length).toBeGreaterThanOrEqual(10);
    const problems = withBody.flatMap((request) => {
      const route = bodyRouteFor(request.method, request.path);
      if (!route) return [`${request.method} ${request.path}: no schema for this route`];
      const result = route.schema.safeParse(JSON.parse(request.body));
      return result.success ? [] : result.error.issues.map((issue) => `${request.method} ${route.pattern}: ${issue.path.join('.')}: ${issue.message}`);
    });
    expect(problems).toEqual([]);
  });

  it('requests without a schema carry no body', () => {
    expect(proxy.captured.filter((r) => r.body !== '' && !bodyRouteFor(r.method, r.path))).toEqual([]);
    expect(proxy.captured.filter((r) => r.method === 'GET' && r.body !== '')).toEqual([]);
  });

  it('the file records sent name the objects /files/upload stored, and every write was accepted', () => {
    const creates = proxy.captured.filter((r) => r.path === '/files/create').map((r) => JSON.parse(r.body) as { file: { id: string; metadata: Record<string, unknown> } });
    expect(creates).toHaveLength(2);
    for (const { file } of creates) {
      const stored = standIn.uploads().find((u) => u.id === file.id);
      expect(file.metadata).toMatchObject({ id: stored?.id, bucket: stored?.bucket, path: stored?.storagePath, name: stored?.storagePath.split('/').pop() });
    }
    const refused = standIn.log.filter((e) => e.status >= 400);
    expect(refused.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([]);
  });
});
