// Dragging rows out in Electron, through fakes of ipcMain, the sender and nativeImage: the
// preload's one-way `drag:start` makes main call webContents.startDrag at once with drag-cache's
// files and an icon, and nothing happens for an untrusted sender, bad input or nothing to drag.
import type { IpcMainEvent, NativeImage } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { DRAG_START_CHANNEL, type AssetRef } from '../../../shared/actions';
import { bindDragOut, createDragIcon, handleDragStart, type DragEventLike } from '../../../electron/app/drag-out';
import { isTrustedSender } from '../../../electron/security/trusted-sender';

const FILE = { id: '0b9d3c4e-2f5a-4c1b-9e8d-7a6b5c4d3e2f', assetType: 'file' } as const;
const DATASET = { id: '1c0e4d5f-3a6b-4d2c-8f9e-8b7c6d5e4f30', assetType: 'dataset' } as const;
const icon = { isEmpty: () => false } as unknown as NativeImage;

function event(url = 'app://ouro/index.html', parent: unknown = null) {
  const startDrag = vi.fn();
  const value: DragEventLike = { senderFrame: { url, parent }, sender: { startDrag } };
  return { event: value, startDrag };
}

function deps(paths: (items: AssetRef[]) => string[] = (items) => items.map((i) => `/cache/${i.id}/name`)) {
  return { isTrustedSender, pathsForDrag: vi.fn(paths), icon: () => icon, log: { warn: vi.fn() } };
}

describe('drag out (Electron)', () => {
  it('starts the OS drag at once with every cached file and the icon', () => {
    const d = deps();
    const { event: e, startDrag } = event();
    expect(handleDragStart(d, e, [FILE, DATASET])).toBe(true);
    expect(d.pathsForDrag).toHaveBeenCalledWith([FILE, DATASET]);
    expect(startDrag).toHaveBeenCalledWith({ file: `/cache/${FILE.id}/name`, files: [`/cache/${FILE.id}/name`, `/cache/${DATASET.id}/name`], icon });
  });

  it('ignores a sender that is not the app’s own top-level page', () => {
    for (const [url, parent] of [['https://evil.example/', null], ['app://ouro/index.html', {}]] as const) {
      const d = deps();
      const { event: e, startDrag } = event(url, parent);
      expect(handleDragStart(d, e, [FILE])).toBe(false);
      expect(d.pathsForDrag).not.toHaveBeenCalled();
      expect(startDrag).not.toHaveBeenCalled();
    }
  });

  it('ignores input that is not a list of asset references (a path, a non-uuid, an unknown type)', () => {
    for (const input of ['/etc/passwd', [{ id: '../../etc', assetType: 'file' }], [{ id: FILE.id, assetType: 'post' }], [], undefined]) {
      const d = deps();
      const { event: e, startDrag } = event();
      expect(handleDragStart(d, e, input)).toBe(false);
      expect(startDrag).not.toHaveBeenCalled();
    }
  });

  it('starts nothing when no item has a copy yet (they are being prepared for the next try)', () => {
    const d = deps(() => []);
    const { event: e, startDrag } = event();
    expect(handleDragStart(d, e, [FILE])).toBe(false);
    expect(startDrag).not.toHaveBeenCalled();
  });

  it('a startDrag that throws is logged, never thrown into ipcMain', () => {
    const d = deps();
    const { event: e, startDrag } = event();
    startDrag.mockImplementation(() => {
      throw new Error('Must specify non-empty icon');
    });
    expect(handleDragStart(d, e, [FILE])).toBe(false);
    expect(d.log.warn).toHaveBeenCalled();
  });

  it('binds to the one-way channel (ipcMain.on, not handle) and unbinds', () => {
    const listeners = new Map<string, (event: IpcMainEvent, ...args: unknown[]) => void>();
    const ipcMain = {
      on: vi.fn((channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void) => listeners.set(channel, listener)),
      removeListener: vi.fn((channel: string) => listeners.delete(channel)),
    };
    const d = deps();
    const unbind = bindDragOut({ ...d, ipcMain });
    expect([...listeners.keys()]).toEqual([DRAG_START_CHANNEL]);
    const { event: e, startDrag } = event();
    listeners.get(DRAG_START_CHANNEL)?.(e as unknown as IpcMainEvent, [FILE]);
    expect(startDrag).toHaveBeenCalledTimes(1);
    unbind();
    expect(listeners.size).toBe(0);
  });

  it('the icon is the app icon, small; if it cannot be read, a plain non-empty square (macOS needs one)', () => {
    const resized = { isEmpty: () => false } as unknown as NativeImage;
    const fromPath = { isEmpty: () => false, resize: vi.fn(() => resized) } as unknown as NativeImage;
    const images = { createFromPath: vi.fn(() => fromPath), createFromBitmap: vi.fn() };
    expect(createDragIcon(images, '/app/icon.png')).toBe(resized);
    expect(images.createFromPath).toHaveBeenCalledWith('/app/icon.png');

    const bitmap = { isEmpty: () => false } as unknown as NativeImage;
    const missing = { createFromPath: vi.fn(() => ({ isEmpty: () => true }) as unknown as NativeImage), createFromBitmap: vi.fn(() => bitmap) };
    expect(createDragIcon(missing, '/nowhere.png')).toBe(bitmap);
    const [pixels, size] = missing.createFromBitmap.mock.calls[0] as unknown as [Buffer, { width: number; height: number }];
    expect(pixels.length).toBe(size.width * size.height * 4);
    expect(pixels.some((byte) => byte !== 0)).toBe(true);
  });
});
