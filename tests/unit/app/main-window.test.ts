import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, type ManagedWindow } from '../../../electron/app/main-window';

class FakeWindow implements ManagedWindow {
  static made = 0;
  readonly id = ++FakeWindow.made;
  calls: string[] = [];
  minimized = false;
  destroyed = false;
  private closedListeners: Array<() => void> = [];
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  restore = () => void this.calls.push('restore');
  show = () => void this.calls.push('show');
  focus = () => void this.calls.push('focus');
  once(_event: 'closed', listener: () => void) {
    this.closedListeners.push(listener);
    return this;
  }
  close() {
    this.destroyed = true;
    for (const listener of this.closedListeners) listener();
  }
}

/** create() that finishes only when told, like loading window-state.json first. */
function slowCreate() {
  const pending: Array<() => void> = [];
  const create = vi.fn(
    () =>
      new Promise<FakeWindow>((resolve) => {
        pending.push(() => resolve(new FakeWindow()));
      }),
  );
  return { create, finish: () => pending.splice(0).forEach((done) => done()) };
}

describe('showOrCreateWindow', () => {
  it('creates the window when there is none', async () => {
    const onCreated = vi.fn();
    const windows = createMainWindow({ create: () => new FakeWindow(), onCreated });
    expect(windows.current()).toBeNull();
    const window = await windows.showOrCreate();
    expect(windows.current()).toBe(window);
    expect(onCreated).toHaveBeenCalledWith(window);
  });

  it('two quick calls (two activate events, a click and a second launch) make one window', async () => {
    const slow = slowCreate();
    const windows = createMainWindow({ create: slow.create });
    const first = windows.showOrCreate();
    const second = windows.showOrCreate();
    const third = windows.showOrCreate();
    await vi.waitFor(() => expect(slow.create).toHaveBeenCalled());
    // A fourth while the window is still being made shares it too.
    const fourth = windows.showOrCreate();
    slow.finish();
    const made = await Promise.all([first, second, third, fourth]);
    expect(slow.create).toHaveBeenCalledOnce();
    expect(new Set(made).size).toBe(1);
  });

  it('fronts an existing window, restoring it when minimised, instead of making another', async () => {
    const create = vi.fn(() => new FakeWindow());
    const windows = createMainWindow({ create });
    const window = (await windows.showOrCreate()) as FakeWindow;
    window.minimized = true;
    expect(await windows.showOrCreate()).toBe(window);
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(create).toHaveBeenCalledOnce();
  });

  it('after the window is closed (macOS keeps running), the next call creates a new one', async () => {
    const windows = createMainWindow({ create: () => new FakeWindow() });
    const first = (await windows.showOrCreate()) as FakeWindow;
    first.close();
    expect(windows.current()).toBeNull();
    const second = await windows.showOrCreate();
    expect(second).not.toBe(first);
    expect(windows.current()).toBe(second);
  });

  it('a failed creation does not leave the guard set: the next call tries again', async () => {
    let attempts = 0;
    const windows = createMainWindow({
      create: () => {
        attempts += 1;
        if (attempts === 1) throw new Error('no display');
        return new FakeWindow();
      },
    });
    await expect(windows.showOrCreate()).rejects.toThrow('no display');
    await expect(windows.showOrCreate()).resolves.toBeInstanceOf(FakeWindow);
    expect(attempts).toBe(2);
  });
});
