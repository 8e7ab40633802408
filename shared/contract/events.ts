// What main pushes to the page: each event's payload.
import type { AccountState } from '../account';
import type { DownloadProgress, RetryNotice } from '../browse';
import type { EventName } from '../contract-names';
import type { UpdateState } from './app';
import type { DownloadsDelta } from '../actions';
import type { ItemAction } from '../item-actions';
import type { UploadsDelta } from '../uploads';
import type { UnreadState } from '../notifications';
import type { OutboxSnapshot } from '../outbox';
import type { SyncDelta } from '../sync';
import { returns } from './spec';

export const events = {
  /** An update was downloaded and waits for a restart. */
  'app:update-ready': returns<UpdateState>(),
  /** Sign-in, sign-out, a refused key, going offline or back online. */
  'account:changed': returns<AccountState>(),
  'downloads:progress': returns<DownloadProgress>(),
  /** Ouro asked us to wait (429) or was briefly unreachable: main is retrying by itself. */
  'requests:retrying': returns<RetryNotice>(),
  /** The upload queue changed: a delta (never the whole queue), at most ~5 a second. */
  'uploads:changed': returns<UploadsDelta>(),
  /**
   * The event stream was interrupted and is back (the web host dropped a reader that fell behind):
   * events may have been missed, so the page re-reads what it shows. Raised by the web bridge.
   */
  'events:reconnected': returns<Record<string, never>>(),
  /** File → Upload Files… was chosen: the page opens its picker and confirm sheet. */
  'uploads:pick-requested': returns<Record<string, never>>(),
  /** The Downloads list changed: only the items that changed, coalesced (~10 a second at most). */
  'downloads:changed': returns<DownloadsDelta>(),
  /** An item action was chosen in the app menu: the page applies it to its selection. */
  'menu:action': returns<{ action: ItemAction }>(),
  /** The unread notifications count changed (the sidebar's count; main also sets the icon badge). */
  'notifications:changed': returns<UnreadState>(),
  /** Main has items for the page to open (or links it refused): call `links:take`. */
  'links:requested': returns<{ pending: number }>(),
  /** The outbox changed: unsent messages, and any just delivered. */
  'outbox:changed': returns<OutboxSnapshot>(),
  /** Sync folders changed: the views that changed (whole) and the ids removed; at most ~4 a second. */
  'sync:changed': returns<SyncDelta>(),
  /** File → Sync a Folder… was chosen: the page opens its add-folder sheet. */
  'sync:add-requested': returns<Record<string, never>>(),
} satisfies Record<EventName, unknown>;
