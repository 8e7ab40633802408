// The view record sent when an asset's details open (ouro-api.md §3.3): the SDK's body, sent once
// per asset per minute and account, never awaited, a failure only logged at debug level.
import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel } from '../../electron/log';
import { createViewRecorder } from '../../electron/browse/view-records';
import { AssetViewBody } from '../stand-in/schemas';
import { json, setup } from './ouro-client/helpers';

function recorder(now: { t: number }) {
  const lines: Array<[LogLevel, string]> = [];
  const log = createLogger({ level: 'debug', write: (level, line) => lines.push([level, line]) });
  return { lines, record: createViewRecorder(log, { now: () => now.t, windowMs: 60_000 }) };
}

const views = (server: ReturnType<typeof setup>['server']) => server.apiCalls.filter((c) => c.method === 'POST' && c.path.endsWith('/view'));

describe('view records', () => {
  it("sends the SDK's body, which the stand-in's schema accepts", async () => {
    const { client, server } = setup();
    server.on('POST /assets/a1/view', () => json({ data: null, error: null }));
    const now = { t: 0 };
    recorder(now).record(client, 'a1');
    await expect.poll(() => views(server).length).toBe(1);
    const body = views(server)[0]?.body;
    expect(body).toEqual({ source: 'api', type: 'full', pathname: '/assets/a1' });
    expect(AssetViewBody.safeParse(body).success).toBe(true);
  });

  it('counts one view per asset per minute, per account', async () => {
    const a = setup();
    const b = setup();
    for (const s of [a, b]) for (const id of ['a1', 'a2']) s.server.on(`POST /assets/${id}/view`, () => json({ data: null, error: null }));
    const now = { t: 0 };
    const { record } = recorder(now);
    record(a.client, 'a1');
    record(a.client, 'a1');
    record(a.client, 'a2');
    record(b.client, 'a1');
    now.t = 59_999;
    record(a.client, 'a1');
    await expect.poll(() => [views(a.server).length, views(b.server).length]).toEqual([2, 1]);
    now.t = 60_001;
    record(a.client, 'a1');
    await expect.poll(() => views(a.server).map((c) => c.path)).toEqual(['/assets/a1/view', '/assets/a2/view', '/assets/a1/view']);
  });

  it('a failed view is logged at debug level only, not retried, and never throws', async () => {
    const { client, server } = setup();
    server.on('POST /assets/a1/view', () => json({ data: null, error: { message: 'view table locked', status: 503 } }, 503));
    const { lines, record } = recorder({ t: 0 });
    expect(() => record(client, 'a1')).not.toThrow();
    await expect.poll(() => lines.length).toBe(1);
    expect(lines[0]?.[0]).toBe('debug');
    expect(lines[0]?.[1]).toContain('View of asset a1 not recorded: view table locked');
    expect(views(server)).toHaveLength(1);
  });
});
