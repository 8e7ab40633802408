// What an account change does to the cache: a sign-out drops every cached answer of the previous
// account (and its saved list choices); coming back online refreshes what went stale meanwhile.
import type { QueryClient } from '@tanstack/react-query';
import type { AccountState } from '../../../shared/account';
import { clearBrowsePreferences } from '../browse/preferences';
import { refreshInfiniteLists } from '../queries/infinite-lists';
import { belongsToAccount, isInfiniteList, queryKeys } from '../queries/keys';

export function applyAccountState(queryClient: QueryClient, state: AccountState): void {
  const previous = queryClient.getQueryData<AccountState>(queryKeys.account.state());
  if (state.status === 'signed-out' && previous?.status !== 'signed-out') {
    // Nothing of the previous account may linger in memory or in the page's storage.
    queryClient.removeQueries({ predicate: (query) => belongsToAccount(query.queryKey) });
    if (state.reason === 'signed-out') clearBrowsePreferences();
  }
  if (state.status === 'signed-in' && previous?.status === 'signed-in' && previous.connection === 'offline' && state.connection === 'online') {
    // Back online: whatever failed or went stale meanwhile is fetched again (lists by their first page).
    void queryClient.invalidateQueries({ predicate: (query) => belongsToAccount(query.queryKey) && !isInfiniteList(query.queryKey) });
    refreshInfiniteLists(queryClient, () => true);
  }
  if (previous && previous.apiBaseUrl !== state.apiBaseUrl) void queryClient.invalidateQueries({ queryKey: queryKeys.app.info() });
  queryClient.setQueryData(queryKeys.account.state(), state);
}
