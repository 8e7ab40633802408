// Ouro's notifications as the renderer sees them: one slim row per notification with the kind it
// is grouped under (mentions, comments, new messages, shares), and the unread count main polls.
import type { ItemRef } from './links';

export const notificationKinds = ['mention', 'comment', 'message', 'share', 'other'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationKindLabels: Record<NotificationKind, string> = {
  mention: 'Mentions',
  comment: 'Comments',
  message: 'New messages',
  share: 'Shares',
  other: 'Other',
};

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  /** Ouro's own type (`mention`, `comment`, `reply`, `share`, `new-message`…), for anything finer. */
  type: string;
  read: boolean;
  createdAt: string | null;
  actorName: string | null;
  /** "alice mentioned you", "bob shared a file with you"… */
  title: string;
  /** What it is about: the notification's text, or the item's name. */
  body: string;
  /** The item opening the notification shows; null when it is nothing the app opens. */
  target: ItemRef | null;
}

export interface NotificationPage {
  items: NotificationRow[];
  hasMore: boolean;
  nextOffset: number;
}

export interface UnreadState {
  /** Null until the first poll answered (or while signed out). */
  unread: number | null;
}

/** Rows grouped by kind, in the order the Notifications view shows them; empty groups left out. */
export function groupNotifications(rows: readonly NotificationRow[]): { kind: NotificationKind; label: string; items: NotificationRow[] }[] {
  return notificationKinds
    .map((kind) => ({ kind, label: notificationKindLabels[kind], items: rows.filter((row) => row.kind === kind) }))
    .filter((group) => group.items.length > 0);
}
