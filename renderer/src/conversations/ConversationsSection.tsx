// The Conversations section: my conversations as a keyboard-navigable list (most recent activity
// first, more pages as it scrolls; each row named from its members when untitled, with the
// latest message's first words) beside the selected conversation's messages.
import { useCallback, useId, useState, type ReactNode } from 'react';
import type { ConversationRow } from '../../../shared/browse';
import { ErrorNotice } from '../components/ErrorNotice';
import { FreshnessMark } from '../components/FreshnessMark';
import { queryKeys } from '../queries/keys';
import { VirtualList } from '../components/VirtualList';
import { PaneLayout } from '../layout/PaneLayout';
import { takeItemFor, useNavigationRequests } from '../navigation';
import { MessagesView } from './MessagesView';
import { firstWords, useConversation, useConversationList, useLatestMessage } from './queries';
import { absoluteTime, relativeTime } from '../browse/format';
import { useNow } from './use-now';
import './conversations.css';

const ROW_HEIGHT = 56;

function ConversationListRow({ conversation, now }: { conversation: ConversationRow; now: number }) {
  const when = relativeTime(conversation.lastActivity, now);
  const latest = useLatestMessage(conversation.id);
  const message = latest.data;
  const summary = conversation.summary && conversation.summary !== conversation.title ? conversation.summary : null;
  const second = message ? `${message.authorName}: ${firstWords(message.text)}` : latest.isPending ? null : summary;
  return (
    <div className="conversation-row">
      <span className="conversation-title" title={conversation.title}>
        {conversation.title}
      </span>
      {when && conversation.lastActivity && (
        <time className="conversation-time muted" dateTime={conversation.lastActivity} title={absoluteTime(conversation.lastActivity)}>
          {when}
        </time>
      )}
      <span className="conversation-summary muted" title={second ?? undefined}>
        {second ?? '\u00a0'}
      </span>
    </div>
  );
}

export function ConversationsSection({ sidebar }: { sidebar: ReactNode }) {
  const list = useConversationList();
  const now = useNow();
  const listId = useId();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  // An item asked for (palette, link, notification) may be beyond the loaded pages: read it alone.
  useNavigationRequests(() => {
    const item = takeItemFor('conversations');
    if (item) setSelectedId(item.id);
  });
  const inList = items.find((c) => c.id === selectedId) ?? null;
  const alone = useConversation(selectedId ?? '', undefined, selectedId !== null && inList === null && list.data !== undefined);
  const selected = inList ?? (alone.data?.id === selectedId ? alone.data : null);
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = list;
  // Stable, so the list's load-more effect does not re-run on every render; never retries a
  // failed page by itself (the error below has a button for that).
  const loadMore = useCallback(() => {
    if (!isFetchingNextPage && !isFetchNextPageError) void fetchNextPage();
  }, [isFetchingNextPage, isFetchNextPageError, fetchNextPage]);
  const close = useCallback(() => {
    setSelectedId(null);
    document.getElementById(listId)?.focus();
  }, [listId]);

  const listPane = (
    <main className="section-main conversations-list" aria-labelledby="conversations-title">
      <div className="toolbar">
        <h2 id="conversations-title">Conversations</h2>
        <FreshnessMark queryKey={queryKeys.conversations.list()} />
      </div>
      {list.isPending && <p role="status" className="list-status">Loading conversations…</p>}
      {list.isError && !list.data && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          <VirtualList
            id={listId}
            label="Conversations"
            items={items}
            getKey={(c) => c.id}
            getLabel={(c) => c.title}
            renderRow={(c) => <ConversationListRow conversation={c} now={now} />}
            rowHeight={ROW_HEIGHT}
            selectedKey={selectedId}
            onSelectionChange={(c) => setSelectedId(c.id)}
            onOpen={(c) => setSelectedId(c.id)}
            hasMore={hasNextPage}
            isFetchingMore={isFetchingNextPage}
            onLoadMore={loadMore}
            empty={<p className="muted">You have no conversations yet.</p>}
          />
          {isFetchNextPageError && <ErrorNotice error={list.error} onRetry={() => void fetchNextPage()} />}
        </>
      )}
    </main>
  );

  const details = selected ? (
    <MessagesView key={selected.id} conversation={selected} listUpdatedAt={inList ? list.dataUpdatedAt : alone.dataUpdatedAt} onClose={close} />
  ) : alone.isError ? (
    <ErrorNotice error={alone.error} onBack={close} />
  ) : selectedId && alone.isFetching ? (
    <p role="status" className="conversations-placeholder">Opening the conversation…</p>
  ) : (
    <p className="muted conversations-placeholder">Select a conversation to read its messages.</p>
  );

  return <PaneLayout id="conversations" sidebar={sidebar} list={listPane} details={details} detailsLabel="Messages" onCloseDetails={close} detailsAlwaysBeside />;
}
