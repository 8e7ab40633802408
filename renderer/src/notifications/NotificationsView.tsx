// The Notifications view: the newest notifications grouped by kind (Mentions, Comments, New
// messages, Shares, Other). Opening one marks it read on Ouro and opens what it is about; a
// notification about nothing the app opens (a post, a follow) is only marked read.
import { groupNotifications, type NotificationRow } from '../../../shared/notifications';
import { useOffline } from '../account/queries';
import { absoluteTime, relativeTime } from '../browse/format';
import { ErrorNotice } from '../components/ErrorNotice';
import { useNow } from '../conversations/use-now';
import { openItem } from '../navigation';
import { useNotifications, useOpenNotification } from './queries';
import './notifications.css';

function NotificationItem({ row, now, onOpen }: { row: NotificationRow; now: number; onOpen(row: NotificationRow): void }) {
  const when = relativeTime(row.createdAt, now);
  return (
    <li className={`notification${row.read ? '' : ' unread'}`}>
      <button type="button" className="notification-button" onClick={() => onOpen(row)}>
        <span className="notification-dot" aria-hidden="true" />
        <span className="notification-text">
          <span className="notification-title">
            {!row.read && <span className="visually-hidden">Unread: </span>}
            {row.title}
          </span>
          {row.body && <span className="notification-body">{row.body}</span>}
        </span>
        {when && row.createdAt && (
          <time className="notification-time" dateTime={row.createdAt} title={absoluteTime(row.createdAt)}>
            {when}
          </time>
        )}
      </button>
    </li>
  );
}

export function NotificationsView() {
  const list = useNotifications();
  const open = useOpenNotification();
  const offline = useOffline();
  const now = useNow();
  const groups = groupNotifications(list.data?.items ?? []);

  const onOpen = (row: NotificationRow) => {
    open.mutate(row);
    if (row.target) openItem(row.target);
  };

  return (
    <main className="section-main notifications-view" aria-labelledby="notifications-title">
      <div className="toolbar">
        <h2 id="notifications-title">Notifications</h2>
      </div>
      <div className="notifications-scroll">
        {list.isPending && !offline && (
          <p role="status" className="list-status">
            Loading notifications…
          </p>
        )}
        {list.isError && (offline ? <p className="list-status muted">Notifications will load when Ouro can be reached again.</p> : <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />)}
        {open.isError && <ErrorNotice error={open.error} compact />}
        {list.data && groups.length === 0 && <p className="list-status muted">No notifications yet. Mentions, comments, new messages and shares will show here.</p>}
        {groups.map((group) => (
          <section key={group.kind} className="notification-group" aria-labelledby={`notifications-${group.kind}`}>
            <h3 id={`notifications-${group.kind}`}>
              {group.label} <span className="notification-count">{group.items.length}</span>
            </h3>
            <ul>
              {group.items.map((row) => (
                <NotificationItem key={row.id} row={row} now={now} onOpen={onOpen} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </main>
  );
}
