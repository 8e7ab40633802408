// The uploads feature as services.ts sees it: validates and enqueues granted paths (or staged
// copies), runs each item as a file or dataset upload, persists and restores the queue, keeps
// each account's items to that account (pausing while Ouro wants a new sign-in), and tells the
// host (progress bar, notification, badge) and the page (`uploads:changed` deltas, throttled)
// what is happening. Imports nothing from Electron.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { AccountState } from '../../shared/account';
import { AppError } from '../../shared/app-error';
import { describeError } from '../../shared/error-kinds';
import type {
  AddUploadsResult,
  ChooseFilesResult,
  DestinationOrg,
  RejectedFile,
  UploadDestination,
  UploadDestinations,
  UploadsSnapshot,
} from '../../shared/uploads';
import { accountIdentity, type AccountIdentity } from '../account/account-identity';
import type { Logger } from '../log';
import type { OuroClient } from '../ouro/client';
import { realClock } from '../ouro/abort';
import type { PathGrants } from '../security/path-grants';
import type { EmitEvent } from '../services';
import { uploadDataset } from './dataset-upload';
import { createFileRecord, defaultUploadRetry, uploadBytes, type UploadTiming } from './file-upload';
import { validatePaths, type AcceptedFile } from './paths';
import { isFinished, UploadQueue, type QueueRecord, type RunContext, type RunResult } from './queue';
import { createQueueStore } from './queue-store';
import { createStaging, type Staging } from './staging';
import { createUploadPreferences } from './upload-preferences';
import { createUploadPublisher, DEFAULT_PUBLISH_INTERVAL_MS } from './upload-publisher';

/** What only the host can do; main.ts passes Electron's, the web host passes what it has. */
export interface UploadHostHooks {
  /** The native open dialog (several files); absent where there is none (web host). */
  chooseFiles?(): Promise<string[]>;
  /** An OS notification; only called while the window is not focused. */
  notify?(title: string, body: string): void;
  isWindowFocused?(): boolean;
  /** Overall progress 0…1 on the dock/taskbar icon; -1 removes it. */
  setProgress?(fraction: number): void;
  /** Number of failed uploads, for the icon badge. */
  setFailedCount?(count: number): void;
}

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
  dataDir: string;
  log: Logger;
  emit: EmitEvent;
  client(): OuroClient;
  /** Which paths main has been given; nothing outside them is read. */
  grants: PathGrants;
  /** Resolves once Ouro has said who the stored key belongs to (start-up), so a drop can wait for it. */
  accountVerified?(): Promise<void>;
}

export interface AddInput {
  /** Main's own callers only (the IPC handler resolves the page's grant handles to these). */
  paths: string[];
  staged: string[];
  destination: UploadDestination;
}

export interface UploadService {
  start(): Promise<void>;
  list(): UploadsSnapshot;
  add(input: AddInput): Promise<AddUploadsResult>;
  cancel(id: string): void;
  cancelAll(): void;
  retry(id: string): void;
  clearFinished(): Promise<void>;
  chooseFiles(): Promise<ChooseFilesResult>;
  destinations(): Promise<UploadDestinations>;
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

const WEB_ONLY_REASON = 'This team only accepts uploads made on the Ouro website.';
const READ_ONLY_REASON = 'You can only view this team, not add to it.';

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
  let doneWhileAway = 0;
  let notifyTimer: ReturnType<typeof setTimeout> | undefined;
  // Copies staged for a drop that was never confirmed are deleted after an hour.
  const abandonedSweep = setInterval(() => void staging.sweepAbandoned().catch(() => {}), 5 * 60_000);
  abandonedSweep.unref?.();

  /** Whose the new items (or staged bytes) will be; waits for the start-up check of the key. */
  async function signedInAccount(): Promise<AccountIdentity> {
    if (!account) await deps.accountVerified?.();
    if (!account) throw new AppError({ kind: 'not-signed-in', message: 'Uploads start once Ouro has confirmed who is signed in. Sign in, or check your connection and try again.' });
    return account;
  }

  function finished(record: Readonly<QueueRecord>): void {
    if (record.staged && (record.state === 'done' || record.state === 'cancelled')) {
      void staging.remove(record.path).catch(() => {});
    }
    if (record.state === 'done' && hooks.notify && !(hooks.isWindowFocused?.() ?? true)) {
      doneWhileAway++;
      // Several finishing together make one notification, not a burst.
      notifyTimer ??= setTimeout(() => {
        notifyTimer = undefined;
        const count = doneWhileAway;
        doneWhileAway = 0;
        hooks.notify?.(count === 1 ? `Uploaded ${record.name}` : `${count} uploads finished`, 'They are on Ouro now.');
      }, 500);
    }
    if (record.state === 'failed' && record.error) {
      deps.log.info(`Upload of a file failed: ${describeError(record.error).title} (${record.error.kind})`);
    }
  }

  // ---- one item's work ---------------------------------------------------------------------------
  async function run(record: Readonly<QueueRecord>, context: RunContext): Promise<RunResult> {
    const client = deps.client();
    const info = await stat(record.path).catch(() => null);
    if (!info?.isFile()) throw new AppError({ kind: 'file-unreadable', message: 'The file was moved or deleted before it could be uploaded.' });
    // The queue shows the size that is actually read and sent, not the size when it was added.
    context.resized(info.size);
    const { visibility, orgId, teamId } = record.destination;
    if (record.kind === 'dataset') {
      const datasetId = record.datasetId ?? randomUUID();
      if (!record.datasetId) await context.checkpoint({ datasetId });
      const result = await uploadDataset(
        client,
        { path: record.path, name: record.name, visibility, orgId, teamId, datasetId },
        {
          signal: context.signal,
          rows: (sent, total) => context.rows(sent, total),
          checkpoint: (sent, total) => context.checkpoint({ rowsSent: sent, rowsTotal: total }),
          processing: () => context.processing(),
        },
      );
      return { assetId: result.id, assetUrl: result.url };
    }
    const job = { path: record.path, name: record.name, size: info.size, visibility, orgId, teamId };
    let storageId = record.storageId;
    if (!storageId) {
      storageId = await uploadBytes(
        client,
        job,
        {
          signal: context.signal,
          onBytes: (sent) => context.progress(sent),
          onRetry: (error, delayMs) =>
            context.note(`Retrying in ${Math.max(1, Math.round(delayMs / 1000))} s (${error.status ? `HTTP ${error.status}` : describeError(error.toData()).title})`),
        },
        timing,
      );
      // Saved before the record is created: a crash from here on resumes at step 2, same id.
      await context.checkpoint({ storageId });
    }
    context.processing();
    const asset = await createFileRecord(client, job, storageId, context.signal);
    return { assetId: asset.id, assetUrl: asset.url ?? undefined };
  }

  const queue: UploadQueue = new UploadQueue({
    run,
    persist: (records) => store.save(records),
    changed: (urgent) => publisher.changed(urgent),
    finished,
    concurrency: deps.concurrency ?? DEFAULT_CONCURRENCY,
  });
  const publisher = createUploadPublisher({
    takeDelta: () => queue.takeDelta(),
    snapshot: () => queue.snapshot(),
    emit: deps.emit,
    hooks,
    intervalMs: deps.progressIntervalMs ?? DEFAULT_PUBLISH_INTERVAL_MS,
  });

  /** Staged copies the person dropped, checked again: still a regular file in the staging folder. */
  async function claimStaged(tokens: readonly string[], owner: AccountIdentity, rejected: RejectedFile[]): Promise<AcceptedFile[]> {
    const files: AcceptedFile[] = [];
    for (const token of tokens) {
      const staged = await staging.claim(token, owner.key);
      if (!staged) {
        rejected.push({ name: 'A dropped file', reason: 'not-staged', message: 'Its bytes never reached the app (or were for another account); drop it again.' });
        continue;
      }
      if (staged.size > maxFileBytes) {
        await staging.remove(staged.path);
        rejected.push({ name: staged.name, reason: 'too-large', message: 'It is over the limit set for uploads.' });
        continue;
      }
      files.push({ path: staged.path, name: staged.name, size: staged.size });
    }
    return files;
  }

  return {
    maxFileBytes,
    stagingDir: staging.dir,
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
      const rejected: RejectedFile[] = [];
      const staged = await claimStaged(input.staged, owner, rejected);
      // Every path, and every file found inside a folder, must be within what main was given.
      const checked = await validatePaths(input.paths, { maxFileBytes, allowed: (real) => deps.grants.allows(real) });
      rejected.push(...checked.rejected);
      const asDataset = input.destination.asDataset === true;
      const destination: UploadDestination = {
        visibility: input.destination.visibility,
        ...(input.destination.orgId ? { orgId: input.destination.orgId } : {}),
        ...(input.destination.teamId ? { teamId: input.destination.teamId } : {}),
      };
      const files = [...checked.files.map((file) => ({ ...file, staged: false })), ...staged.map((file) => ({ ...file, staged: true }))];
      queue.add(
        files.map((file) => ({
          name: file.name,
          kind: asDataset && isTabular(file.name) ? ('dataset' as const) : ('file' as const),
          path: file.path,
          staged: file.staged,
          size: file.size,
          destination,
          account: owner.key,
          accountLabel: owner.label,
        })),
      );
      await preferences.remember(owner.key, { ...destination, ...(asDataset ? { asDataset: true } : {}) });
      return { added: files.length, rejected, skipped: checked.skipped };
    },
    cancel: (id) => queue.cancel(id),
    cancelAll: () => queue.cancelAll(),
    retry: (id) => queue.retry(id),
    async clearFinished() {
      for (const record of queue.clearFinished()) if (record.staged) await staging.remove(record.path).catch(() => {});
    },
    async dropWaiting() {
      await signedInAccount();
      const dropped = queue.dropWaiting();
      for (const record of dropped) if (record.staged) await staging.remove(record.path).catch(() => {});
      return dropped.filter((r) => !isFinished(r.state)).length;
    },
    async chooseFiles() {
      if (!hooks.chooseFiles) return { supported: false };
      // The dialog is main's own: what the person picks there is granted here, by main.
      const granted = await deps.grants.grant(await hooks.chooseFiles());
      return { supported: true, files: granted.filter((g) => g !== null) };
    },
    async destinations() {
      const client = deps.client();
      const [orgs, teams] = await Promise.all([client.organizations.mine(), client.teams.list({ joined: true })]);
      const organizations: DestinationOrg[] = orgs.map((org) => ({
        id: org.id,
        name: org.display_name || org.name || 'Organization',
        teams: teams
          .filter((team) => team.org_id === org.id)
          .map((team) => ({
            id: team.id,
            name: team.name || 'Team',
            disabledReason:
              team.source_policy === 'web_only' ? WEB_ONLY_REASON : team.userMembership?.role === 'read' ? READ_ONLY_REASON : null,
          })),
      }));
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
      for (const record of queue.forgetAll()) if (record.staged) await staging.remove(record.path).catch(() => {});
      await staging.dropPending();
      await preferences.forget();
    },
    async dispose() {
      publisher.dispose();
      clearInterval(abandonedSweep);
      if (notifyTimer) clearTimeout(notifyTimer);
      await queue.dispose();
      await store.close();
    },
  };
}
