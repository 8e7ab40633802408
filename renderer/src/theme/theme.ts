// The theme: the OS's light or dark by default, or the person's own choice, kept in the page's
// storage (the app's profile) for every account. Applied as data-theme on <html>, which sets
// `color-scheme` (styles/tokens.css), so the tokens, scrollbars and form controls all follow.
import { useSyncExternalStore } from 'react';

export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];
export type Theme = 'light' | 'dark';

const KEY = 'ouro.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export const themeLabels: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

function read(): ThemeChoice {
  try {
    const saved = localStorage.getItem(KEY);
    return themeChoices.includes(saved as ThemeChoice) ? (saved as ThemeChoice) : 'system';
  } catch {
    return 'system';
  }
}

const listeners = new Set<() => void>();
let choice: ThemeChoice = read();

/** What shows for a choice, given whether the OS is dark now. */
export function effectiveTheme(chosen: ThemeChoice, osDark: boolean): Theme {
  return chosen === 'system' ? (osDark ? 'dark' : 'light') : chosen;
}

/** "Toggle theme": the other one of what shows now (an explicit choice from then on). */
export function toggledTheme(chosen: ThemeChoice, osDark: boolean): Theme {
  return effectiveTheme(chosen, osDark) === 'dark' ? 'light' : 'dark';
}

/** Puts the choice on <html>; 'system' leaves it to the OS (no attribute). */
export function applyTheme(root: HTMLElement = document.documentElement, chosen: ThemeChoice = choice): void {
  if (chosen === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', chosen);
}

export function setThemeChoice(next: ThemeChoice): void {
  choice = next;
  try {
    if (next === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, next);
  } catch {
    // Storage full or unavailable: the choice still holds for this run.
  }
  applyTheme();
  for (const listener of listeners) listener();
}

export function osPrefersDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches;
}

function subscribe(changed: () => void): () => void {
  listeners.add(changed);
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener('change', changed);
  return () => {
    listeners.delete(changed);
    media.removeEventListener('change', changed);
  };
}

/** The choice and what it shows now, kept current as either changes. */
export function useTheme(): { choice: ThemeChoice; theme: Theme } {
  const snapshot = useSyncExternalStore(subscribe, () => `${choice}:${effectiveTheme(choice, osPrefersDark())}`);
  const [chosen, shown] = snapshot.split(':') as [ThemeChoice, Theme];
  return { choice: chosen, theme: shown };
}
