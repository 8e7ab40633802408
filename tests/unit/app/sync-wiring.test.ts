// Electron's sync wiring through fakes: the folder dialog (attached to the window, cancel is
// null) and a catch-up scan after sleep.
import { describe, expect, it, vi } from 'vitest';
import type { BaseWindow } from 'electron';
import { catchUpAfterSleep, createSyncFolderDialog } from '../../../electron/app/sync-wiring';

describe('sync wiring', () => {
  it('opens a folder dialog on the window and answers the chosen folder, or null when cancelled', async () => {
    const showOpenDialog = vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/home/me/Lab'] }));
    const window = {} as BaseWindow;
    const choose = createSyncFolderDialog({ dialog: { showOpenDialog } as never, getWindow: () => window, defaultPath: () => '/home/me' });
    await expect(choose()).resolves.toBe('/home/me/Lab');
    expect(showOpenDialog.mock.calls[0]?.[0]).toBe(window);
    expect(showOpenDialog.mock.calls[0]?.[1]).toMatchObject({ properties: expect.arrayContaining(['openDirectory']), defaultPath: '/home/me' });
    showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(choose()).resolves.toBeNull();
  });

  it('without a window, the dialog stands alone', async () => {
    const showOpenDialog = vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/data'] }));
    const choose = createSyncFolderDialog({ dialog: { showOpenDialog } as never, getWindow: () => null, defaultPath: () => '/' });
    await expect(choose()).resolves.toBe('/data');
    expect(showOpenDialog.mock.calls[0]?.[0]).toMatchObject({ title: 'Sync a folder with Ouro' });
  });

  it('scans again after the computer wakes or the screen unlocks', () => {
    const listeners = new Map<string, () => void>();
    const sync = { catchUp: vi.fn() };
    catchUpAfterSleep({ on: (event, listener) => listeners.set(event, listener) }, sync);
    listeners.get('resume')?.();
    listeners.get('unlock-screen')?.();
    expect(sync.catchUp).toHaveBeenCalledTimes(2);
  });
});
