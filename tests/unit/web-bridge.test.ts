// @vitest-environment jsdom
// The web host's bridge: when its event stream reconnects (the host dropped it for falling
// behind), events may have been missed, so it tells the page to re-read what it shows; when the
// browser gives up on the stream for good, the bridge opens a new one.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OuroBridge } from '../../shared/ouro-bridge';

class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  constructor(readonly url: string) {
    super();
    FakeEventSource.instances.push(this);
  }
  open(): void {
    this.readyState = FakeEventSource.OPEN;
    this.dispatchEvent(new Event('open'));
  }
  fail(closed: boolean): void {
    this.readyState = closed ? FakeEventSource.CLOSED : FakeEventSource.CONNECTING;
    this.dispatchEvent(new Event('error'));
  }
  message(event: string, data: unknown): void {
    this.dispatchEvent(new MessageEvent(event, { data: JSON.stringify(data) }));
  }
  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
}

let ouro: OuroBridge;
beforeAll(async () => {
  vi.stubGlobal('EventSource', FakeEventSource);
  await import('../../electron/web-host/bridge');
  ouro = (window as unknown as { ouro: OuroBridge }).ouro;
});
afterEach(() => vi.useRealTimers());

describe('web bridge events', () => {
  it('delivers events, and announces every reconnection after the first connection', () => {
    const deltas: unknown[] = [];
    let reconnected = 0;
    ouro.on('uploads:changed', (delta) => deltas.push(delta));
    ouro.on('events:reconnected', () => reconnected++);
    const source = FakeEventSource.instances.at(-1)!;
    source.open();
    source.message('uploads:changed', { seq: 1 });
    expect(deltas).toEqual([{ seq: 1 }]);
    expect(reconnected).toBe(0);
    // Dropped by the host; the browser reconnects by itself.
    source.fail(false);
    source.open();
    expect(reconnected).toBe(1);
    // The page cannot fake it through the host: a message named like it is not delivered.
    source.message('events:reconnected', {});
    expect(reconnected).toBe(1);
  });

  it('opens a new stream when the browser gives up on the old one, and says so once it is open', () => {
    vi.useFakeTimers();
    let reconnected = 0;
    ouro.on('events:reconnected', () => reconnected++);
    const before = FakeEventSource.instances.length;
    FakeEventSource.instances.at(-1)!.fail(true);
    expect(FakeEventSource.instances.length).toBe(before);
    vi.advanceTimersByTime(2_000);
    expect(FakeEventSource.instances.length).toBe(before + 1);
    const fresh = FakeEventSource.instances.at(-1)!;
    const deltas: unknown[] = [];
    ouro.on('uploads:changed', (delta) => deltas.push(delta));
    fresh.open();
    expect(reconnected).toBe(1);
    fresh.message('uploads:changed', { seq: 9 });
    expect(deltas).toEqual([{ seq: 9 }]);
  });
});
