import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, parseWindowState, placeWindow, type DisplayLike } from '../../../electron/app/window-state';

const laptop: DisplayLike = { workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const external: DisplayLike = { workArea: { x: 1440, y: 0, width: 2560, height: 1440 } };

describe('parseWindowState', () => {
  it('accepts a well-formed state', () => {
    const state = { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true };
    expect(parseWindowState(state)).toEqual(state);
  });

  it('keeps only the known fields', () => {
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 800, height: 600, extra: 1 }, maximized: false, other: 'x' })).toEqual({
      bounds: { x: 1, y: 2, width: 800, height: 600 },
      maximized: false,
    });
  });

  it.each([
    ['null', null],
    ['a string', 'window'],
    ['an array', []],
    ['missing maximized', { bounds: { x: 0, y: 0, width: 800, height: 600 } }],
    ['maximized not a boolean', { bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: 'yes' }],
    ['missing bounds', { maximized: false }],
    ['a string coordinate', { bounds: { x: '0', y: 0, width: 800, height: 600 }, maximized: false }],
    ['a fractional size', { bounds: { x: 0, y: 0, width: 800.5, height: 600 }, maximized: false }],
    ['a zero width', { bounds: { x: 0, y: 0, width: 0, height: 600 }, maximized: false }],
    ['a negative height', { bounds: { x: 0, y: 0, width: 800, height: -1 }, maximized: false }],
    ['NaN', { bounds: { x: Number.NaN, y: 0, width: 800, height: 600 }, maximized: false }],
    ['an absurd coordinate', { bounds: { x: 1e9, y: 0, width: 800, height: 600 }, maximized: false }],
  ])('rejects %s', (_name, raw) => {
    expect(parseWindowState(raw)).toBeNull();
  });
});

describe('placeWindow', () => {
  it('opens at the default size, centred (no x/y), the first time', () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('shrinks the default size to a small primary display', () => {
    const small: DisplayLike = { workArea: { x: 0, y: 0, width: 1024, height: 700 } };
    expect(placeWindow(null, [small], small)).toEqual({ width: 1024, height: 700, maximized: false });
  });

  it('restores a window that is fully on a connected display exactly', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1300, height: 900 }, maximized: false };
    expect(placeWindow(saved, [laptop, external], laptop)).toEqual({ ...saved.bounds, maximized: false });
  });

  it('keeps the maximised flag', () => {
    const saved = { bounds: { x: 100, y: 100, width: 1000, height: 700 }, maximized: true };
    expect(placeWindow(saved, [laptop], laptop).maximized).toBe(true);
  });

  it('pulls a window hanging off the edge back inside the work area', () => {
    const saved = { bounds: { x: 1000, y: -200, width: 1000, height: 700 }, maximized: false };
    const placed = placeWindow(saved, [laptop], laptop);
    expect(placed).toEqual({ x: 440, y: 25, width: 1000, height: 700, maximized: false });
  });

  it('shrinks a window from a bigger, now unplugged-and-replugged smaller, display to fit', () => {
    const saved = { bounds: { x: 1500, y: 0, width: 2500, height: 1400 }, maximized: false };
    const smallerExternal: DisplayLike = { workArea: { x: 1440, y: 0, width: 1920, height: 1080 } };
    expect(placeWindow(saved, [laptop, smallerExternal], laptop)).toEqual({ x: 1440, y: 0, width: 1920, height: 1080, maximized: false });
  });

  it('moves a window whose display was unplugged onto the primary display, centred', () => {
    const saved = { bounds: { x: 2000, y: 200, width: 1300, height: 900 }, maximized: false };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ width: 1300, height: 875, maximized: false });
  });

  it('chooses the display the window overlaps most', () => {
    const saved = { bounds: { x: 1300, y: 100, width: 1000, height: 700 }, maximized: false };
    const placed = placeWindow(saved, [laptop, external], laptop);
    expect(placed).toEqual({ x: 1440, y: 100, width: 1000, height: 700, maximized: false });
  });
});
