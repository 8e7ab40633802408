// @vitest-environment jsdom
// While main is still reading the keychain (a locked keyring, a Keychain prompt) the window is
// already up: the page shows a neutral "Starting…" — never the sign-in screen — until
// account:get answers, and then goes straight to the right screen.
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountState } from '../../shared/account';
import { App } from '../../renderer/src/App';
import { createQueryClient } from '../../renderer/src/query-client';

let answerAccount: (state: AccountState) => void;
const asked: string[] = [];

beforeEach(() => {
  asked.length = 0;
  const account = new Promise<AccountState>((resolve) => (answerAccount = resolve));
  const invoke = async (channel: string) => {
    asked.push(channel);
    if (channel === 'account:get') return { ok: true as const, data: await account };
    if (channel === 'app:update-state') return { ok: true as const, data: { ready: false, version: null } };
    // Everything else (app:info, browsing) waits, as it does in main until start() finishes.
    return new Promise<never>(() => {});
  };
  Object.defineProperty(window, 'ouro', { configurable: true, value: { invoke, on: () => () => {} } });
  // jsdom has no matchMedia; the layout asks whether the window is narrow (it is not, here).
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({ matches: false, media: query, addEventListener: () => {}, removeEventListener: () => {} }),
  });
  // …nor ResizeObserver, which the resizable panes use to measure themselves.
  Object.defineProperty(window, 'ResizeObserver', {
    configurable: true,
    value: class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  });
});
afterEach(cleanup);

function renderApp() {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>,
  );
}

describe('the window before the keychain has answered', () => {
  it('shows "Starting…", no sign-in form, then the sign-in screen once main says signed out', async () => {
    renderApp();
    expect((await screen.findByRole('status')).textContent).toBe('Starting…');
    expect(asked).toContain('account:get');
    expect(screen.getByRole('heading', { level: 1, name: 'Ouro' })).toBeTruthy();
    expect(screen.queryByLabelText('API key')).toBeNull();

    await act(async () => answerAccount({ status: 'signed-out', reason: 'never', apiBaseUrl: 'https://api.ouro.foundation', keychain: { available: true } }));
    expect(await screen.findByLabelText('API key')).toBeTruthy();
    expect(screen.queryByText('Starting…')).toBeNull();
  });

  it('goes straight from "Starting…" to the signed-in app when a key was stored', async () => {
    renderApp();
    expect((await screen.findByRole('status')).textContent).toBe('Starting…');
    await act(async () =>
      answerAccount({
        status: 'signed-in',
        user: { id: 'u1', username: 'alice', displayName: 'Alice', email: null },
        keyHint: '•••• 1234',
        keyName: null,
        storage: 'keychain',
        apiBaseUrl: 'https://api.ouro.foundation',
        connection: 'online',
      }),
    );
    expect(await screen.findByRole('button', { name: /^Account:/ })).toBeTruthy();
    expect(screen.queryByLabelText('API key')).toBeNull();
    expect(screen.queryByText('Starting…')).toBeNull();
  });
});
