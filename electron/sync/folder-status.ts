// What a sync folder's status line and view say, from the engine's counts: paused (and why),
// checking for changes, "Uploading 3 of 12", errors (failed uploads first), or up to date.
import type { SyncFolderView, SyncPauseReason, SyncStatus } from '../../shared/sync';
import type { ChangePlanner } from './change-planner';
import type { SyncIndex } from './sync-index';

const MISSING_MESSAGE = 'The folder cannot be found. If it is on a disk that was removed, connect it again; nothing was deleted on Ouro.';

export type EngineView = Omit<SyncFolderView, 'name' | 'path' | 'destination' | 'mirrorDeletions' | 'ignore'>;

export interface StatusFacts {
  paused: SyncPauseReason | null;
  /** Files the running catch-up scan has checked; null when none is running. */
  scanned: number | null;
  /** Files waiting to settle, being decided, or queued for upload. */
  busy: number;
  /** Of this round (since the folder was last up to date), files handled. */
  done: number;
  planner: Pick<ChangePlanner, 'failed' | 'lastError'>;
}

export function statusOf(facts: StatusFacts): SyncStatus {
  if (facts.paused) return { state: 'paused', reason: facts.paused, ...(facts.paused === 'folder-missing' ? { message: MISSING_MESSAGE } : {}) };
  if (facts.scanned !== null) return { state: 'scanning', checked: facts.scanned };
  if (facts.busy > 0) return { state: 'syncing', done: facts.done, total: facts.done + facts.busy };
  const failed = [...facts.planner.failed.values()];
  if (failed[0]) return { state: 'error', failed: failed.length, error: failed[0] };
  if (facts.planner.lastError) return { state: 'error', failed: 0, error: facts.planner.lastError };
  return { state: 'up-to-date' };
}

export function viewOf(id: string, status: SyncStatus, index: SyncIndex, planner: Pick<ChangePlanner, 'gone' | 'activity'>): EngineView {
  let synced = 0;
  for (const [, entry] of index.entries()) if (entry.assetId) synced++;
  const deletes = [...planner.gone.pendingDeletes.values()];
  return {
    id,
    status,
    synced,
    pendingDeletes: deletes.length > 0 ? { count: deletes.length, dueAt: Math.min(...deletes.map((d) => d.dueAt)) } : null,
    activity: { ...planner.activity },
  };
}
