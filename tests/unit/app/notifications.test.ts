import { describe, expect, it, vi } from 'vitest';
import { createNotifier, type NotificationLike } from '../../../electron/app/notifications';

class FakeNotification implements NotificationLike {
  listeners = new Map<string, Array<() => void>>();
  shown = 0;
  closed = false;
  constructor(readonly options: { title: string; body: string }) {}
  on(event: 'click' | 'close' | 'failed', listener: () => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string) {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }
  show() {
    this.shown += 1;
  }
  close() {
    this.closed = true;
  }
}

function notifier(options: { supported?: boolean; max?: number } = {}) {
  const onClick = vi.fn();
  const made: FakeNotification[] = [];
  const n = createNotifier({
    isSupported: () => options.supported ?? true,
    create: (o) => {
      const notification = new FakeNotification(o);
      made.push(notification);
      return notification;
    },
    onClick,
    ...(options.max ? { max: options.max } : {}),
  });
  return { n, made, onClick };
}

describe('notifications', () => {
  it('holds each notification until it is clicked, and a click shows the window', () => {
    const { n, made, onClick } = notifier();
    expect(n.notify('Uploaded a.bin', 'It is on Ouro now.')).toBe(true);
    expect(made[0]?.shown).toBe(1);
    // Held (so its click handler cannot be garbage-collected) until the click…
    expect(n.live()).toEqual([made[0]]);
    made[0]?.emit('click');
    expect(onClick).toHaveBeenCalledOnce();
    // …and released after it.
    expect(n.live()).toEqual([]);
  });

  it('releases a notification the person closed, or that the system failed to show', () => {
    const { n, made, onClick } = notifier();
    n.notify('one', '');
    n.notify('two', '');
    n.notify('three', '');
    made[0]?.emit('close');
    made[1]?.emit('failed');
    expect(n.live()).toEqual([made[2]]);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('keeps a bounded number, closing the oldest beyond it', () => {
    const { n, made } = notifier({ max: 2 });
    for (const title of ['a', 'b', 'c']) n.notify(title, '');
    expect(n.live().map((x) => x.options.title)).toEqual(['b', 'c']);
    expect(made[0]?.closed).toBe(true);
  });

  it('does nothing where the system has no notifications', () => {
    const { n, made } = notifier({ supported: false });
    expect(n.notify('x', 'y')).toBe(false);
    expect(made).toEqual([]);
    expect(n.shownCount()).toBe(0);
  });

  it('counts what it has shown (macOS asks for permission at the first)', () => {
    const { n } = notifier();
    n.notify('a', '');
    n.notify('b', '');
    expect(n.shownCount()).toBe(2);
  });
});
