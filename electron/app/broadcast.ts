// main's events to the page: each one is sent to every open window (a closing one is skipped),
// on the event's own channel of the contract.
import { eventChannel } from '../../shared/contract';
import type { EmitEvent } from '../event-hub';

/** The part of a BrowserWindow an event is sent through. */
export interface EventWindow {
  isDestroyed(): boolean;
  webContents: { send(channel: string, payload: unknown): void };
}

export function broadcastToWindows(allWindows: () => readonly EventWindow[]): EmitEvent {
  return (event, payload) => {
    for (const window of allWindows()) {
      if (!window.isDestroyed()) window.webContents.send(eventChannel(event), payload);
    }
  };
}
