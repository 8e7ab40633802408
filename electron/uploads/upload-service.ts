// The uploads feature as services.ts sees it: enqueues granted files (or staged copies) and
// replacements of a file's bytes, runs each item (upload-runner.ts), persists and restores the
// queue, keeps each account's items to that account (pausing while Ouro wants a new sign-in), and
// tells the host (progress bar, notification, badge) and the page (`uploads:changed` deltas,
// throttled) what is happening. The parts: the queue (queue.ts) and its runner (queue-runner.ts),
// the intake (upload-intake.ts), outcomes and notifications (upload-outcomes.ts), preferences and
// destinations. Imports nothing from Electron.
import type { AccountState } from '../../shared/account';
import { AppError } from '../../shared/app-error';
import type { AddUploadsResult, ChooseFilesResult, UploadDestination, UploadDestinations, UploadsSnapshot } from '../../shared/uploads';
import { accountIdentity, type AccountIdentity } from '../account/account-identity';
import type { Logger } from '../log';
import type { OuroClient } from '../ouro/client';
import { realClock } from '../ouro/abort';
import type { PathGrants } from '../security/path-grants';
import type { EmitEvent } from '../event-hub';
import type { UploadHostHooks } from './upload-host';
export type { UploadHostHooks } from './upload-host';
import { defaultUploadRetry, type UploadTiming } from './file-upload';
import { createFileResolver, type FileReferences } from './file-references';
import { UploadQueue } from './queue';
import { isFinished } from './queue-record';
import { createQueueStore } from './queue-store';
import { createStaging, type Staging } from './staging';
import { createUploadIntake, type UploadIntake } from './upload-intake';
import { createUploadOutcomes } from './upload-outcomes';
import { createUploadPreferences } from './upload-preferences';
import { destinationOrgs } from './upload-destinations';
import { createUploadPublisher, DEFAULT_PUBLISH_INTERVAL_MS } from './upload-publisher';
import { createUploadRunner } from './upload-runner';

/** What only the host can do; main.ts passes Electron's, the web host passes what it has. */
export interface UploadOptions {
  hooks?: UploadHostHooks;
  /** Uploads at a time (default 3, or the saved preference). */
  concurrency?: number;
  /** Files larger than this are refused before anything is sent (default 5 GiB). */
  maxFileBytes?: number;
  timing?: Partial<UploadTiming>;
  /** Minimum gap between `uploads:changed` events (default 200 ms). */
  progressIntervalMs?: number;
  /** Clock for staged-file expiry (tests). */
  now?: () => number;
}

export interface UploadServiceDeps extends UploadOptions {
  /** A file's bytes were replaced (caches of its old bytes must go). */
  onReplaced?(assetId: string): void;
  dataDir: string;
  log: Logger;
  emit: EmitEvent;
  client(): OuroClient;
  /** Which paths main has been given; nothing outside them is read. */
  grants: PathGrants;
  /** Resolves once Ouro has said who the stored key belongs to (start-up), so a drop can wait for it. */
  accountVerified?(): Promise<void>;
}

/** Files to queue, as the page names them: grant handles and staging tokens (file-references.ts). */
export interface AddInput extends FileReferences {
  destination: UploadDestination;
}

/** New bytes for an existing file asset, named the way `add` names files (one handle or token). */
export interface ReplaceInput extends FileReferences {
  targetId: string;
  targetName: string;
}

export interface UploadService {
  start(): Promise<void>;
  list(): UploadsSnapshot;
  add(input: AddInput): Promise<AddUploadsResult>;
  /** Queues a 'replace' item; fails `file-unreadable` with the reason when the file is refused. */
  replace(input: ReplaceInput): Promise<{ uploadId: string }>;
  cancel(id: string): void;
  cancelAll(): void;
  retry(id: string): void;
  clearFinished(): Promise<void>;
  chooseFiles(): Promise<ChooseFilesResult>;
  destinations(): Promise<UploadDestinations>;
  /** Queue files or replacements, hear outcomes: what sync folders use (sync/queue-adapter.ts). */
  intake: UploadIntake;
  /** Web host: a dropped file's bytes, streamed into the staging folder. */
  stage(name: string, body: AsyncIterable<Buffer> | NodeJS.ReadableStream): Promise<{ token: string; size: number }>;
  /** Other accounts' items, dropped at the person's request; returns how many were unfinished. */
  dropWaiting(): Promise<number>;
  onAccountChanged(state: AccountState): void;
  /** Explicit sign-out: cancel and forget everything (nothing may go to the next account). */
  forget(): Promise<void>;
  dispose(): Promise<void>;
  maxFileBytes: number;
  /** Where the web host's dropped files are staged (inside the data folder). */
  stagingDir: string;
}

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 ** 3;
const DEFAULT_CONCURRENCY = 3;

export function isTabular(name: string): boolean {
  return /\.(csv|tsv)$/i.test(name);
}

export function createUploadService(deps: UploadServiceDeps): UploadService {
  const store = createQueueStore(deps.dataDir, (error) => deps.log.warn('Could not save the upload queue', error));
  const staging: Staging = createStaging(deps.dataDir, deps.now);
  const preferences = createUploadPreferences(deps.dataDir, (error) => deps.log.warn('Could not save upload preferences', error));
  const maxFileBytes = deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const hooks = deps.hooks ?? {};
  const timing: UploadTiming = {
    sleep: realClock.sleep,
    random: Math.random,
    retry: defaultUploadRetry,
    ...deps.timing,
  };
  /** Who is signed in (null: nobody, or not yet known). Items and staged files belong to one. */
  let account: AccountIdentity | null = null;
  const outcomes = createUploadOutcomes({ hooks, staging, log: deps.log });
  const resolveFiles = createFileResolver({ grants: deps.grants, staging, maxFileBytes });
  // Copies staged for a drop that was never confirmed are deleted after an hour.
  const abandonedSweep = setInterval(() => void staging.sweepAbandoned().catch(() => {}), 5 * 60_000);
  abandonedSweep.unref?.();

  /** Whose the new items (or staged bytes) will be; waits for the start-up check of the key. */
  async function signedInAccount(): Promise<AccountIdentity> {
    if (!account) await deps.accountVerified?.();
    if (!account) throw new AppError({ kind: 'not-signed-in', message: 'Uploads start once Ouro has confirmed who is signed in. Sign in, or check your connection and try again.' });
    return account;
  }

  const queue: UploadQueue = new UploadQueue({
    run: createUploadRunner({ client: deps.client, timing, ...(deps.onReplaced ? { onReplaced: deps.onReplaced } : {}) }),
    persist: (records) => store.save(records),
    changed: (urgent) => publisher.changed(urgent),
    finished: (record) => outcomes.finished(record),
    concurrency: deps.concurrency ?? DEFAULT_CONCURRENCY,
  });
  const publisher = createUploadPublisher({
    takeDelta: () => queue.takeDelta(),
    snapshot: () => queue.snapshot(),
    emit: deps.emit,
    hooks,
    intervalMs: deps.progressIntervalMs ?? DEFAULT_PUBLISH_INTERVAL_MS,
  });
  const intake = createUploadIntake({ queue, outcomes, account: () => account });

  async function removeStaged(records: ReadonlyArray<{ staged: boolean; path: string }>): Promise<void> {
    for (const record of records) if (record.staged) await staging.remove(record.path).catch(() => {});
  }

  return {
    maxFileBytes,
    stagingDir: staging.dir,
    intake,
    async start() {
      const prefs = await preferences.load();
      if (prefs.concurrency && deps.concurrency === undefined) queue.setConcurrency(prefs.concurrency);
      const records = await store.load();
      await staging.sweep(new Set(records.filter((r) => r.staged && !isFinished(r.state)).map((r) => r.path)));
      queue.restore(records);
    },
    list: () => queue.snapshot(),
    async add(input) {
      const owner = await signedInAccount();
      const checked = await resolveFiles(input, owner.key);
      const asDataset = input.destination.asDataset === true;
      const destination: UploadDestination = {
        visibility: input.destination.visibility,
        ...(input.destination.orgId ? { orgId: input.destination.orgId } : {}),
        ...(input.destination.teamId ? { teamId: input.destination.teamId } : {}),
      };
      const queued = intake.queueFor(
        owner,
        checked.files.map((file) => ({ ...file, kind: asDataset && isTabular(file.name) ? ('dataset' as const) : ('file' as const), destination })),
      );
      await preferences.remember(owner.key, { ...destination, ...(asDataset ? { asDataset: true } : {}) });
      return { added: queued.length, ids: queued.map((record) => record.id), rejected: checked.rejected, skipped: checked.skipped };
    },
    async replace(input) {
      const owner = await signedInAccount();
      const checked = await resolveFiles(input, owner.key);
      const file = checked.files[0];
      if (!file || checked.files.length !== 1) {
        await removeStaged(checked.files);
        const reason = checked.rejected[0]?.message ?? 'Choose one file, not a folder.';
        throw new AppError({ kind: 'file-unreadable', message: `That file cannot replace the contents: ${reason}` });
      }
      const [record] = intake.queueFor(owner, [{ ...file, kind: 'replace', target: { id: input.targetId, name: input.targetName } }]);
      if (!record) throw new AppError({ kind: 'internal', message: 'The replacement could not be queued' });
      return { uploadId: record.id };
    },
    cancel: (id) => queue.cancel(id),
    cancelAll: () => queue.cancelAll(),
    retry: (id) => queue.retry(id),
    async clearFinished() {
      await removeStaged(queue.clearFinished());
    },
    async dropWaiting() {
      await signedInAccount();
      const dropped = queue.dropWaiting();
      await removeStaged(dropped);
      return dropped.filter((r) => !isFinished(r.state)).length;
    },
    async chooseFiles() {
      if (!hooks.chooseFiles) return { supported: false };
      // The dialog is main's own: what the person picks there is granted here, by main.
      const granted = await deps.grants.grant(await hooks.chooseFiles());
      return { supported: true, files: granted.filter((g) => g !== null) };
    },
    async destinations() {
      const organizations = await destinationOrgs(deps.client());
      return { organizations, remembered: preferences.destination(account?.key ?? null), maxFileBytes };
    },
    stage: async (name, body) => staging.stage(name, body, maxFileBytes, (await signedInAccount()).key),
    onAccountChanged(state) {
      if (state.status === 'signed-in') {
        // Until Ouro has told us who this is (offline start, nothing cached), nobody's items run.
        account = accountIdentity(state);
        queue.setAccount(account?.key ?? null);
      } else if (state.reason === 'revoked') {
        // The same account may come back with a new key: its items wait for it, paused.
        queue.pause();
      } else {
        account = null;
        queue.setAccount(null);
      }
    },
    async forget() {
      await removeStaged(queue.forgetAll());
      await staging.dropPending();
      await preferences.forget();
    },
    async dispose() {
      publisher.dispose();
      clearInterval(abandonedSweep);
      outcomes.dispose();
      await queue.dispose();
      await store.close();
    },
  };
}
