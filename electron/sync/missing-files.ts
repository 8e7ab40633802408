// Files a sync folder's index has but the disk no longer does. They wait until the folder is idle
// (a rename's new name may still be settling, and claims them), then are kept on Ouro — or, with
// Mirror deletions, deleted on Ouro after the grace period if still gone. Many gone at once from
// a folder left empty looks like an unmounted disk, which pauses the folder instead.
import { readdir, stat } from 'node:fs/promises';
import { isAppError } from '../../shared/app-error';
import type { AppErrorData } from '../../shared/error-kinds';
import type { SyncActivity } from '../../shared/sync';
import type { PlannerDeps } from './planner-deps';

/** See looksUnmounted. */
const UNMOUNT_MIN_FILES = 10;

export class MissingFiles {
  /** Indexed paths seen to go, waiting for the folder to be idle. */
  readonly missing = new Set<string>();
  readonly pendingDeletes = new Map<string, { assetId: string; dueAt: number }>();

  constructor(
    private readonly deps: PlannerDeps,
    private readonly activity: SyncActivity,
    private readonly abs: (rel: string) => string,
    private readonly onError: (error: AppErrorData) => void,
  ) {}

  /** The file is back (or a new one took its path): nothing to settle or delete for it. */
  cameBack(rel: string): void {
    this.missing.delete(rel);
    if (this.pendingDeletes.delete(rel)) this.deps.changed();
  }

  /** A path (file or folder) went: its indexed files wait as missing until the folder is idle. */
  markMissing(rel: string): void {
    const { index } = this.deps;
    const prefix = `${rel}/`;
    const hit = index.get(rel) ? [rel] : [...index.entries()].filter(([p]) => p.startsWith(prefix)).map(([p]) => p);
    for (const p of hit) {
      if (index.get(p)?.assetId) this.missing.add(p);
      else index.delete(p); // a file that was never uploaded: just forget it
    }
  }

  /** Files still gone once the folder is idle: kept on Ouro, or (Mirror deletions) deleted after the grace period. */
  async settleMissing(): Promise<void> {
    for (const rel of [...this.missing]) {
      this.missing.delete(rel);
      if (await exists(this.abs(rel))) {
        this.deps.recheck(rel);
        continue;
      }
      const entry = this.deps.index.get(rel);
      if (!entry?.assetId) continue;
      if (this.deps.settings().mirrorDeletions) this.pendingDeletes.set(rel, { assetId: entry.assetId, dueAt: this.deps.now() + this.deps.graceMs });
      else {
        this.deps.index.delete(rel);
        this.activity.keptOnOuro++;
      }
    }
    this.deps.changed();
  }

  /** Mirror deletions: deletes on Ouro what has stayed gone for the grace period. */
  async runDueDeletes(): Promise<void> {
    const now = this.deps.now();
    for (const [rel, due] of [...this.pendingDeletes]) {
      if (due.dueAt > now) continue;
      this.pendingDeletes.delete(rel);
      if (await exists(this.abs(rel))) {
        this.deps.recheck(rel);
        continue;
      }
      try {
        await this.deps.assets.remove(due.assetId);
        this.deps.index.delete(rel);
        this.activity.deletedOnOuro++;
      } catch (error) {
        this.onError(errorData(error));
        this.deps.log.warn('A file deleted here could not be deleted on Ouro', error);
      }
    }
    this.deps.changed();
  }

  /** Mirror deletions turned off: what was waiting stays on Ouro. */
  keepPendingDeletes(): void {
    for (const rel of this.pendingDeletes.keys()) {
      this.deps.index.delete(rel);
      this.activity.keptOnOuro++;
    }
    this.pendingDeletes.clear();
  }

  /**
   * Every one of many synced files missing at once, in a folder now empty: an unmounted disk
   * leaves its mount point behind, empty. Taken as the disk gone, not ten or more deletions.
   */
  async looksUnmounted(): Promise<boolean> {
    let withAsset = 0;
    for (const [, entry] of this.deps.index.entries()) if (entry.assetId) withAsset++;
    if (withAsset < UNMOUNT_MIN_FILES || this.missing.size + this.pendingDeletes.size < withAsset) return false;
    const listing = await readdir(this.deps.settings().root).catch(() => []);
    return listing.length === 0;
  }
}

export async function exists(abs: string): Promise<boolean> {
  try {
    await stat(abs);
    return true;
  } catch {
    return false;
  }
}

export function errorData(error: unknown): AppErrorData {
  return isAppError(error) ? error.toData() : { kind: 'internal', message: 'Something went wrong while syncing' };
}
