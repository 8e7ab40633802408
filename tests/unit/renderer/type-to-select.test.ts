// @vitest-environment jsdom
// Type-to-select in lists: letters typed quickly select the next name starting with them; the
// same letter again cycles; a pause starts over; modifier keys and Space are left alone.
import { renderHook } from '@testing-library/react';
import type { KeyboardEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useTypeToSelect } from '../../../renderer/src/components/use-type-to-select';

const names = ['alpha.txt', 'beta.csv', 'banana.png', 'Berry.md', 'cherry.py'];
const key = (k: string, timeStamp: number, extra: Partial<KeyboardEvent> = {}) => ({ key: k, timeStamp, ctrlKey: false, metaKey: false, altKey: false, ...extra }) as KeyboardEvent;

function setup(current = 0) {
  const select = vi.fn();
  const { result } = renderHook(() => useTypeToSelect(names, (n) => n, current, select));
  return { handle: result.current, select };
}

describe('useTypeToSelect', () => {
  it('selects the first match of what was typed, case-insensitively', () => {
    const { handle, select } = setup(0);
    expect(handle(key('b', 1000))).toBe(true);
    expect(handle(key('e', 1100))).toBe(true);
    expect(handle(key('r', 1200))).toBe(true);
    expect(select.mock.calls.map((c) => names[c[0] as number])).toEqual(['beta.csv', 'beta.csv', 'Berry.md']);
  });

  it('cycles through names starting with a repeated letter, and starts over after a pause', () => {
    const { handle, select } = setup(1);
    handle(key('b', 1000));
    handle(key('b', 1100));
    handle(key('c', 5000));
    expect(select.mock.calls.map((c) => names[c[0] as number])).toEqual(['banana.png', 'banana.png', 'cherry.py']);
  });

  it('leaves shortcuts, Space and named keys to others', () => {
    const { handle, select } = setup(0);
    expect(handle(key('a', 1000, { ctrlKey: true }))).toBe(false);
    expect(handle(key(' ', 1000))).toBe(false);
    expect(handle(key('ArrowDown', 1000))).toBe(false);
    expect(select).not.toHaveBeenCalled();
  });
});
