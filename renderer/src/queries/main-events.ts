// The one place where what main pushes becomes cache state: account changes, the upload queue,
// a downloaded update, save progress and "retrying by itself" notices all land in React Query,
// and components only read queries. Also refreshes stale lists when the window regains focus.
import { focusManager, type QueryClient } from '@tanstack/react-query';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { OuroBridge } from '../../../shared/ouro-bridge';
import { applyAccountState } from '../account/account-cache';
import { applyUploadsChanged } from '../uploads/uploads-cache';
import { refreshInfiniteLists } from './infinite-lists';
import { queryKeys } from './keys';

/** A `requests:retrying` notice with the moment it arrived, to count down from. */
export type RetryingNotice = EventPayload<'requests:retrying'> & { receivedAt: number };

type Appliers = { [E in EventName]?: (queryClient: QueryClient, payload: EventPayload<E>) => void };

const appliers: Appliers = {
  'account:changed': applyAccountState,
  'uploads:changed': applyUploadsChanged,
  'app:update-ready': (queryClient, state) => queryClient.setQueryData(queryKeys.app.update(), state),
  'downloads:progress': (queryClient, progress) => queryClient.setQueryData(queryKeys.downloads.progress(progress.id), progress),
  'requests:retrying': (queryClient, notice) =>
    queryClient.setQueryData<RetryingNotice>(queryKeys.notices.retrying(), { ...notice, receivedAt: Date.now() }),
};

/** Subscribes the cache to main's events and to window focus; returns the unsubscribe. */
export function connectMainEvents(queryClient: QueryClient, bridge: Pick<OuroBridge, 'on'>): () => void {
  const offs = (Object.keys(appliers) as EventName[]).map((event) =>
    bridge.on(event, (payload) => (appliers[event] as (client: QueryClient, value: typeof payload) => void)(queryClient, payload)),
  );
  offs.push(
    focusManager.subscribe((focused) => {
      if (focused) refreshInfiniteLists(queryClient, () => true, { onlyStale: true });
    }),
  );
  return () => {
    for (const off of offs) off();
  };
}
