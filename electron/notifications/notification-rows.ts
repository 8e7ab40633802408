// Ouro's notification records as the slim rows the page shows: the kind they are grouped under,
// a title saying who did what, what it is about, and the item opening it shows.
import type { ItemRef, ItemType } from '../../shared/links';
import { itemTypes } from '../../shared/links';
import type { NotificationKind, NotificationRow } from '../../shared/notifications';
import type { OuroNotification } from '../ouro/notifications';

/** Ouro's types are lowercase with dashes in ouro-js and in webhook events; tolerate `_` and case. */
export function normaliseType(type: string | null | undefined): string {
  return (type ?? 'other').trim().toLowerCase().replace(/_/g, '-') || 'other';
}

const KIND_BY_TYPE: Record<string, NotificationKind> = {
  mention: 'mention',
  comment: 'comment',
  reply: 'comment',
  // Webhook event names (ouro-api.md §8.1); the notification types for messages are [unknown].
  'new-message': 'message',
  'new-conversation': 'message',
  message: 'message',
  share: 'share',
};

export function kindOf(type: string): NotificationKind {
  return KIND_BY_TYPE[type] ?? 'other';
}

function asItemType(value: string | null): ItemType | null {
  const type = value?.toLowerCase() ?? null;
  return type && (itemTypes as readonly string[]).includes(type) ? (type as ItemType) : null;
}

/** The asset a notification is about, whatever its type (null when it names none). */
export function notificationAsset(record: OuroNotification): { id: string; type: string | null } | null {
  const id = record.asset_id ?? record.content?.asset?.assetId ?? record.asset?.id;
  if (!id) return null;
  return { id, type: record.content?.asset?.assetType ?? record.asset?.asset_type ?? null };
}

function titleFor(type: string, actor: string | null, assetType: string | null): string {
  const who = actor ?? 'Someone';
  const thing = assetType ? `${/^[aeiou]/.test(assetType) ? 'an' : 'a'} ${assetType}` : 'something';
  switch (type) {
    case 'mention':
      return `${who} mentioned you`;
    case 'comment':
      return `${who} commented on ${thing}`;
    case 'reply':
      return `${who} replied to you`;
    case 'new-message':
    case 'message':
      return `${who} sent you a message`;
    case 'new-conversation':
      return `${who} started a conversation with you`;
    case 'share':
      return `${who} shared ${thing} with you`;
    case 'reference':
      return `${who} referenced your work`;
    default: {
      const words = type.replace(/-/g, ' ');
      return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
    }
  }
}

export function toNotificationRow(record: OuroNotification): NotificationRow {
  const type = normaliseType(record.type);
  const asset = notificationAsset(record);
  const itemType = asItemType(asset?.type ?? null);
  const target: ItemRef | null = asset && itemType ? { type: itemType, id: asset.id } : null;
  const actor = record.source_user?.username ?? null;
  return {
    id: record.id,
    kind: kindOf(type),
    type,
    // ouro-py's `read`, ouro-js's `viewed`, or a `read_at` stamp.
    read: record.read ?? record.viewed ?? Boolean(record.read_at),
    createdAt: record.created_at ?? null,
    actorName: actor,
    title: titleFor(type, actor, asset?.type?.toLowerCase() ?? null),
    body: record.content?.text ?? record.asset?.name ?? '',
    target,
  };
}
