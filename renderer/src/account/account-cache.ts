// What an account change does to the cache: a sign-out, or another account signing in, drops
// every cached answer of the previous account (and a sign-out its saved list choices); coming
// back online refreshes what went stale meanwhile.
import type { QueryClient } from '@tanstack/react-query';
import type { AccountState } from '../../../shared/account';
import { clearBrowsePreferences } from '../browse/preferences';
import { refreshInfiniteLists } from '../queries/infinite-lists';
import { belongsToAccount, isInfiniteList, queryKeys } from '../queries/keys';

/** Who is signed in, as the same account everywhere: user id at an API address (null if unknown). */
export function accountIdentity(state: AccountState | undefined): string | null {
  return state?.status === 'signed-in' && state.user?.id ? `${state.apiBaseUrl}#${state.user.id}` : null;
}

export function applyAccountState(queryClient: QueryClient, state: AccountState): void {
  const previous = queryClient.getQueryData<AccountState>(queryKeys.account.state());
  const was = accountIdentity(previous);
  const now = accountIdentity(state);
  const switched = was !== null && now !== null && was !== now;
  if ((state.status === 'signed-out' && previous?.status !== 'signed-out') || switched) {
    // Nothing of the previous account may linger in memory or in the page's storage.
    queryClient.removeQueries({ predicate: (query) => belongsToAccount(query.queryKey) });
    if (state.status === 'signed-out' && state.reason === 'signed-out') clearBrowsePreferences();
  }
  if (state.status === 'signed-in' && previous?.status === 'signed-in' && previous.connection === 'offline' && state.connection === 'online') {
    // Back online: whatever failed or went stale meanwhile is fetched again (lists by their first page).
    void queryClient.invalidateQueries({ predicate: (query) => belongsToAccount(query.queryKey) && !isInfiniteList(query.queryKey) });
    refreshInfiniteLists(queryClient, () => true);
  }
  if (previous && previous.apiBaseUrl !== state.apiBaseUrl) void queryClient.invalidateQueries({ queryKey: queryKeys.app.info() });
  queryClient.setQueryData(queryKeys.account.state(), state);
}
