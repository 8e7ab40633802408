import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Rect, WindowState } from '../../../electron/app/window-state';
import { trackWindowState, type TrackableWindow } from '../../../electron/app/window-state-tracker';

function fakeWindow() {
  const listeners = new Map<string, Array<() => void>>();
  const status = { bounds: { x: 0, y: 0, width: 1000, height: 700 } as Rect, maximized: false, minimized: false, fullScreen: false };
  const window: TrackableWindow = {
    getNormalBounds: () => ({ ...status.bounds }),
    isMaximized: () => status.maximized,
    isMinimized: () => status.minimized,
    isFullScreen: () => status.fullScreen,
    on: (event, listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
  };
  const fire = (event: string) => (listeners.get(event) ?? []).forEach((listener) => listener());
  return { window, status, fire };
}

function fakeSink() {
  const saved: WindowState[] = [];
  const savedSync: WindowState[] = [];
  return {
    saved,
    savedSync,
    sink: {
      save: vi.fn(async (state: WindowState) => {
        saved.push(state);
      }),
      saveSync: vi.fn((state: WindowState) => {
        savedSync.push(state);
      }),
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('window state tracking', () => {
  it('saves once, after the window has stopped moving', () => {
    const { window, status, fire } = fakeWindow();
    const { sink, saved } = fakeSink();
    trackWindowState(window, sink, { debounceMs: 500 });
    for (let x = 0; x < 20; x++) {
      status.bounds = { ...status.bounds, x };
      fire('move');
      vi.advanceTimersByTime(100);
    }
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(500);
    expect(saved).toEqual([{ bounds: { x: 19, y: 0, width: 1000, height: 700 }, maximized: false }]);
  });

  it('records maximising, with the normal bounds to return to', () => {
    const { window, status, fire } = fakeWindow();
    const { sink, saved } = fakeSink();
    trackWindowState(window, sink);
    status.maximized = true;
    fire('maximize');
    vi.runAllTimers();
    expect(saved).toEqual([{ bounds: { x: 0, y: 0, width: 1000, height: 700 }, maximized: true }]);
  });

  it('does not record minimised or full-screen geometry', () => {
    const { window, status, fire } = fakeWindow();
    const { sink, saved, savedSync } = fakeSink();
    trackWindowState(window, sink);
    status.minimized = true;
    fire('resize');
    vi.runAllTimers();
    status.minimized = false;
    status.fullScreen = true;
    fire('resize');
    vi.runAllTimers();
    fire('close');
    expect(saved).toEqual([]);
    expect(savedSync).toEqual([]);
  });

  it('flushes synchronously on close and cancels the pending debounced save', () => {
    const { window, status, fire } = fakeWindow();
    const { sink, saved, savedSync } = fakeSink();
    trackWindowState(window, sink);
    status.bounds = { x: 5, y: 6, width: 900, height: 600 };
    fire('resize');
    fire('close');
    vi.runAllTimers();
    expect(savedSync).toEqual([{ bounds: { x: 5, y: 6, width: 900, height: 600 }, maximized: false }]);
    expect(saved).toEqual([]);
  });

  it('logs, rather than throws, when saving fails', async () => {
    const { window, fire } = fakeWindow();
    const warn = vi.fn();
    const sink = {
      save: vi.fn(async () => {
        throw new Error('disk full');
      }),
      saveSync: vi.fn(() => {
        throw new Error('disk full');
      }),
    };
    trackWindowState(window, sink, { log: { warn } });
    fire('move');
    await vi.runAllTimersAsync();
    expect(() => fire('close')).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
