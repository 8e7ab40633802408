// Records that the person opened an asset's details, the way the SDK does on every retrieve
// (`POST /assets/{id}/view`, ouro-api.md §3.3): fire-and-forget, never awaited by the handler,
// a failure logged at debug level and never shown. Re-opening the same asset within a minute (or
// a details refetch) does not count again.
import type { Logger } from '../log';
import type { OuroClient } from '../ouro/client';

export type RecordView = (client: OuroClient, id: string) => void;

export interface ViewRecorderOptions {
  /** Views of one asset closer together than this are one view. */
  windowMs?: number;
  /** Recent views remembered per account; the oldest is forgotten first. */
  maxRemembered?: number;
  now?: () => number;
}

export function createViewRecorder(log: Logger, options: ViewRecorderOptions = {}): RecordView {
  const windowMs = options.windowMs ?? 60_000;
  const max = options.maxRemembered ?? 200;
  const now = options.now ?? Date.now;
  // Per client, so another account opening the same asset still records its own view.
  const recent = new WeakMap<OuroClient, Map<string, number>>();
  return (client, id) => {
    let seen = recent.get(client);
    if (!seen) recent.set(client, (seen = new Map()));
    const t = now();
    const last = seen.get(id);
    if (last !== undefined && t - last < windowMs) return;
    seen.delete(id);
    seen.set(id, t);
    if (seen.size > max) seen.delete(seen.keys().next().value as string);
    void client.assets.recordView(id).catch((error: unknown) => {
      log.debug(`View of asset ${id} not recorded: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
}
