// The watcher's events as a sync folder needs them: paths relative to the folder ('/'-separated),
// ignored ones dropped, deletions apart from writes (a rename arrives as the old path's delete and
// the new path's create, and the delete must be known first), and whether the folder itself went.
import path from 'node:path';
import type { IgnoreTest } from './ignore-rules';
import type { WatchEvent } from './sync-ports';

export function sortEvents(root: string, events: readonly WatchEvent[], ignored: IgnoreTest): { rootGone: boolean; deleted: string[]; written: string[] } {
  let rootGone = false;
  const deleted: string[] = [];
  const written: string[] = [];
  for (const event of events) {
    const rel = path.relative(root, event.path).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
      if (event.type === 'delete') rootGone = true;
      continue;
    }
    if (ignored(rel)) continue;
    (event.type === 'delete' ? deleted : written).push(rel);
  }
  return { rootGone, deleted, written };
}
