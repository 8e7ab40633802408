// Reachability tracking: a handler that reached Ouro notes it reachable, a network failure notes it
// unreachable; a handler that may answer from its own disk (list thumbnails) notes failures only,
// so a thumbnail kept on disk cannot flip an offline app online (and back, on the next call).
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error';
import type { AccountService } from '../../electron/account/account-service';
import { trackAll } from '../../electron/ipc/handler-wrappers';
import type { HandlerContext } from '../../electron/ipc/handlers';

function fakeAccount() {
  const noted: boolean[] = [];
  return { noted, account: { noteReachability: (reachable: boolean) => noted.push(reachable) } as unknown as AccountService };
}
const context = {} as HandlerContext;
type Loose = (input: unknown, context: HandlerContext) => Promise<unknown>;
const run = (handlers: Record<string, unknown>) => (handlers['files:thumbnail'] as Loose)({ id: 'x' }, context);
const ok = async () => ({ dataUrl: null, reason: 'not-an-image' as const });
const unreachable = async () => {
  throw new AppError({ kind: 'network', message: 'Could not reach Ouro' });
};

describe('trackAll', () => {
  it('notes a success as reachable and a network failure as unreachable', async () => {
    const { noted, account } = fakeAccount();
    const handlers = trackAll({ 'files:thumbnail': ok }, account);
    await run(handlers);
    const failing = trackAll({ 'files:thumbnail': unreachable }, account);
    await expect(run(failing)).rejects.toMatchObject({ kind: 'network' });
    expect(noted).toEqual([true, false]);
  });

  it('failuresOnly: a success notes nothing, a network failure still notes unreachable', async () => {
    const { noted, account } = fakeAccount();
    const handlers = trackAll({ 'files:thumbnail': ok }, account, { failuresOnly: true });
    await run(handlers);
    expect(noted).toEqual([]);
    const failing = trackAll({ 'files:thumbnail': unreachable }, account, { failuresOnly: true });
    await expect(run(failing)).rejects.toMatchObject({ kind: 'network' });
    expect(noted).toEqual([false]);
  });
});
