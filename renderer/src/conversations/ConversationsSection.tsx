// The Conversations section: my conversations as a keyboard-navigable list (most recent activity
// first, more pages as it scrolls) beside the selected conversation's messages.
import { useCallback, useState } from 'react';
import type { ConversationRow } from '../../../shared/browse';
import { ErrorNotice } from '../components/ErrorNotice';
import { VirtualList } from '../components/VirtualList';
import { MessagesView } from './MessagesView';
import { useConversationList } from './queries';
import { absoluteTime, relativeTime } from '../browse/format';
import { useNow } from './use-now';
import './conversations.css';

const ROW_HEIGHT = 60;

function ConversationListRow({ conversation, now }: { conversation: ConversationRow; now: number }) {
  const when = relativeTime(conversation.lastActivity, now);
  return (
    <div className="conversation-row">
      <span className="conversation-title">{conversation.title}</span>
      {when && conversation.lastActivity && (
        <time className="conversation-time muted" dateTime={conversation.lastActivity} title={absoluteTime(conversation.lastActivity)}>
          {when}
        </time>
      )}
      {conversation.summary && <span className="conversation-summary muted">{conversation.summary}</span>}
    </div>
  );
}

export function ConversationsSection() {
  const list = useConversationList();
  const now = useNow();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const selected = items.find((c) => c.id === selectedId) ?? null;
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = list;
  // Stable, so the list's load-more effect does not re-run on every render; never retries a
  // failed page by itself (the error below has a button for that).
  const loadMore = useCallback(() => {
    if (!isFetchingNextPage && !isFetchNextPageError) void fetchNextPage();
  }, [isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  return (
    <section className="conversations-section" aria-labelledby="conversations-title">
      <div className="conversations-list">
        <h2 id="conversations-title">Conversations</h2>
        {list.isPending && <p role="status">Loading conversations…</p>}
        {list.isError && !list.data && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && (
          <>
            <VirtualList
              label="Conversations"
              items={items}
              getKey={(c) => c.id}
              renderRow={(c) => <ConversationListRow conversation={c} now={now} />}
              rowHeight={ROW_HEIGHT}
              selectedKey={selectedId}
              onSelect={(c) => setSelectedId(c.id)}
              hasMore={hasNextPage}
              isFetchingMore={isFetchingNextPage}
              onLoadMore={loadMore}
              empty={<p className="muted">You have no conversations yet.</p>}
            />
            {isFetchNextPageError && <ErrorNotice error={list.error} onRetry={() => void fetchNextPage()} />}
          </>
        )}
      </div>
      <div className="conversations-detail">
        {selected ? (
          <MessagesView key={selected.id} conversation={selected} listUpdatedAt={list.dataUpdatedAt} onClose={() => setSelectedId(null)} />
        ) : (
          <p className="muted conversations-placeholder">Select a conversation to read its messages.</p>
        )}
      </div>
    </section>
  );
}
