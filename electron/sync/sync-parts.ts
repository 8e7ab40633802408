// Builds sync folders for services.ts: the service over the upload queue and the account's
// client, and its `sync:*` handlers. Kept here so services.ts only passes what it has.
import type { OuroClient } from '../ouro/client';
import type { Logger } from '../log';
import type { SyncDelta } from '../../shared/sync';
import type { UploadIntake } from '../uploads/upload-intake';
import { createAssetAdapter } from './asset-adapter';
import { parcelWatch } from './parcel-watcher';
import { createQueueAdapter } from './queue-adapter';
import { createSyncHandlers } from './sync-handlers';
import type { WatchFolder } from './sync-ports';
import { createSyncService, type SyncService, type SyncTiming } from './sync-service';

export interface SyncOptions {
  /** Electron: main's folder dialog. Web host: the folder named by OURO_DESKTOP_PICK_FOLDER. */
  chooseFolder?: () => Promise<string | null>;
  /** Tests: a fake watcher. Default: @parcel/watcher. */
  watch?: WatchFolder;
  timing?: SyncTiming;
}

export interface SyncPartsDeps {
  options: SyncOptions | undefined;
  dataDir: string;
  log: Logger;
  emit(event: 'sync:changed', payload: SyncDelta): void;
  /** The upload queue's intake: how sync queues files and hears how they end. */
  uploads: UploadIntake;
  client: () => OuroClient;
  accountVerified: () => Promise<unknown>;
}

export function createSyncParts(deps: SyncPartsDeps): { service: SyncService; handlers: ReturnType<typeof createSyncHandlers> } {
  const service = createSyncService({
    dataDir: deps.dataDir,
    log: deps.log,
    emit: (delta) => deps.emit('sync:changed', delta),
    uploads: createQueueAdapter(deps.uploads),
    assets: createAssetAdapter(deps.client),
    watch: deps.options?.watch ?? parcelWatch,
    chooseFolder: deps.options?.chooseFolder,
    timing: deps.options?.timing,
    accountVerified: deps.accountVerified,
  });
  return { service, handlers: createSyncHandlers(service) };
}
