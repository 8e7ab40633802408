// The Files and Datasets lists' selection, as in a desktop file manager: a click selects one,
// Shift-click a range from the anchor, Ctrl/Cmd-click toggles one, Ctrl/Cmd-A takes every loaded
// row. Pure functions over ids, so the list, the menus and the details pane share one truth.

export interface ListSelection {
  /** Selected ids, in the list's order when made by a range or select-all. */
  keys: readonly string[];
  /** Where a Shift-click range starts. */
  anchor: string | null;
  /** The row the keyboard is on (arrows move from here). */
  focus: string | null;
}

export const emptySelection: ListSelection = { keys: [], anchor: null, focus: null };

export function single(key: string): ListSelection {
  return { keys: [key], anchor: key, focus: key };
}

export interface ClickModifiers {
  range: boolean;
  toggle: boolean;
}

/** The selection after a click on `key` with these modifiers. `order` is the loaded rows' ids. */
export function clickSelection(current: ListSelection, order: readonly string[], key: string, mods: ClickModifiers): ListSelection {
  if (mods.range && current.anchor !== null) {
    const from = order.indexOf(current.anchor);
    const to = order.indexOf(key);
    if (from >= 0 && to >= 0) {
      const [start, end] = from <= to ? [from, to] : [to, from];
      const range = order.slice(start, end + 1);
      // Ctrl/Cmd-Shift adds the range to what was selected; Shift alone replaces it.
      const keys = mods.toggle ? [...current.keys.filter((k) => !range.includes(k)), ...range] : range;
      return { keys, anchor: current.anchor, focus: key };
    }
  }
  if (mods.toggle) {
    const has = current.keys.includes(key);
    const keys = has ? current.keys.filter((k) => k !== key) : [...current.keys, key];
    return { keys, anchor: key, focus: has ? (keys.at(-1) ?? null) : key };
  }
  return single(key);
}

export function selectAll(order: readonly string[], current: ListSelection): ListSelection {
  if (order.length === 0) return emptySelection;
  return { keys: [...order], anchor: current.anchor ?? order[0] ?? null, focus: current.focus ?? order[0] ?? null };
}

/** Drops ids that are no longer in the list (deleted, filtered away). */
export function pruneSelection(current: ListSelection, order: readonly string[]): ListSelection {
  const present = new Set(order);
  if (current.keys.every((k) => present.has(k)) && (current.focus === null || present.has(current.focus))) return current;
  const keys = current.keys.filter((k) => present.has(k));
  return { keys, anchor: current.anchor && present.has(current.anchor) ? current.anchor : (keys[0] ?? null), focus: current.focus && present.has(current.focus) ? current.focus : (keys.at(-1) ?? null) };
}
