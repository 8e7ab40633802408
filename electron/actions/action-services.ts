// Builds the acting-on-content side of main (issue 13) from the account and the host's hooks: the
// Downloads list, drag copies and links, delete confirmations, and the handlers for their
// channels. services.ts spreads the handlers in with the rest; nothing here imports Electron.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { AccountState } from '../../shared/account';
import type { AccountService } from '../account/account-service';
import type { Handlers } from '../ipc/handlers';
import type { Logger } from '../log';
import type { EmitEvent } from '../event-hub';
import type { UploadService } from '../uploads/upload-service';
import { createDownloadHandlers, type ChooseFolder } from '../downloads/download-handlers';
import { createDownloadManager, type DownloadManager } from '../downloads/download-manager';
import { accountKeyOf } from './account-identity';
import { createAssetChanges, type AssetChanges } from './asset-changes';
import { createDeleteConfirmations, type ConfirmationOptions } from './delete-confirmations';
import { createDeleteHandlers } from './delete-handlers';
import { createDragCache, type CachedCopy, type DragCache } from './drag-cache';
import { createDragHandlers, openDragLink } from './drag-handlers';
import { createDragLinks, type DragLinkOptions } from './drag-links';
import { createMenuHandlers, type MenuHooks } from './menu-handlers';
import { createReplaceHandlers } from './replace-handlers';
import { createUpdateHandlers } from './update-handlers';

/** What the host supplies (main.ts: Electron's dialogs, shell and Menu; the web host: little). */
export interface ActionOptions {
  /** The folder a bulk download goes into (a folder dialog); default a Downloads folder in dataDir. */
  chooseFolder?: ChooseFolder | undefined;
  /** shell.showItemInFolder; absent in the web host. */
  showItemInFolder?: ((file: string) => void) | undefined;
  /** Native context menu and app-menu state; absent in the web host. */
  menus?: MenuHooks | undefined;
  /** Delete confirmations' lifetime and clock (tests shorten them). */
  deleteConfirmations?: ConfirmationOptions | undefined;
  /** Web host drag links' lifetime and clock. */
  dragLinks?: DragLinkOptions | undefined;
}

export interface ActionServiceDeps extends ActionOptions {
  account: AccountService;
  dataDir: string;
  log: Logger;
  emit: EmitEvent;
  /** The upload queue, which runs content replacements. */
  uploads(): Pick<UploadService, 'replace'>;
  /** Wraps handlers that reach Ouro so the offline banner follows them (services.ts). */
  track<H extends object>(handlers: H): H;
}

type ActionChannel =
  | 'assets:update'
  | 'assets:delete-preview'
  | 'assets:delete'
  | 'files:replace-content'
  | 'downloads:list'
  | 'downloads:cancel'
  | 'downloads:show-in-folder'
  | 'downloads:clear-finished'
  | 'downloads:bulk'
  | 'menu:context'
  | 'menu:selection-changed'
  | 'drag:prepare';

export interface ActionServices {
  handlers: Pick<Handlers, ActionChannel>;
  /** Edits, deletes and replacements announce here; caches of old records and bytes listen. */
  changes: AssetChanges;
  downloads: DownloadManager;
  dragCache: DragCache;
  openDragLink(token: string): Promise<CachedCopy | null>;
  /** The account changed: downloads and drag copies are only ever the signed-in account's. */
  onAccountChanged(state: AccountState): void;
  dispose(): Promise<void>;
}

function defaultFolder(dataDir: string): ChooseFolder {
  const folder = path.join(dataDir, 'Downloads');
  return async () => {
    await mkdir(folder, { recursive: true });
    return folder;
  };
}

export function createActionServices(deps: ActionServiceDeps): ActionServices {
  const { account, log } = deps;
  const changes = createAssetChanges();
  const downloads = createDownloadManager({ client: () => account.client(), emit: deps.emit, log, showItemInFolder: deps.showItemInFolder });
  const dragCache = createDragCache({ dir: path.join(deps.dataDir, 'drag-cache'), account, log });
  changes.subscribe((id) => dragCache.forget(id));
  const drag = { account, cache: dragCache, links: createDragLinks(deps.dragLinks) };
  // Nothing one account started may continue, or stay on disk, for the next.
  account.onSignedOut(async () => {
    downloads.cancelAll();
    await dragCache.clear();
  });
  const follow = (state: AccountState) => {
    const key = accountKeyOf(state);
    dragCache.follow(key);
    downloads.follow(key);
  };
  account.onChanged(follow);
  const uploads = { replace: (input: Parameters<UploadService['replace']>[0]) => deps.uploads().replace(input) };

  return {
    changes,
    downloads,
    dragCache,
    openDragLink: (token) => openDragLink(drag, token),
    onAccountChanged: follow,
    handlers: {
      ...deps.track(createUpdateHandlers({ account, changes })),
      ...deps.track(createDeleteHandlers({ account, changes, log, confirmations: createDeleteConfirmations(deps.deleteConfirmations) })),
      ...deps.track(createReplaceHandlers({ account, uploads })),
      ...deps.track(createDragHandlers(drag)),
      ...createDownloadHandlers({ account, downloads, chooseFolder: deps.chooseFolder ?? defaultFolder(deps.dataDir) }),
      ...createMenuHandlers(deps.menus),
    },
    dispose: async () => {
      await Promise.all([downloads.dispose(), dragCache.dispose()]);
    },
  };
}
