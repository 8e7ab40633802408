// The catch-up scan's comparison: every file in the folder against the index. Unchanged files
// (same size and mtime) cost nothing; others wait for stability and are decided as usual; files
// the index has and the folder does not are handed over as missing. "Only new files" notes what
// is there on the first scan instead of uploading it.
import { scanFolder } from './folder-scan';
import type { IgnoreTest } from './ignore-rules';
import type { ChangePlanner } from './change-planner';
import type { SyncIndex } from './sync-index';

export interface CatchUpDeps {
  root: string;
  ignored: IgnoreTest;
  signal: AbortSignal;
  index: SyncIndex;
  planner: Pick<ChangePlanner, 'known' | 'gone'>;
  /** The first scan of a folder added with "only new files". */
  baseline: boolean;
  /** A file found changed or new: wait for it to be stable (found by a scan: settled if its mtime is old). */
  track(rel: string): void;
  progress(checked: number): void;
}

/** Throws when the folder cannot be read; returns false when aborted (the folder paused or stopped). */
export async function compareWithIndex(deps: CatchUpDeps): Promise<boolean> {
  const { index } = deps;
  const seen = new Set<string>();
  for await (const batch of scanFolder(deps.root, deps.ignored, deps.signal)) {
    for (const file of batch) {
      seen.add(file.rel);
      if (deps.planner.known(file.rel, file)) continue;
      if (deps.baseline && !index.get(file.rel)) index.set(file.rel, { assetId: null, size: file.size, mtimeMs: file.mtimeMs, sha256: null });
      else deps.track(file.rel);
    }
    deps.progress(seen.size);
  }
  if (deps.signal.aborted) return false;
  for (const [rel] of index.entries()) if (!seen.has(rel)) deps.planner.gone.markMissing(rel);
  return true;
}
