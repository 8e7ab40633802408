// Only the app's own top-level page may call IPC: not an iframe, not a page that somehow
// navigated elsewhere, not a frame that has been destroyed.
import type { IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from './app-origin';

/** The parts of an invoke event the check needs, so tests can pass plain objects. */
export interface SenderLike {
  senderFrame: { url: string; parent: unknown } | null;
}

export function isTrustedSender(event: SenderLike | IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated or was destroyed before the call arrived
  if (frame.parent) return false; // subframes never get the bridge's powers
  return isAppUrl(frame.url);
}
