// Notifications as the rows the page groups: both SDKs' records, every kind, and the item to open.
import { describe, expect, it } from 'vitest';
import { groupNotifications } from '../../../shared/notifications';
import { toNotificationRow } from '../../../electron/notifications/notification-rows';
import { NotificationSchema } from '../../../electron/ouro/notifications';

const ASSET = '0b9e2c50-6f39-4a8e-9a55-1d2f3e4a5b6c';

// ouro-py's Notification model (ouro/models/notification.py): read/read_at, source_user, asset.
const pyShape = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  user_id: 'u-alice',
  asset_id: ASSET,
  source_user_id: 'u-bob',
  org_id: null,
  type: 'comment',
  read: false,
  read_at: null,
  content: { text: 'The (110) peak looks split.', asset: { assetId: ASSET, assetType: 'file' } },
  source_user: { user_id: 'u-bob', username: 'bob' },
  asset: { id: ASSET, asset_type: 'file', name: 'diffraction-pattern.png' },
  created_at: '2026-11-17T12:00:00+00:00',
  last_updated: '2026-11-17T12:00:00+00:00',
};

// ouro-js's NotificationSchema (src/schema/notifications.ts): viewed, destination_user_id, no embeds.
const jsShape = {
  id: 'a1b2c3d4-0000-4000-8000-000000000002',
  source_user_id: 'u-bob',
  destination_user_id: 'u-alice',
  asset_id: ASSET,
  type: 'share',
  content: { asset: { assetId: ASSET, assetType: 'dataset' } },
  viewed: true,
  created_at: '2026-11-16T12:00:00+00:00',
  last_updated: '2026-11-16T12:00:00+00:00',
};

describe('notification rows', () => {
  it('reads ouro-py’s record', () => {
    const row = toNotificationRow(NotificationSchema.parse(pyShape));
    expect(row).toEqual({
      id: pyShape.id,
      kind: 'comment',
      type: 'comment',
      read: false,
      createdAt: pyShape.created_at,
      actorName: 'bob',
      title: 'bob commented on a file',
      body: 'The (110) peak looks split.',
      target: { type: 'file', id: ASSET },
    });
  });

  it('reads ouro-js’s record (viewed, no embedded profile or asset)', () => {
    const row = toNotificationRow(NotificationSchema.parse(jsShape));
    expect(row).toMatchObject({ kind: 'share', read: true, actorName: null, title: 'Someone shared a dataset with you', body: '', target: { type: 'dataset', id: ASSET } });
  });

  it.each([
    ['mention', 'mention'],
    ['MENTION', 'mention'],
    ['reply', 'comment'],
    ['new_message', 'message'],
    ['new-conversation', 'message'],
    ['share', 'share'],
    ['reference', 'other'],
    ['badge', 'other'],
    [null, 'other'],
  ])('files type %s under %s', (type, kind) => {
    expect(toNotificationRow(NotificationSchema.parse({ id: 'x', type })).kind).toBe(kind);
  });

  it('opens only what the app shows: a post is named but has no target', () => {
    const row = toNotificationRow(NotificationSchema.parse({ ...pyShape, type: 'mention', content: { asset: { assetId: ASSET, assetType: 'post' } }, asset: null }));
    expect(row.target).toBeNull();
    expect(toNotificationRow(NotificationSchema.parse({ id: 'y', type: 'follow' })).target).toBeNull();
  });

  it('groups rows by kind in the view’s order, leaving out empty groups', () => {
    const rows = [pyShape, jsShape, { ...pyShape, id: 'z', type: 'mention' }].map((r) => toNotificationRow(NotificationSchema.parse(r)));
    expect(groupNotifications(rows).map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([
      ['Mentions', ['z']],
      ['Comments', [pyShape.id]],
      ['Shares', [jsShape.id]],
    ]);
  });
});
