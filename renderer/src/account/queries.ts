// The account as React Query state, kept current by main's `account:changed` events. When the
// account goes away every other cached query goes with it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountState } from '../../../shared/account';
import type { ChannelInput } from '../../../shared/contract';
import { useOuroEvent } from '../events';
import { clearBrowsePreferences } from '../browse/preferences';
import { call } from '../ouro';
import { appKeys } from '../queries/app';

export const accountKeys = {
  all: ['account'] as const,
  state: () => [...accountKeys.all, 'state'] as const,
};

export function useAccount() {
  const queryClient = useQueryClient();
  useOuroEvent('account:changed', (state) => applyAccountState(queryClient, state));
  // Events may have been missed while the stream was down: ask again.
  useOuroEvent('events:reconnected', () => void queryClient.invalidateQueries({ queryKey: accountKeys.state() }));
  return useQuery({ queryKey: accountKeys.state(), queryFn: () => call('account:get'), staleTime: Infinity });
}

/** Who is signed in, as the same account everywhere: user id at an API address (null if unknown). */
export function accountIdentity(state: AccountState | undefined): string | null {
  return state?.status === 'signed-in' && state.user?.id ? `${state.apiBaseUrl}#${state.user.id}` : null;
}

function applyAccountState(queryClient: ReturnType<typeof useQueryClient>, state: AccountState): void {
  const previous = queryClient.getQueryData<AccountState>(accountKeys.state());
  const switched = accountIdentity(previous) !== null && accountIdentity(state) !== null && accountIdentity(previous) !== accountIdentity(state);
  if ((state.status === 'signed-out' && previous?.status !== 'signed-out') || switched) {
    // Nothing of the previous account may linger in memory or in the page's storage.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'account' && query.queryKey[0] !== 'app' });
    if (state.status === 'signed-out' && state.reason === 'signed-out') clearBrowsePreferences();
  }
  if (state.status === 'signed-in' && previous?.status === 'signed-in' && previous.connection === 'offline' && state.connection === 'online') {
    // Back online: whatever failed or went stale meanwhile is fetched again.
    void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'account' });
  }
  if (previous && previous.apiBaseUrl !== state.apiBaseUrl) void queryClient.invalidateQueries({ queryKey: appKeys.info() });
  queryClient.setQueryData(accountKeys.state(), state);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'account:sign-in'>) => call('account:sign-in', input),
    onSuccess: (state) => applyAccountState(queryClient, state),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call('account:sign-out'),
    onSuccess: (state) => applyAccountState(queryClient, state),
  });
}

export function useReconnect() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call('account:reconnect'),
    onSuccess: (state) => applyAccountState(queryClient, state),
  });
}
