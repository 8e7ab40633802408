// Notifications as React Query state: the unread count (main polls Ouro and pushes
// `notifications:changed`, see queries/main-events.ts), one page of notifications, and opening
// one, which marks it read on Ouro.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationRow } from '../../../shared/notifications';
import { call } from '../ouro';
import { queryKeys } from '../queries/keys';

export const NOTIFICATIONS_PAGE_SIZE = 50;

/** Until main knows the count (null before its first poll), ask again this often. */
const UNKNOWN_COUNT_RECHECK_MS = 2_000;

export function useUnreadCount(): number | null {
  return (
    useQuery({
      queryKey: queryKeys.notifications.unread(),
      queryFn: () => call('notifications:unreads'),
      staleTime: Infinity,
      // The first poll's `notifications:changed` can come before this page listens (the event
      // stream still connecting, or a preload listener not yet attached); main then has nothing
      // new to push. So while the answer is "not known yet", ask again rather than wait forever.
      refetchInterval: (query) => (query.state.data && query.state.data.unread !== null ? false : UNKNOWN_COUNT_RECHECK_MS),
    }).data?.unread ?? null
  );
}

export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications.list(false),
    queryFn: () => call('notifications:list', { offset: 0, limit: NOTIFICATIONS_PAGE_SIZE }),
  });
}

/** Marks one read (the count drops through `notifications:changed`) and shows it read at once. */
export function useOpenNotification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (row: NotificationRow) => call('notifications:open', { id: row.id }),
    onSuccess: (read) => {
      queryClient.setQueriesData<{ items: NotificationRow[] }>({ queryKey: queryKeys.notifications.lists() }, (page) =>
        page ? { ...page, items: page.items.map((item) => (item.id === read.id ? { ...item, read: true } : item)) } : page,
      );
    },
  });
}
