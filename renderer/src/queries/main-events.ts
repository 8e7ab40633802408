// The one place where what main pushes becomes cache state: account changes, the upload queue,
// a downloaded update, save progress and "retrying by itself" notices all land in React Query,
// and components only read queries. When the event stream was interrupted (the web host drops a
// reader that falls behind), what events keep current is read again. Also refreshes stale lists
// when the window regains focus.
import { focusManager, type QueryClient } from '@tanstack/react-query';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { OuroBridge } from '../../../shared/ouro-bridge';
import { applyAccountState } from '../account/account-cache';
import { applyOutboxChanged } from '../conversations/outbox';
import { applyUploadsChanged } from '../uploads/uploads-cache';
import { refreshInfiniteLists } from './infinite-lists';
import { queryKeys } from './keys';

/** A `requests:retrying` notice with the moment it arrived, to count down from. */
export type RetryingNotice = EventPayload<'requests:retrying'> & { receivedAt: number };

/** Queries whose data events keep current: after a gap in the stream they are read again. */
const FED_BY_EVENTS = [queryKeys.account.state(), queryKeys.uploads.queue(), queryKeys.app.update(), queryKeys.notifications.unread(), queryKeys.outbox()];

type Appliers = { [E in EventName]?: (queryClient: QueryClient, payload: EventPayload<E>) => void };

const appliers: Appliers = {
  'account:changed': applyAccountState,
  'uploads:changed': applyUploadsChanged,
  'app:update-ready': (queryClient, state) => queryClient.setQueryData(queryKeys.app.update(), state),
  'downloads:progress': (queryClient, progress) => queryClient.setQueryData(queryKeys.downloads.progress(progress.id), progress),
  'requests:retrying': (queryClient, notice) =>
    queryClient.setQueryData<RetryingNotice>(queryKeys.notices.retrying(), { ...notice, receivedAt: Date.now() }),
  // The count is main's; a change may mean new rows, so the list is read again.
  'notifications:changed': (queryClient, state) => {
    queryClient.setQueryData(queryKeys.notifications.unread(), state);
    void queryClient.invalidateQueries({ queryKey: queryKeys.notifications.lists() });
  },
  'outbox:changed': applyOutboxChanged,
  'events:reconnected': (queryClient) => {
    for (const queryKey of FED_BY_EVENTS) void queryClient.invalidateQueries({ queryKey });
  },
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
