// New messages while a conversation is open: the newest page is asked for again after 5 s,
// stretching to 10 s while nothing new comes, a minute while the window is hidden, and at once
// when it is shown again. New messages merge into what is loaded (older pages stay).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { messagePollDelayMs } from '../../../shared/actions';
import { call } from '../ouro';
import { MESSAGES_PAGE_SIZE } from './queries';
import { mergeNewest } from './outbox';

export function useMessagePolling(conversationId: string, enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    let quietPolls = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const schedule = () => {
      clearTimeout(timer);
      if (!stopped) timer = setTimeout(poll, messagePollDelayMs({ hidden: document.hidden, quietPolls }));
    };
    const poll = async () => {
      try {
        const page = await call('conversations:messages', { id: conversationId, limit: MESSAGES_PAGE_SIZE });
        if (stopped) return;
        quietPolls = mergeNewest(queryClient, conversationId, page.messages) > 0 ? 0 : quietPolls + 1;
      } catch {
        // Offline or a passing error: the next poll tries again, a little later.
        quietPolls += 1;
      }
      schedule();
    };
    const onVisibility = () => {
      if (!document.hidden) void poll();
      else schedule();
    };
    schedule();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [conversationId, enabled, queryClient]);
}
