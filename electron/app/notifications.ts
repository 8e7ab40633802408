// OS notifications that stay alive until they are clicked or closed. A Notification held only by
// a local variable can be garbage-collected together with its click handler, and the click is
// then lost (electron/electron#16922), so each one is kept here until it is done with.

export interface NotificationLike {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
  close(): void;
}

export interface NotifierDeps<N extends NotificationLike> {
  isSupported(): boolean;
  /** new Notification({ title, body }) */
  create(options: { title: string; body: string }): N;
  /** A click: main passes showOrCreateWindow. */
  onClick(): void;
  /** How many notifications to keep at most; the oldest are closed beyond it. Default 20. */
  max?: number;
}

export interface Notifier<N extends NotificationLike> {
  /** Shows a notification; false where the system has none. `onClick` runs after the host's own click handling. */
  notify(title: string, body: string, onClick?: () => void): boolean;
  /** Notifications shown this run (macOS asks for notification permission at the first). */
  shownCount(): number;
  /** The notifications still held, oldest first (for the e2e test hooks). */
  live(): readonly N[];
}

export function createNotifier<N extends NotificationLike>(deps: NotifierDeps<N>): Notifier<N> {
  const max = deps.max ?? 20;
  // Insertion-ordered, so the oldest is first. Bounded: Linux daemons may never report a close.
  const held = new Set<N>();
  let shown = 0;

  return {
    notify(title, body, onClick) {
      if (!deps.isSupported()) return false;
      const notification = deps.create({ title, body });
      const release = () => held.delete(notification);
      notification.on('click', () => {
        release();
        deps.onClick();
        onClick?.();
      });
      notification.on('close', release);
      notification.on('failed', release);
      held.add(notification);
      while (held.size > max) {
        const oldest = held.values().next().value as N;
        held.delete(oldest);
        oldest.close();
      }
      notification.show();
      shown += 1;
      return true;
    },
    shownCount: () => shown,
    live: () => [...held],
  };
}
