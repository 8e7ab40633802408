// `window.ouro` for the web host: the same OuroBridge the preload builds, carried over loopback
// HTTP (calls) and Server-Sent Events (pushed events) instead of Electron IPC. Runs in the page.
import { isChannel, isEventName, type EventName } from '../../shared/contract-names';
import { fail, type IpcResult } from '../../shared/ipc-result';
import type { OuroBridge } from '../../shared/ouro-bridge';

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
let source: EventSource | null = null;
let opened = 0;
/** After a failed connection the browser gives up for good (e.g. the host restarted): try again. */
const RECREATE_AFTER_MS = 2_000;

function dispatch(event: EventName, payload: unknown): void {
  for (const listener of listeners.get(event) ?? []) listener(payload);
}

function ensureEventSource(): void {
  if (source) return;
  const current = new EventSource('/__ouro/events');
  source = current;
  for (const event of listeners.keys()) attach(event);
  current.addEventListener('open', () => {
    opened++;
    // The web host drops a reader that falls behind, and a drop loses whatever was sent
    // meanwhile: every open after the first tells the page to re-read what it shows.
    if (opened > 1) dispatch('events:reconnected', {});
  });
  current.addEventListener('error', () => {
    if (current.readyState !== EventSource.CLOSED) return; // the browser is reconnecting by itself
    current.close();
    if (source === current) source = null;
    setTimeout(ensureEventSource, RECREATE_AFTER_MS);
  });
}

function attach(event: EventName): void {
  // `events:reconnected` is raised here, in the page, never sent by the host.
  if (event === 'events:reconnected') return;
  source?.addEventListener(event, (message) => dispatch(event, JSON.parse((message as MessageEvent<string>).data) as unknown));
}

async function invoke(channel: string, input: unknown): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) return fail({ kind: 'invalid-input', message: 'Unknown channel' });
  try {
    const response = await fetch(`/__ouro/ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input }),
      credentials: 'same-origin',
    });
    if (!response.ok) {
      return fail({ kind: 'internal', message: `The web host refused the call (HTTP ${response.status})` });
    }
    return (await response.json()) as IpcResult<unknown>;
  } catch {
    // The web host itself is gone (stopped or restarting): the app's "main process" is unreachable.
    return fail({ kind: 'internal', message: 'The web host is not running' });
  }
}

const bridge: OuroBridge = {
  invoke: ((channel: string, input?: unknown) => invoke(channel, input)) as OuroBridge['invoke'],
  on: (event, listener) => {
    if (!isEventName(event)) throw new Error('Unknown event');
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
      attach(event);
    }
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    ensureEventSource();
    return () => {
      set.delete(wrapped);
    };
  },
  stageFile: async (file, name) => {
    try {
      // The File is streamed by the browser straight from disk; nothing is read into the page.
      const response = await fetch(`/__ouro/stage?name=${encodeURIComponent(name ?? file.name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: file,
        credentials: 'same-origin',
      });
      if (!response.ok) return fail({ kind: 'internal', message: `The web host refused the file (HTTP ${response.status})` });
      return (await response.json()) as IpcResult<{ staged: string; size: number }>;
    } catch {
      return fail({ kind: 'internal', message: 'The web host is not running' });
    }
  },
};

Object.defineProperty(window, 'ouro', { value: Object.freeze(bridge), writable: false, configurable: false });
