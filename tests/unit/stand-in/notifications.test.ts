// The stand-in's notifications (ouro-api.md §8.5): seeded per user, newest first, the strict query
// parameters, the bare-integer unread count, reading one marking it read, and the control call.
import { describe, expect, it } from 'vitest';
import type { StandIn } from '../../stand-in/index';
import { NotificationSchema } from '../../../electron/ouro/notifications';
import { useStandIn, type Api, type Envelope } from './helpers';

let s: StandIn;
let alice: Api;
let bob: Api;
useStandIn((world) => ({ s, alice, bob } = world));

interface Notification {
  id: string;
  user_id: string;
  type: string;
  read: boolean;
  read_at: string | null;
  created_at: string;
  source_user: { username: string } | null;
  asset: { id: string; asset_type: string; name: string | null } | null;
  content: { text?: string; asset?: { assetId: string; assetType: string } };
}

describe('stand-in notifications', () => {
  it('lists the caller’s own, newest first, in ouro-py’s shape, with offset pagination', async () => {
    const { status, body } = await alice.json<Envelope<Notification[]>>('/user/notifications');
    expect(status).toBe(200);
    const mine = s.seed.notifications.filter((n) => n.to === 'alice');
    expect(body.data.map((n) => n.id).sort()).toEqual(mine.map((n) => n.id).sort());
    expect(body.data.every((n) => n.user_id === s.seed.users.alice.id)).toBe(true);
    const times = body.data.map((n) => n.created_at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(body.pagination).toMatchObject({ offset: 0, limit: 20, hasMore: false, total: mine.length });
    expect(body.data[0]).toMatchObject({ type: 'mention', source_user: { username: 'bob' }, asset: { asset_type: 'conversation' }, content: { text: expect.any(String) } });
    // The client's model takes every record as sent.
    for (const n of body.data) expect(NotificationSchema.safeParse(n).success).toBe(true);
    const page = await alice.json<Envelope<Notification[]>>('/user/notifications?offset=1&limit=2');
    expect(page.body.data.map((n) => n.id)).toEqual(body.data.slice(1, 3).map((n) => n.id));
    expect(page.body.pagination?.hasMore).toBe(true);
  });

  it('filters by unread_only and by category, and refuses what the API would', async () => {
    const unread = await alice.json<Envelope<Notification[]>>('/user/notifications?unread_only=true');
    expect(unread.body.data.every((n) => !n.read)).toBe(true);
    const comments = await alice.json<Envelope<Notification[]>>('/user/notifications?category=comments,shares');
    expect(new Set(comments.body.data.map((n) => n.type))).toEqual(new Set(['comment', 'share']));
    expect((await alice.json('/user/notifications?category=gossip')).status).toBe(422);
    expect((await alice.json('/user/notifications?unread_only=yes')).status).toBe(422);
    expect((await alice.json('/user/notifications?limit=0')).status).toBe(422);
    expect((await alice.json('/user/notifications?org_id=nope')).status).toBe(422);
  });

  it('counts unread as a bare integer in data', async () => {
    const { body } = await bob.json<Envelope<number>>('/user/notifications/unreads');
    expect(body.data).toBe(1);
  });

  it('reading one marks it read and returns it; another user’s is not found; a bad id is 422', async () => {
    const target = s.seed.notifications.find((n) => n.to === 'bob' && !n.read)!;
    expect((await alice.json(`/user/notifications/${target.id}`)).status).toBe(404);
    const read = await bob.json<Envelope<Notification>>(`/user/notifications/${target.id}`);
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ id: target.id, read: true, read_at: expect.any(String) });
    expect((await bob.json<Envelope<number>>('/user/notifications/unreads')).body.data).toBe(0);
    expect((await bob.json('/user/notifications/not-a-uuid')).status).toBe(422);
  });

  it('creates one through the control call, as Ouro does when someone acts', async () => {
    const before = (await alice.json<Envelope<number>>('/user/notifications/unreads')).body.data;
    const file = s.seed.files.find((f) => f.name === 'lab-notes.txt')!;
    const res = await fetch(`${s.url}/__stand-in/notifications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'comment', from: 'bob', to: 'alice', assetId: file.id, text: 'Nice notes' }),
    });
    const created = ((await res.json()) as Envelope<{ id: string }>).data;
    expect((await alice.json<Envelope<number>>('/user/notifications/unreads')).body.data).toBe(before + 1);
    const list = await alice.json<Envelope<Notification[]>>('/user/notifications?limit=1');
    expect(list.body.data[0]).toMatchObject({ id: created.id, type: 'comment', asset: { id: file.id, asset_type: 'file', name: 'lab-notes.txt' }, content: { text: 'Nice notes', asset: { assetId: file.id, assetType: 'file' } } });
    const bad = await fetch(`${s.url}/__stand-in/notifications`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'comment', assetId: 'missing' }) });
    expect(bad.status).toBe(400);
    expect(s.notify({ type: 'mention', to: 'bob' }).id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
