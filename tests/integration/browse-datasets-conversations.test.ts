// The dataset-details and conversation handlers against the stand-in: what the renderer receives
// (slim, display-ready), paging in both directions, errors as AppError kinds, and the CSV export
// streamed to the chosen path with progress events.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadProgress } from '../../shared/browse';
import type { HandlerContext } from '../../electron/ipc/handlers';
import { createConversationHandlers } from '../../electron/browse/conversation-handlers';
import { createDatasetHandlers } from '../../electron/browse/dataset-handlers';
import { createDownloadManager } from '../../electron/downloads/download-manager';
import { createLogger } from '../../electron/log';
import { startStandIn, type StandIn } from '../stand-in/index';
import { testServices } from '../helpers/services';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ quiet: true });
});
afterAll(() => standIn.close());
afterEach(() => standIn.faults.clear());

const context: HandlerContext = { host: 'web' };

async function setup(options: { savePath?: string | null } = {}) {
  const progress: DownloadProgress[] = [];
  const services = testServices({ apiBaseUrl: standIn.url, fetch: globalThis.fetch, retryDelaysMs: [50] });
  await services.start();
  await services.account.signIn({ apiKey: standIn.apiKey });
  const log = createLogger({ write: () => {} });
  const asked: string[] = [];
  const downloads = createDownloadManager({
    client: () => services.account.client(),
    log,
    emit: (event, payload) => {
      if (event === 'downloads:progress') progress.push(payload as DownloadProgress);
    },
  });
  const datasets = createDatasetHandlers({
    account: services.account,
    log,
    downloads,
    chooseSavePath: async (suggested) => {
      asked.push(suggested);
      return options.savePath === undefined ? path.join(mkdtempSync(path.join(os.tmpdir(), 'ouro-export-')), suggested) : options.savePath;
    },
  });
  const conversations = createConversationHandlers({ account: services.account, log });
  return { services, datasets, conversations, progress, asked };
}

function seededDataset(name: string) {
  const dataset = standIn.seed.datasets.find((d) => d.name === name);
  if (!dataset) throw new Error(`no seeded dataset ${name}`);
  return dataset;
}

function seededConversation(predicate: (c: StandIn['seed']['conversations'][number]) => boolean) {
  const conversation = standIn.seed.conversations.find(predicate);
  if (!conversation) throw new Error('no such seeded conversation');
  return conversation;
}

describe('dataset details', () => {
  it('maps the record, the /schema columns and the /stats row count', async () => {
    const { datasets } = await setup();
    const seeded = seededDataset('telemetry-100k');
    const details = await datasets['datasets:get']({ id: seeded.id }, context);
    expect(details).toMatchObject({
      id: seeded.id,
      name: 'telemetry-100k',
      assetType: 'dataset',
      rowCount: 100_000,
      owner: 'alice',
      description: 'A large telemetry table with 100,000 rows.',
    });
    expect(details.columns.map((c) => c.name)).toEqual(['id', 'station', 'reading', 'recorded_at', 'is_valid', 'status']);
    expect(details.columns.find((c) => c.name === 'status')).toEqual({
      name: 'status',
      type: 'text',
      semanticType: 'enum',
      enumValues: ['ok', 'warning', 'fault'],
    });
    expect(details.columns.find((c) => c.name === 'recorded_at')?.type).toBe('timestamp with time zone');
    // Only display fields cross IPC: no preview rows, no metadata blob.
    expect(Object.keys(details)).not.toContain('preview');
    expect(Object.keys(details)).not.toContain('metadata');
  });

  it('still shows the details without a count when /stats fails', async () => {
    const { datasets } = await setup();
    const seeded = seededDataset('furnace-runs-1k');
    standIn.faults.add({ method: 'GET', path: `/datasets/${seeded.id}/stats`, status: 400 });
    const details = await datasets['datasets:get']({ id: seeded.id }, context);
    expect(details.rowCount).toBeNull();
    expect(details.columns).toHaveLength(6);
  });

  it('falls back to the column names on the record when /schema fails, but not when the dataset is gone', async () => {
    const { datasets } = await setup();
    const seeded = seededDataset('station-readings-small');
    standIn.faults.add({ method: 'GET', path: `/datasets/${seeded.id}/schema`, status: 400 });
    const details = await datasets['datasets:get']({ id: seeded.id }, context);
    expect(details.columns.map((c) => [c.name, c.type])).toEqual(
      ['id', 'station', 'reading', 'recorded_at', 'is_valid', 'status'].map((name) => [name, 'unknown']),
    );
    expect(details.rowCount).toBe(10);

    standIn.faults.add({ method: 'GET', path: `/datasets/${seeded.id}/schema`, status: 403 });
    await expect(datasets['datasets:get']({ id: seeded.id }, context)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('reads rows in blocks by offset, and the last block says there is no more', async () => {
    const { datasets } = await setup();
    const seeded = seededDataset('telemetry-100k');
    const first = await datasets['datasets:rows']({ id: seeded.id, offset: 0, limit: 1000 }, context);
    expect(first.rows).toHaveLength(1000);
    expect(first.hasMore).toBe(true);
    expect(first.rows[0]).toMatchObject({ id: 1 });
    const last = await datasets['datasets:rows']({ id: seeded.id, offset: 99_000, limit: 1000 }, context);
    expect(last.rows).toHaveLength(1000);
    expect(last.rows[999]).toMatchObject({ id: 100_000 });
    expect(last.hasMore).toBe(false);
  });

  it("a dataset I cannot see is not-found, for details and rows", async () => {
    const { datasets } = await setup();
    const hidden = seededDataset('bob-private-dataset');
    await expect(datasets['datasets:get']({ id: hidden.id }, context)).rejects.toMatchObject({ kind: 'not-found', status: 404 });
    await expect(datasets['datasets:rows']({ id: hidden.id, offset: 0, limit: 10 }, context)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('exports the whole dataset as CSV to the chosen path, with progress ending in done', async () => {
    const { datasets, progress, asked } = await setup();
    const seeded = seededDataset('furnace-runs-1k');
    const result = await datasets['datasets:export']({ id: seeded.id }, context);
    expect(asked).toEqual(['furnace-runs-1k.csv']);
    expect(result.saved).toBe(true);
    const csv = readFileSync(result.path ?? '', 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('station');
    expect(lines).toHaveLength(1001);
    expect(result.bytes).toBe(Buffer.byteLength(csv));
    expect(progress.at(-1)).toMatchObject({ id: seeded.id, done: true, bytes: result.bytes });
  });

  it('a cancelled save dialog downloads nothing', async () => {
    const { datasets, progress } = await setup({ savePath: null });
    const seeded = seededDataset('station-readings-small');
    standIn.clearLog();
    expect(await datasets['datasets:export']({ id: seeded.id }, context)).toEqual({ saved: false });
    expect(progress).toEqual([]);
    expect(standIn.log.some((entry) => entry.path.endsWith('/download'))).toBe(false);
  });

  it('signed out, every channel says so', async () => {
    const { services, datasets, conversations } = await setup();
    await services.account.signOut();
    const id = seededDataset('station-readings-small').id;
    await expect(datasets['datasets:get']({ id }, context)).rejects.toMatchObject({ kind: 'not-signed-in' });
    await expect(conversations['conversations:list']({ offset: 0, limit: 10 }, context)).rejects.toMatchObject({ kind: 'not-signed-in' });
  });
});

describe('conversations', () => {
  it('lists my conversations page by page, newest activity first, with titles for unnamed ones', async () => {
    const { conversations } = await setup();
    const first = await conversations['conversations:list']({ offset: 0, limit: 10 }, context);
    expect(first.items).toHaveLength(10);
    expect(first.hasMore).toBe(true);
    expect(first.nextOffset).toBe(10);
    const times = first.items.map((c) => Date.parse(c.lastActivity ?? ''));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // Alice is in 25 of the seeded conversations (not "Bob and Carol sync").
    const all = [...first.items];
    let page = first;
    while (page.hasMore) {
      page = await conversations['conversations:list']({ offset: page.nextOffset, limit: 10 }, context);
      all.push(...page.items);
    }
    expect(all).toHaveLength(standIn.seed.conversations.filter((c) => c.members.includes('alice')).length);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(all.map((c) => c.title)).not.toContain('Bob and Carol sync');

    const unnamed = seededConversation((c) => c.name === null);
    const row = all.find((c) => c.id === unnamed.id);
    // Named from its members, me first as "You" (issue 12); "With …" lists the others.
    expect(row).toMatchObject({ title: 'You, carol-agent', memberNames: ['carol-agent'] });
    expect(all.find((c) => c.title === 'MnBi-7 growth run planning')).toMatchObject({ summary: 'Discussion: MnBi-7 growth run planning' });
  });

  it('gets one conversation, and one I am not in is not-found', async () => {
    const { conversations } = await setup();
    const planning = seededConversation((c) => c.name === 'MnBi-7 growth run planning');
    expect(await conversations['conversations:get']({ id: planning.id }, context)).toMatchObject({
      id: planning.id,
      title: 'MnBi-7 growth run planning',
      memberNames: ['bob', 'carol-agent'],
    });
    const notMine = seededConversation((c) => c.name === 'Bob and Carol sync');
    await expect(conversations['conversations:get']({ id: notMine.id }, context)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('pages messages backwards from the newest with the before cursor, each page oldest first, down to the first message', async () => {
    const { conversations } = await setup();
    const planning = seededConversation((c) => c.messageCount === 520);
    const pages = [];
    let before: string | undefined;
    for (;;) {
      const page = await conversations['conversations:messages']({ id: planning.id, limit: 200, ...(before ? { before } : {}) }, context);
      pages.push(page);
      if (!page.hasMore) break;
      expect(page.nextBefore).toBe(page.messages[0]?.createdAt);
      before = page.nextBefore ?? undefined;
    }
    expect(pages.map((p) => p.messages.length)).toEqual([200, 200, 120]);
    expect(pages.at(-1)?.nextBefore).toBeNull();
    const all = pages.reverse().flatMap((p) => p.messages);
    expect(new Set(all.map((m) => m.id)).size).toBe(520);
    const times = all.map((m) => Date.parse(m.createdAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const first = all[0];
    expect(first?.authorName).toMatch(/^(alice|bob|carol-agent)$/);
    expect(first?.authorId).toBeTruthy();
    expect(first?.text).toContain('looks stable since run 0');
    expect(all.some((m) => m.type === 'reasoning')).toBe(true);
  });

  it('a server error on messages is a retryable server error, not a crash', async () => {
    const { conversations } = await setup();
    const planning = seededConversation((c) => c.messageCount === 520);
    standIn.faults.add({ method: 'GET', path: `/conversations/${planning.id}/messages`, status: 500, times: 10 });
    await expect(conversations['conversations:messages']({ id: planning.id, limit: 50 }, context)).rejects.toMatchObject({ kind: 'server' });
  });
});
