// @vitest-environment jsdom
// Opening an item from the palette, a link or a notification: the request names the item's view,
// and the section that shows it takes it once. The theme: the OS's by default, a choice kept.
import { describe, expect, it } from 'vitest';
import { goToView, openItem, takeItemFor } from '../../../renderer/src/navigation';
import { applyTheme, effectiveTheme, setThemeChoice, toggledTheme } from '../../../renderer/src/theme/theme';

const id = '11111111-1111-4111-8111-111111111111';

describe('navigation requests', () => {
  it('an item is taken only by its own view, and only once', () => {
    openItem({ type: 'dataset', id });
    expect(takeItemFor('files')).toBeNull();
    expect(takeItemFor('datasets')).toEqual({ type: 'dataset', id });
    expect(takeItemFor('datasets')).toBeNull();
  });

  it('going to a view carries no item', () => {
    openItem({ type: 'conversation', id });
    goToView('conversations');
    expect(takeItemFor('conversations')).toBeNull();
  });
});

describe('theme', () => {
  it('follows the OS under "system", and toggles to the other of what shows', () => {
    expect(effectiveTheme('system', true)).toBe('dark');
    expect(effectiveTheme('system', false)).toBe('light');
    expect(effectiveTheme('light', true)).toBe('light');
    expect(toggledTheme('system', true)).toBe('light');
    expect(toggledTheme('system', false)).toBe('dark');
    expect(toggledTheme('dark', false)).toBe('light');
  });

  it('a choice is kept in storage and put on <html>; system removes both', () => {
    setThemeChoice('dark');
    expect(localStorage.getItem('ouro.theme')).toBe('dark');
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    setThemeChoice('system');
    expect(localStorage.getItem('ouro.theme')).toBeNull();
    applyTheme();
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });
});
