// The recursive watcher behind sync folders: @parcel/watcher (FSEvents, inotify,
// ReadDirectoryChangesW through one native subscription per folder; see README for why).
// Dot-folders are left to the native side to skip, so a busy .git never wakes us up.
import watcher from '@parcel/watcher';
import type { WatchFolder } from './sync-ports';

export const parcelWatch: WatchFolder = async (root, onEvents, onError) => {
  const subscription = await watcher.subscribe(
    root,
    (error, events) => {
      if (error) onError(error);
      else if (events.length > 0) onEvents(events.map((event) => ({ type: event.type, path: event.path })));
    },
    { ignore: ['**/.git', '**/node_modules/.cache'] },
  );
  return { close: () => subscription.unsubscribe() };
};
