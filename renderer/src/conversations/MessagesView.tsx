// One conversation's messages, oldest at the top: opens on the newest page scrolled to the end,
// and loads older pages as the reader scrolls up (or presses "Load older messages"), keeping
// what they were reading in place while the older page is inserted above it. New messages are
// polled while it is open; the view follows them only if the reader was at the bottom. The
// composer sends through main's outbox; a file dropped here is uploaded and linked.
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { ConversationRow, MessageRow } from '../../../shared/browse';
import { ErrorNotice } from '../components/ErrorNotice';
import { FreshnessMark } from '../components/FreshnessMark';
import { queryKeys } from '../queries/keys';
import { MessageMarkdown } from './MessageMarkdown';
import { flattenMessages, useConversation, useConversationMessages } from './queries';
import { absoluteTime } from '../browse/format';
import { Composer } from './Composer';
import { PendingMessages } from './PendingMessages';
import { useAttachDrop } from './use-attach-drop';
import { useMessagePolling } from './use-message-polling';
import { useOutbox } from './use-outbox';

/** Within this of the end counts as "at the bottom" (a reader there follows new messages). */
const AT_BOTTOM_PX = 48;

/** Start loading the older page this close to the top, so it is usually there before the reader is. */
const LOAD_OLDER_WITHIN_PX = 400;

export interface MessagesViewProps {
  /** The row from the conversations list. */
  conversation: ConversationRow;
  /** When the list page holding that row was fetched. */
  listUpdatedAt: number;
  /** Leaves this conversation (shown when it no longer exists). */
  onClose(): void;
}

function Message({ message }: { message: MessageRow }) {
  const kind = message.type && message.type !== 'message' ? message.type.replace(/_/g, ' ') : null;
  return (
    <li className={`message${kind ? ` message-${message.type}` : ''}`} data-message-id={message.id}>
      <article aria-label={`${message.authorName}, ${absoluteTime(message.createdAt)}`}>
        <header className="message-meta">
          <strong className="message-author">{message.authorName}</strong>
          <time dateTime={message.createdAt}>{absoluteTime(message.createdAt)}</time>
          {kind && <span className="message-kind">{kind}</span>}
        </header>
        <MessageMarkdown text={message.text} />
      </article>
    </li>
  );
}

export function MessagesView({ conversation: row, listUpdatedAt, onClose }: MessagesViewProps) {
  const query = useConversationMessages(row.id);
  // Title and members, refreshed from Ouro when the list's copy is stale; the list's meanwhile.
  const conversation = useConversation(row.id, { row, updatedAt: listUpdatedAt }).data ?? row;
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const messages = flattenMessages(query.data?.pages);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Distance from the bottom, kept current on every scroll: when an older page lands above,
  // restoring it keeps the same message under the reader's eyes.
  const fromBottom = useRef<number | null>(null);
  const shownFirstId = useRef<string | null>(null);

  const firstId = messages[0]?.id ?? null;
  const outbox = useOutbox(row.id);
  const attach = useAttachDrop(outbox.send);
  useMessagePolling(row.id, !!query.data);
  const atBottom = useRef(true);
  const lastKey = `${messages.at(-1)?.id ?? ''}|${outbox.pending.map((p) => `${p.clientId}:${p.state}`).join(',')}|${attach.attaching.length}`;
  // Something new at the end: follow it only if the reader was at the bottom.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [lastKey]);

  const loadOlder = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  // Scrolling must not hammer a failing page: after an error only the Retry button asks again.
  const loadOlderByItself = isFetchNextPageError ? undefined : loadOlder;

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || firstId === null || firstId === shownFirstId.current) return;
    // The first page opens at the newest message; later changes at the top are older pages.
    el.scrollTop = shownFirstId.current === null || fromBottom.current === null ? el.scrollHeight : el.scrollHeight - fromBottom.current;
    fromBottom.current = el.scrollHeight - el.scrollTop;
    shownFirstId.current = firstId;
  }, [firstId]);

  // A page that does not fill the view cannot be scrolled up: fetch more until it does.
  useEffect(() => {
    const el = scrollRef.current;
    if (el && firstId !== null && el.scrollHeight <= el.clientHeight + LOAD_OLDER_WITHIN_PX) loadOlderByItself?.();
  }, [firstId, loadOlderByItself]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    fromBottom.current = el.scrollHeight - el.scrollTop;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < AT_BOTTOM_PX;
    if (el.scrollTop < LOAD_OLDER_WITHIN_PX) loadOlderByItself?.();
  };

  const titleId = `conversation-title-${conversation.id}`;

  return (
    <section className={`messages-view${attach.dragOver ? ' attach-drop' : ''}`} aria-labelledby={titleId} {...attach.dropProps}>
      <header className="messages-header">
        <h3 id={titleId}>{conversation.title}</h3>
        {conversation.memberNames.length > 0 && <p className="muted">With {conversation.memberNames.join(', ')}</p>}
        <FreshnessMark queryKey={queryKeys.conversations.messages(row.id)} />
      </header>

      {query.isPending && <p role="status">Loading messages…</p>}
      {query.isError && !query.data && (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} onBack={onClose} />
      )}

      {query.data && (
        <div
          ref={scrollRef}
          className="messages-scroll"
          role="region"
          aria-label={`Messages in ${conversation.title}`}
          aria-busy={isFetchingNextPage || undefined}
          tabIndex={0}
          onScroll={onScroll}
        >
          <div className="messages-top">
            {isFetchNextPageError ? (
              <ErrorNotice error={query.error} onRetry={loadOlder} compact />
            ) : isFetchingNextPage ? (
              <p role="status">Loading older messages…</p>
            ) : hasNextPage ? (
              <button type="button" onClick={loadOlder}>
                Load older messages
              </button>
            ) : messages.length > 0 ? (
              <p className="muted">This is the beginning of the conversation.</p>
            ) : (
              <p className="muted">No messages yet.</p>
            )}
          </div>
          <ol className="message-list">
            {messages.map((message) => (
              <Message key={message.id} message={message} />
            ))}
          </ol>
          <PendingMessages pending={outbox.pending} attaching={attach.attaching} onRetry={(m) => void outbox.retry(m)} onDiscard={(m) => void outbox.discard(m)} onDismiss={attach.dismiss} />
        </div>
      )}
      {query.data && (
        <Composer
          title={conversation.title}
          onSend={(text) => {
            // Your own message: show it, wherever you had scrolled.
            atBottom.current = true;
            void outbox.send(text);
          }}
        />
      )}
    </section>
  );
}
