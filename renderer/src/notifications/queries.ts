// Notifications as React Query state: the unread count (main polls Ouro and pushes
// `notifications:changed`, see queries/main-events.ts), one page of notifications, and opening
// one, which marks it read on Ouro.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationRow } from '../../../shared/notifications';
import { call } from '../ouro';
import { queryKeys } from '../queries/keys';

export const NOTIFICATIONS_PAGE_SIZE = 50;

export function useUnreadCount(): number | null {
  return useQuery({ queryKey: queryKeys.notifications.unread(), queryFn: () => call('notifications:unreads'), staleTime: Infinity }).data?.unread ?? null;
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
