// The main window's remembered size, position and maximised state: what a valid saved state is,
// and where to put the window so it is always fully on a screen that is connected now.
// Pure functions over plain rectangles; persistence is window-state-file.ts, wiring is
// window-state-tracker.ts.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The "normal" (restored, un-maximised) bounds, so un-maximising returns to a sensible size. */
  bounds: Rect;
  maximized: boolean;
}

export interface DisplayLike {
  workArea: Rect;
}

/** What main.ts passes to `new BrowserWindow` (x/y absent: Electron centres the window). */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 } as const;
/** Everything works at this size (issue 12's layouts are checked at 800×600). */
export const MIN_WINDOW_SIZE = { width: 800, height: 600 } as const;
// Anything larger is a corrupt file, not a monitor.
const MAX_COORDINATE = 100_000;

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Narrows whatever was in the file; anything unexpected means "no saved state", never a crash. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, maximized } = raw as { bounds?: unknown; maximized?: unknown };
  if (typeof maximized !== 'boolean' || typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Partial<Record<keyof Rect, unknown>>;
  if (!isInt(x, -MAX_COORDINATE, MAX_COORDINATE) || !isInt(y, -MAX_COORDINATE, MAX_COORDINATE)) return null;
  if (!isInt(width, 1, MAX_COORDINATE) || !isInt(height, 1, MAX_COORDINATE)) return null;
  return { bounds: { x, y, width, height }, maximized };
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/**
 * Where the window opens. A saved window goes back on the display it overlaps most, shrunk and
 * shifted to lie wholly inside that display's work area (a monitor may have been unplugged or its
 * resolution lowered). A window that overlaps no display, or no saved state, opens centred on the
 * primary display at its saved or default size.
 */
export function placeWindow(saved: WindowState | null, displays: readonly DisplayLike[], primary: DisplayLike): WindowPlacement {
  const size = saved?.bounds ?? DEFAULT_WINDOW_SIZE;
  const fit = (area: Rect) => ({
    width: clamp(size.width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width),
    height: clamp(size.height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height),
  });
  if (!saved) return { ...fit(primary.workArea), maximized: false };

  let best: DisplayLike | undefined;
  let bestArea = 0;
  for (const display of displays) {
    const area = overlapArea(saved.bounds, display.workArea);
    if (area > bestArea) {
      best = display;
      bestArea = area;
    }
  }
  if (!best) return { ...fit(primary.workArea), maximized: saved.maximized };

  const area = best.workArea;
  const { width, height } = fit(area);
  return {
    x: clamp(saved.bounds.x, area.x, area.x + area.width - width),
    y: clamp(saved.bounds.y, area.y, area.y + area.height - height),
    width,
    height,
    maximized: saved.maximized,
  };
}
