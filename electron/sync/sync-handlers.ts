// The `sync:*` channels, each a thin call into the sync service.
import type { Handlers } from '../ipc/handlers';
import type { SyncService } from './sync-service';

type SyncChannel = Extract<keyof Handlers, `sync:${string}`>;

export function createSyncHandlers(sync: SyncService): Pick<Handlers, SyncChannel> {
  return {
    'sync:list': () => sync.list(),
    'sync:choose-folder': () => sync.chooseFolder(),
    'sync:add': ({ handle, destination, existing }) => sync.add({ handle, destination, existing }),
    'sync:update': ({ id, ...patch }) => sync.update(id, patch),
    'sync:remove': ({ id }) => sync.remove(id),
  };
}
