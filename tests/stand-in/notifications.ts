// Notifications in the stand-in (ouro-api.md §8.5): making one (the seed and the control call
// use the same function), the categories `GET /user/notifications?category=` filters by, and the
// answer's shape — ouro-py's Notification model (read/read_at, source_user, asset embeds).
import { randomUUID } from 'node:crypto';
import { profileOf } from './asset-view';
import type { NotificationRecord } from './model';
import type { Store } from './store';

/** ouro-py's documented categories and the types each covers (new-message belongs to none). */
export const CATEGORY_TYPES: Record<string, readonly string[]> = {
  mentions: ['mention'],
  comments: ['comment', 'reply'],
  references: ['reference'],
  shares: ['share'],
  money: ['payment', 'deposit', 'route-payout', 'route-earnings-milestone'],
  actions: ['action-complete', 'action-failed'],
};

export interface NotifySpec {
  /** Recipient: a username or user id; default alice. */
  to?: string;
  /** Who did it: a username or user id; default bob. */
  from?: string;
  type: string;
  /** The asset it is about (must exist); omitted for follows and the like. */
  assetId?: string;
  text?: string;
  /** ISO time; default now. */
  at?: string;
}

function userOf(store: Store, key: string): string {
  const user = [...store.users.values()].find((u) => u.id === key || u.username === key);
  if (!user) throw new Error(`No user ${key}`);
  return user.id;
}

export function addNotification(store: Store, spec: NotifySpec, id: string = randomUUID()): NotificationRecord {
  const asset = spec.assetId ? store.assets.get(spec.assetId) : undefined;
  if (spec.assetId && !asset) throw new Error(`No asset ${spec.assetId}`);
  const at = spec.at ?? new Date().toISOString().replace('Z', '+00:00');
  const record: NotificationRecord = {
    id,
    user_id: userOf(store, spec.to ?? 'alice'),
    source_user_id: userOf(store, spec.from ?? 'bob'),
    asset_id: asset?.id ?? null,
    org_id: asset?.org_id ?? null,
    type: spec.type,
    content: {
      ...(spec.text !== undefined ? { text: spec.text } : {}),
      ...(asset ? { asset: { assetId: asset.id, assetType: asset.asset_type } } : {}),
    },
    read: false,
    read_at: null,
    created_at: at,
    last_updated: at,
  };
  store.notifications.push(record);
  return record;
}

export function notificationJson(store: Store, n: NotificationRecord): Record<string, unknown> {
  const source = store.users.get(n.source_user_id);
  const asset = n.asset_id ? store.assets.get(n.asset_id) : undefined;
  return {
    ...n,
    source_user: source ? profileOf(source) : null,
    asset: asset ? { id: asset.id, asset_type: asset.asset_type, name: asset.name } : null,
  };
}
