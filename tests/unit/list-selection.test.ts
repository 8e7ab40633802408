// The Files/Datasets selection rules: click, Shift-click range, Ctrl/Cmd-click toggle, select all,
// and rows that left the list leaving the selection.
import { describe, expect, it } from 'vitest';
import { clickSelection, emptySelection, pruneSelection, selectAll, single } from '../../renderer/src/actions/selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const plain = { range: false, toggle: false };

describe('list selection', () => {
  it('a click selects one; Shift-click selects the range from the anchor, either direction', () => {
    const one = clickSelection(emptySelection, order, 'b', plain);
    expect(one).toEqual(single('b'));
    expect(clickSelection(one, order, 'd', { range: true, toggle: false }).keys).toEqual(['b', 'c', 'd']);
    expect(clickSelection(one, order, 'a', { range: true, toggle: false }).keys).toEqual(['a', 'b']);
    // The anchor stays: a second Shift-click re-ranges from it.
    const ranged = clickSelection(one, order, 'e', { range: true, toggle: false });
    expect(clickSelection(ranged, order, 'c', { range: true, toggle: false }).keys).toEqual(['b', 'c']);
  });

  it('Ctrl/Cmd-click toggles one and moves the anchor; Ctrl-Shift adds a range', () => {
    const two = clickSelection(single('a'), order, 'c', { range: false, toggle: true });
    expect(two.keys).toEqual(['a', 'c']);
    expect(two.anchor).toBe('c');
    expect(clickSelection(two, order, 'a', { range: false, toggle: true }).keys).toEqual(['c']);
    expect(clickSelection(two, order, 'e', { range: true, toggle: true }).keys).toEqual(['a', 'c', 'd', 'e']);
  });

  it('select all takes every loaded row; nothing loaded, nothing selected', () => {
    expect(selectAll(order, single('c')).keys).toEqual(order);
    expect(selectAll([], single('c'))).toEqual(emptySelection);
  });

  it('rows that left the list leave the selection (same object when none did)', () => {
    const sel = { keys: ['b', 'd'], anchor: 'b', focus: 'd' };
    expect(pruneSelection(sel, order)).toBe(sel);
    expect(pruneSelection(sel, ['a', 'b', 'c'])).toEqual({ keys: ['b'], anchor: 'b', focus: 'b' });
    expect(pruneSelection(sel, ['a'])).toEqual({ keys: [], anchor: null, focus: null });
  });
});
