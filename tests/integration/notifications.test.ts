// Notifications against the stand-in: the unread count polled once signed in (the backlog never
// announced), a new one picked up within the poll interval with an OS notification while the
// window is unfocused, backoff through server errors, no polls while offline, and opening one
// marking it read and asking the page to open its item.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenRequest } from '../../shared/links';
import type { NotificationPage, NotificationRow, UnreadState } from '../../shared/notifications';
import { groupNotifications } from '../../shared/notifications';
import { startStandIn, type StandIn } from '../stand-in/index';
import { desktopServices } from '../helpers/desktop';

const POLL_MS = 150;
let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ quiet: true });
});
afterAll(() => standIn.close());

function setup(options: { focused?: boolean } = {}) {
  const shown: { title: string; body: string; open: () => void }[] = [];
  const badge: number[] = [];
  const desk = desktopServices(standIn.url, {
    notificationPollMs: POLL_MS,
    desktop: {
      isWindowFocused: () => options.focused ?? false,
      notify: (title, body, open) => void shown.push({ title, body, open }),
      setUnreadCount: (count) => void badge.push(count),
    },
  });
  const unread = () => desk.eventsOf('notifications:changed').map((p) => (p as UnreadState).unread);
  return { ...desk, shown, badge, unread };
}

const unreadFor = (user: 'alice' | 'bob') => standIn.seed.notifications.filter((n) => n.to === user && !n.read).length;
const unreadRequests = () => standIn.log.filter((e) => e.path === '/user/notifications/unreads');

describe('notifications', () => {
  it('polls the unread count once signed in, onto the badge and the sidebar’s event, without announcing the backlog', async () => {
    const desk = setup();
    await desk.services.start();
    expect(await desk.ok('notifications:unreads')).toEqual({ unread: null });
    await desk.services.account.signIn({ apiKey: standIn.otherApiKey });
    await vi.waitFor(() => expect(desk.unread()).toContain(unreadFor('bob')));
    expect(desk.badge.at(-1)).toBe(unreadFor('bob'));
    expect(await desk.ok('notifications:unreads')).toEqual({ unread: unreadFor('bob') });
    expect(desk.shown).toEqual([]);
    await desk.services.dispose();
  });

  it('picks up a new one within the poll interval, shows it while unfocused, and opens its item on a click', async () => {
    const desk = setup();
    await desk.services.start();
    await desk.services.account.signIn({ apiKey: standIn.apiKey });
    await vi.waitFor(() => expect(desk.unread().at(-1)).toBeGreaterThan(0));
    const before = desk.unread().at(-1)!;
    const file = standIn.seed.files.find((f) => f.name === 'lab-notes.txt')!;
    const { id } = standIn.notify({ type: 'comment', from: 'bob', assetId: file.id, text: 'Nice notes' });
    await vi.waitFor(() => expect(desk.unread().at(-1)).toBe(before + 1), { timeout: POLL_MS * 20 });
    await vi.waitFor(() => expect(desk.shown).toHaveLength(1));
    expect(desk.shown[0]).toMatchObject({ title: 'bob commented on a file', body: 'Nice notes' });
    expect(desk.badge.at(-1)).toBe(before + 1);

    // The Notifications view: newest first, grouped by kind.
    const page = await desk.ok<NotificationPage>('notifications:list', { offset: 0, limit: 20 });
    expect(page.items[0]).toMatchObject({ id, kind: 'comment', read: false, target: { type: 'file', id: file.id } });
    expect(groupNotifications(page.items).map((g) => g.label)).toEqual(expect.arrayContaining(['Mentions', 'Comments', 'New messages', 'Shares']));

    // Clicking the OS notification: read on Ouro, the count drops, the page is asked to open the file.
    desk.shown[0]!.open();
    await vi.waitFor(() => expect(desk.eventsOf('links:requested').length).toBeGreaterThan(0));
    expect(await desk.ok<OpenRequest[]>('links:take')).toEqual([{ seq: 1, outcome: 'open', target: { type: 'file', id: file.id }, source: 'notification' }]);
    expect(desk.unread().at(-1)).toBe(before);
    const unread = await desk.ok<NotificationPage>('notifications:list', { offset: 0, limit: 20, unreadOnly: true });
    expect(unread.items.map((n) => n.id)).not.toContain(id);
    await desk.services.dispose();
  });

  it('opening one from the view marks it read, drops the count and names its item', async () => {
    const desk = setup({ focused: true });
    await desk.services.start();
    await desk.services.account.signIn({ apiKey: standIn.apiKey });
    await vi.waitFor(() => expect(desk.unread().length).toBeGreaterThan(0));
    const before = desk.unread().at(-1)!;
    const dataset = standIn.seed.datasets[0]!;
    const { id } = standIn.notify({ type: 'mention', from: 'carol-agent', assetId: dataset.id });
    await vi.waitFor(() => expect(desk.unread().at(-1)).toBe(before + 1), { timeout: POLL_MS * 20 });
    const row = await desk.ok<NotificationRow>('notifications:open', { id });
    expect(row).toMatchObject({ id, read: true, kind: 'mention', title: 'carol-agent mentioned you', target: { type: 'dataset', id: dataset.id } });
    expect(desk.unread().at(-1)).toBe(before);
    // Focused: no OS notification, only the count.
    expect(desk.shown).toEqual([]);
    expect(await desk.call('notifications:open', { id: 'not-a-uuid' })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(await desk.call('notifications:open', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    await desk.services.dispose();
  });

  it('backs off through server errors, then recovers', async () => {
    const desk = setup({ focused: true });
    await desk.services.start();
    await desk.services.account.signIn({ apiKey: standIn.apiKey });
    await vi.waitFor(() => expect(desk.unread().length).toBeGreaterThan(0));
    standIn.clearLog();
    standIn.faults.add({ method: 'GET', path: '/user/notifications/unreads', status: 503, times: 3 });
    await vi.waitFor(() => expect(unreadRequests().filter((e) => e.status === 200).length).toBeGreaterThan(0), { timeout: POLL_MS * 40 });
    const requests = unreadRequests();
    expect(requests.slice(0, 3).map((e) => e.status)).toEqual([503, 503, 503]);
    // Each failed poll waits longer than the last: interval × 2, × 4, × 8.
    const gaps = requests.slice(0, 4).map((e, i, all) => (i === 0 ? 0 : e.at - all[i - 1]!.at)).slice(1);
    expect(gaps[0]).toBeGreaterThanOrEqual(POLL_MS * 2 - 20);
    expect(gaps[1]).toBeGreaterThanOrEqual(POLL_MS * 4 - 20);
    expect(gaps[2]).toBeGreaterThanOrEqual(POLL_MS * 8 - 20);
    await desk.services.dispose();
  });

  it('does not poll while offline, and polls again as soon as Ouro is back', async () => {
    const desk = setup({ focused: true });
    await desk.services.start();
    await desk.services.account.signIn({ apiKey: standIn.apiKey });
    await vi.waitFor(() => expect(desk.unread().length).toBeGreaterThan(0));
    standIn.clearLog();
    // Offline: the account retries Ouro after its own delay (200 ms here, more than the interval).
    desk.services.account.noteReachability(false);
    await vi.waitFor(() => expect(standIn.log.some((e) => e.path === '/users/get-token')).toBe(true), { timeout: 5_000 });
    const reconnectAt = standIn.log.findIndex((e) => e.path === '/users/get-token');
    expect(standIn.log.slice(0, reconnectAt).filter((e) => e.path === '/user/notifications/unreads')).toEqual([]);
    // Back online: a poll at once.
    await vi.waitFor(() => expect(standIn.log.slice(reconnectAt).some((e) => e.path === '/user/notifications/unreads')).toBe(true));
    await desk.services.dispose();
  });

  it('stops and clears the count at sign-out', async () => {
    const desk = setup();
    await desk.services.start();
    await desk.services.account.signIn({ apiKey: standIn.otherApiKey });
    await vi.waitFor(() => expect(desk.unread().length).toBeGreaterThan(0));
    await desk.ok('account:sign-out');
    expect(desk.unread().at(-1)).toBeNull();
    expect(desk.badge.at(-1)).toBe(0);
    expect(await desk.ok('notifications:unreads')).toEqual({ unread: null });
    await desk.services.dispose();
  });
});
