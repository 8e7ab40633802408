// The account as React Query state (kept current by main's `account:changed` events, see
// queries/main-events.ts) and the sign-in, sign-out and reconnect actions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { call } from '../ouro';
import { queryKeys } from '../queries/keys';
import { applyAccountState } from './account-cache';

export function useAccount() {
  return useQuery({ queryKey: queryKeys.account.state(), queryFn: () => call('account:get'), staleTime: Infinity });
}

/** True while signed in and Ouro cannot be reached (the title bar's one offline notice says so). */
export function useOffline(): boolean {
  const state = useAccount().data;
  return state?.status === 'signed-in' && state.connection === 'offline';
}

/** Why an action that needs Ouro is disabled while offline. */
export const OFFLINE_REASON = "You're offline — this needs Ouro";

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
