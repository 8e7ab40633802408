// A tiny fan-out for events main pushes to the page. The Electron host sends them over
// webContents; the web host streams them to every open page with Server-Sent Events.
import type { EventName, EventPayload } from '../shared/contract';

/** How main pushes an event to the page; every service takes one. */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export type EventListener = (event: EventName, payload: unknown) => void;

export interface EventHub {
  emit: EmitEvent;
  subscribe(listener: EventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => {
      for (const listener of listeners) listener(event, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
