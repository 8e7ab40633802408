// Sync folders for whoever is signed in: loads the account's folders and runs an engine for each,
// pauses them offline or when Ouro refuses the key, swaps them when the account changes (one
// account's folder never uploads as another), forgets them at sign-out, and answers the `sync:*`
// channels. Changes reach the page as coalesced `sync:changed` deltas.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AccountState } from '../../shared/account';
import { AppError } from '../../shared/app-error';
import type { ChooseSyncFolderResult, SyncDelta, SyncFolderView } from '../../shared/sync';
import { accountFolder, scopeOf } from '../cache/account-scope';
import type { Logger } from '../log';
import { createChosenFolders } from './chosen-folders';
import { sha256File } from './file-hash';
import { FolderEngine } from './folder-engine';
import { checkNewFolder, type FolderSettings } from './folder-settings';
import { createFolderStore, type FolderStore } from './folder-store';
import { createDeltaEmitter } from './sync-events';
import { cleanPatterns } from './ignore-rules';
import { openSyncIndex, removeSyncIndex } from './sync-index';
import type { SyncAssets, SyncUploads, WatchFolder } from './sync-ports';

/** The stability wait and its polling, and Mirror deletions' grace period (tests shorten them). */
export type SyncTiming = Partial<Record<'quietMs' | 'pollMs' | 'graceMs', number>>;

export interface SyncServiceDeps {
  dataDir: string;
  log: Logger;
  emit(delta: SyncDelta): void;
  uploads: SyncUploads;
  assets: SyncAssets;
  watch: WatchFolder;
  /** Main's folder dialog (Electron) or OURO_DESKTOP_PICK_FOLDER (web host); absent: unsupported. */
  chooseFolder?: (() => Promise<string | null>) | undefined;
  timing?: SyncTiming | undefined;
  /** Resolves once Ouro has said who the key is (until then the folders' account is unknown). */
  accountVerified?: () => Promise<unknown>;
}

export interface AddFolderInput {
  handle: string;
  destination: FolderSettings['destination'];
  existing: 'upload' | 'skip';
}

export interface SyncService {
  list(): { folders: SyncFolderView[] };
  chooseFolder(): Promise<ChooseSyncFolderResult>;
  add(input: AddFolderInput): Promise<SyncFolderView>;
  update(id: string, patch: { paused?: boolean | undefined; mirrorDeletions?: boolean | undefined; ignore?: string[] | undefined }): SyncFolderView;
  remove(id: string): Promise<void>;
  onAccountChanged(state: AccountState): void;
  /** After sleep: every running folder compares itself with its index again. */
  catchUp(): void;
  /** Sign-out: stop every folder (their files go with the account's folder). */
  forget(): Promise<void>;
  /** Resolves once the account's folders are loaded and started. */
  settled(): Promise<void>;
  dispose(): Promise<void>;
}

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const chosen = createChosenFolders();
  const engines = new Map<string, FolderEngine>();
  let folders: FolderSettings[] = [];
  let owner: string | null = null;
  let store: FolderStore | null = null;
  let online = false;
  let refused = false;
  let switching: Promise<void> = Promise.resolve();
  const events = createDeltaEmitter(deps.emit, (id) => viewOf(id));
  // Outcomes reach the folder that queued them (its index learns the asset id and the hash sent).
  const unsubscribe = deps.uploads.onOutcome((outcome) => engines.get(outcome.folderId)?.planner.onOutcome(outcome));

  function viewOf(id: string): SyncFolderView | null {
    const settings = folders.find((f) => f.id === id);
    const engine = engines.get(id);
    if (!settings || !engine) return null;
    return {
      ...engine.view(),
      name: path.basename(settings.root) || settings.root,
      path: settings.root,
      destination: settings.destination,
      mirrorDeletions: settings.mirrorDeletions,
      ignore: settings.ignore,
    };
  }

  /** Why folders are paused when the person has not paused them. */
  const accountPause = () => (refused ? ('sign-in' as const) : online ? null : ('offline' as const));
  const applyPause = (engine: FolderEngine) => {
    const reason = engine.settings.paused ? 'by-you' : accountPause();
    if (reason) engine.pause(reason);
    else if (engine.paused !== 'folder-missing') engine.resume();
  };

  async function startEngine(settings: FolderSettings, key: string, folderStore: FolderStore): Promise<void> {
    const index = await openSyncIndex(folderStore.indexFile(settings.id), (error) => deps.log.warn('Could not save a sync folder index', error));
    const engine = new FolderEngine({
      settings: () => folders.find((f) => f.id === settings.id) ?? settings,
      owner: key,
      index,
      uploads: deps.uploads,
      assets: deps.assets,
      watch: deps.watch,
      hash: sha256File,
      log: deps.log,
      changed: () => events.changed(settings.id),
      saveSettings: (patch) => void save(settings.id, patch),
      ...deps.timing,
    });
    engines.set(settings.id, engine);
    const reason = settings.paused ? 'by-you' : accountPause();
    if (reason) engine.pause(reason);
    await engine.start();
    events.changed(settings.id);
  }

  async function save(id: string, patch: Partial<FolderSettings>): Promise<void> {
    folders = folders.map((f) => (f.id === id ? { ...f, ...patch } : f));
    await store?.save(folders);
  }

  async function stopAll(): Promise<void> {
    const stopping = [...engines.entries()];
    engines.clear();
    for (const [id] of stopping) events.removed(id);
    await Promise.all(stopping.map(([, engine]) => engine.stop().catch(() => {})));
    folders = [];
  }

  /** Binds to another account (or none): the old account's folders stop before the new one's start. */
  function bind(key: string | null, state: AccountState | null): Promise<void> {
    switching = switching.then(async () => {
      if (key === owner) return;
      await stopAll();
      owner = key;
      store = null;
      chosen.clear();
      const scope = state ? scopeOf(state) : null;
      if (!key || !scope) return;
      const folderStore = createFolderStore(accountFolder(deps.dataDir, scope), (error) => deps.log.warn('Could not save sync folders', error));
      store = folderStore;
      folders = await folderStore.load();
      if (owner !== key) return;
      for (const settings of folders) await startEngine(settings, key, folderStore).catch((error: unknown) => deps.log.warn('A sync folder could not start', error));
    });
    return switching;
  }

  const signedIn = async () => {
    if (!owner) await deps.accountVerified?.();
    await switching;
    if (!owner || !store) throw new AppError({ kind: 'not-signed-in', message: 'Sign in to sync folders with Ouro.' });
    return { key: owner, folderStore: store };
  };
  const engineOf = (id: string) => {
    const engine = engines.get(id);
    if (!engine) throw new AppError({ kind: 'not-found', message: 'That sync folder is no longer set up.' });
    return engine;
  };

  return {
    list: () => ({ folders: folders.map((f) => viewOf(f.id)).filter((v): v is SyncFolderView => v !== null) }),
    async chooseFolder() {
      if (!deps.chooseFolder) return { supported: false, message: 'This window cannot open a folder dialog.' };
      const { key } = await signedIn();
      const picked = await deps.chooseFolder();
      if (!picked) return { supported: true, folder: null };
      const granted = await chosen.grant(picked, key);
      if (!granted) throw new AppError({ kind: 'file-unreadable', message: 'That folder cannot be read. Choose another folder.' });
      return { supported: true, folder: granted };
    },
    async add(input) {
      const { key, folderStore } = await signedIn();
      const root = chosen.take(input.handle, key);
      checkNewFolder(root, folders, deps.dataDir);
      const settings: FolderSettings = {
        id: randomUUID(),
        root,
        destination: input.destination,
        mirrorDeletions: false,
        ignore: [],
        paused: false,
        onlyNew: input.existing === 'skip',
        baselined: false,
        addedAt: Date.now(),
      };
      folders = [...folders, settings];
      await folderStore.save(folders);
      await startEngine(settings, key, folderStore);
      const view = viewOf(settings.id);
      if (!view) throw new AppError({ kind: 'internal', message: 'The sync folder could not start' });
      return view;
    },
    update(id, patch) {
      const engine = engineOf(id);
      void save(id, {
        ...(patch.paused !== undefined ? { paused: patch.paused } : {}),
        ...(patch.mirrorDeletions !== undefined ? { mirrorDeletions: patch.mirrorDeletions } : {}),
        ...(patch.ignore !== undefined ? { ignore: cleanPatterns(patch.ignore) } : {}),
      });
      if (patch.ignore !== undefined || patch.mirrorDeletions !== undefined) engine.reconfigure();
      if (patch.paused !== undefined) applyPause(engine);
      const view = viewOf(id);
      if (!view) throw new AppError({ kind: 'not-found', message: 'That sync folder is no longer set up.' });
      return view;
    },
    async remove(id) {
      const { folderStore } = await signedIn();
      const engine = engineOf(id);
      engines.delete(id);
      folders = folders.filter((f) => f.id !== id);
      await folderStore.save(folders);
      await engine.stop();
      await removeSyncIndex(folderStore.indexFile(id));
      events.removed(id);
    },
    onAccountChanged(state) {
      const scope = scopeOf(state);
      if (state.status === 'signed-in') {
        online = state.connection === 'online';
        refused = false;
        if (scope) void bind(scope.id, state).then(() => engines.forEach(applyPause));
        else engines.forEach(applyPause);
      } else if (state.reason === 'revoked') {
        // The same account may come back with a new key: its folders wait, paused.
        refused = true;
        engines.forEach(applyPause);
      } else void bind(null, null);
    },
    catchUp() {
      for (const engine of engines.values()) {
        if (engine.paused) continue;
        engine.pause('offline');
        applyPause(engine);
      }
    },
    async forget() {
      await bind(null, null);
    },
    settled: () => switching,
    async dispose() {
      unsubscribe();
      await switching;
      await stopAll();
      events.dispose();
    },
  };
}
