import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/app-error';
import { createDispatcher } from '../../electron/ipc/dispatch';
import type { Handlers } from '../../electron/ipc/handlers';
import { createLogger } from '../../electron/log';
import { testServices } from '../helpers/services';

function setup(overrides: Partial<Handlers> = {}) {
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', write: (_level, line) => lines.push(line) });
  const handlers: Handlers = {
    ...testServices({ log }).handlers,
    'app:info': () => ({ name: 'Ouro', version: '1.2.3', platform: 'linux', apiBaseUrl: 'http://x', host: 'web' }),
    ...overrides,
  } as Handlers;
  return { dispatch: createDispatcher(handlers, log), lines };
}

describe('IPC dispatcher', () => {
  it('answers a valid call with { ok: true, data }', async () => {
    const { dispatch } = setup();
    await expect(dispatch('app:info', undefined, { host: 'web' })).resolves.toEqual({
      ok: true,
      data: { name: 'Ouro', version: '1.2.3', platform: 'linux', apiBaseUrl: 'http://x', host: 'web' },
    });
  });

  it('rejects invalid input with a validation error in the envelope instead of throwing', async () => {
    const handler = vi.fn();
    const { dispatch } = setup({ 'app:info': handler });
    const result = await dispatch('app:info', { unexpected: true }, { host: 'web' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('invalid-input');
    expect(result.error.message).toContain('app:info');
    expect(result.error.issues?.length).toBeGreaterThan(0);
    expect(handler).not.toHaveBeenCalled();
  });

  it('rejects a channel the contract does not declare', async () => {
    const { dispatch } = setup();
    const result = await dispatch('fs:read', '/etc/passwd', { host: 'web' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: 'Unknown channel: fs:read' } });
  });

  it('passes an AppError through with its kind and request id', async () => {
    const { dispatch } = setup({
      'app:info': () => {
        throw new AppError({ kind: 'rate-limited', message: 'slow down', status: 429, retryAfterSeconds: 3, requestId: 'req-1' });
      },
    });
    await expect(dispatch('app:info', undefined, { host: 'web' })).resolves.toEqual({
      ok: false,
      error: { kind: 'rate-limited', message: 'slow down', status: 429, retryAfterSeconds: 3, requestId: 'req-1' },
    });
  });

  it('turns an unexpected throw into a generic internal error, keeping its detail out of the renderer', async () => {
    const { dispatch, lines } = setup({
      'app:info': async () => {
        throw new Error('disk path /home/alice/secret.txt exploded');
      },
    });
    const result = await dispatch('app:info', undefined, { host: 'web' });
    expect(result).toEqual({ ok: false, error: { kind: 'internal', message: 'Unexpected error' } });
    expect(lines.join('\n')).toContain('exploded');
  });
});
