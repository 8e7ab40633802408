// The uploads feature as services.ts sees it: validates and enqueues paths (or web-host staged
// copies), runs each item as a file or dataset upload, persists and restores the queue, pauses
// it while Ouro wants a new sign-in, and tells the host (progress bar, notification, badge) and
// the page (`uploads:changed`, throttled) what is happening. Imports nothing from Electron.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { AccountState } from '../../shared/account';
import { AppError } from '../../shared/app-error';
import { organizationName, teamName } from '../../shared/display-names';
import { describeError } from '../../shared/error-kinds';
import {
  uploadVisibilities,
  type AddUploadsResult,
  type ChooseFilesResult,
  type DestinationOrg,
  type RejectedFile,
  type UploadDestination,
  type UploadDestinations,
  type UploadsSnapshot,
} from '../../shared/uploads';
import type { Logger } from '../log';
import type { OuroClient } from '../ouro/client';
import { realClock } from '../ouro/abort';
import type { EmitEvent } from '../services';
import { readJson, writeJsonAtomic } from '../storage/atomic-json';
import { uploadDataset } from './dataset-upload';
import { replaceContent } from './content-replace';
import { createFileRecord, defaultUploadRetry, uploadBytes, type FileJobHooks, type UploadTiming } from './file-upload';
import { createFinishNotifier } from './finish-notifier';
import type { IngestTally } from './ingest';
import { validatePaths, type ValidatedPaths } from './paths';
import { isFinished, UploadQueue, type QueueRecord, type RunContext, type RunResult } from './queue';
import { createQueueStore } from './queue-store';
import { createStaging, type Staging } from './staging';

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
  /** Minimum gap between progress events to the page. */
  progressIntervalMs?: number;
}

export interface UploadServiceDeps extends UploadOptions {
  /** A file's bytes were replaced (caches of its old bytes must go). */
  onReplaced?(assetId: string): void;
  dataDir: string;
  log: Logger;
  emit: EmitEvent;
  client(): OuroClient;
}

export interface AddInput {
  paths: string[];
  staged: string[];
  destination: UploadDestination;
}

/** New bytes for an existing file asset, named the way `add` names files (one path or token). */
export interface ReplaceInput {
  targetId: string;
  targetName: string;
  paths: string[];
  staged: string[];
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
  /** Web host: a dropped file's bytes, streamed into the staging folder. */
  stage(name: string, body: AsyncIterable<Buffer> | NodeJS.ReadableStream): Promise<{ token: string; size: number }>;
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

const PreferencesSchema = z.object({
  destination: z
    .object({
      orgId: z.string().optional(),
      teamId: z.string().optional(),
      visibility: z.enum(uploadVisibilities),
      asDataset: z.boolean().optional(),
    })
    .optional(),
  concurrency: z.number().int().min(1).max(16).optional(),
});

const WEB_ONLY_REASON = 'This team only accepts uploads made on the Ouro website.';
const READ_ONLY_REASON = 'You can only view this team, not add to it.';

function tallyOf(record: Readonly<QueueRecord>): IngestTally {
  return {
    rowsInserted: record.rowsInserted ?? 0,
    rowsSkipped: record.rowsSkipped ?? 0,
    ignoredColumns: record.ignoredColumns ?? [],
    ingestNotes: record.ingestNotes ?? [],
  };
}

export function isTabular(name: string): boolean {
  return /\.(csv|tsv)$/i.test(name);
}

export function createUploadService(deps: UploadServiceDeps): UploadService {
  const store = createQueueStore(deps.dataDir, (error) => deps.log.warn('Could not save the upload queue', error));
  const staging: Staging = createStaging(deps.dataDir);
  const prefsFile = path.join(deps.dataDir, 'uploads-preferences.json');
  const maxFileBytes = deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const hooks = deps.hooks ?? {};
  const timing: UploadTiming = {
    sleep: realClock.sleep,
    random: Math.random,
    retry: defaultUploadRetry,
    ...deps.timing,
  };
  const progressInterval = deps.progressIntervalMs ?? 100;
  let remembered: UploadDestination = { visibility: 'private' };

  // ---- what the page and the OS icon see -------------------------------------------------------
  let progressTimer: ReturnType<typeof setTimeout> | undefined;
  let lastEmit = 0;
  let batch = new Set<string>();
  let lastFailed = -1;
  const notifier = createFinishNotifier(hooks);

  function publish(snapshot: UploadsSnapshot): void {
    lastEmit = Date.now();
    deps.emit('uploads:changed', snapshot);
    hostIndicators(snapshot);
  }

  function hostIndicators(snapshot: UploadsSnapshot): void {
    const active = snapshot.items.filter((i) => !isFinished(i.state));
    for (const item of active) batch.add(item.id);
    if (active.length === 0) {
      batch = new Set();
      hooks.setProgress?.(-1);
    } else {
      let total = 0;
      let sent = 0;
      for (const item of snapshot.items) {
        if (!batch.has(item.id) || item.state === 'failed' || item.state === 'cancelled') continue;
        total += item.size;
        sent += item.state === 'done' || item.state === 'processing' ? item.size : item.bytesSent;
      }
      hooks.setProgress?.(total > 0 ? Math.min(1, sent / total) : 0);
    }
    const failed = snapshot.items.filter((i) => i.state === 'failed').length;
    if (failed !== lastFailed) {
      lastFailed = failed;
      hooks.setFailedCount?.(failed);
    }
  }

  let urgentTimer: ReturnType<typeof setTimeout> | undefined;
  function changed(_snapshot: UploadsSnapshot, urgent: boolean): void {
    if (urgent) {
      // State changes go out at once, but a burst in one tick (500 files added, a cancel-all)
      // becomes one event carrying the latest snapshot.
      urgentTimer ??= setTimeout(() => {
        urgentTimer = undefined;
        if (progressTimer) clearTimeout(progressTimer);
        progressTimer = undefined;
        publish(queue.snapshot());
      }, 0);
      return;
    }
    if (progressTimer || urgentTimer) return;
    // Progress ticks arrive per chunk; the page needs ~10 a second at most.
    const wait = Math.max(0, progressInterval - (Date.now() - lastEmit));
    progressTimer = setTimeout(() => {
      progressTimer = undefined;
      publish(queue.snapshot());
    }, wait);
    progressTimer.unref?.();
  }

  function finished(record: Readonly<QueueRecord>): void {
    if (record.staged && (record.state === 'done' || record.state === 'cancelled')) {
      void staging.remove(record.path).catch(() => {});
    }
    if (record.state === 'done') notifier.done(record);
    if (record.state === 'failed' && record.error) {
      deps.log.info(`Upload of a file failed: ${describeError(record.error).title} (${record.error.kind})`);
    }
  }

  // ---- one item's work ---------------------------------------------------------------------------
  function bytesHooks(context: RunContext): FileJobHooks {
    return {
      signal: context.signal,
      onBytes: (sent) => context.progress(sent),
      onRetry: (error, delayMs) =>
        context.note(`Retrying in ${Math.max(1, Math.round(delayMs / 1000))} s (${error.status ? `Ouro error ${error.status}` : describeError(error.toData()).title})`),
    };
  }

  async function run(record: Readonly<QueueRecord>, context: RunContext): Promise<RunResult> {
    const client = deps.client();
    const info = await stat(record.path).catch(() => null);
    if (!info?.isFile()) throw new AppError({ kind: 'file-unreadable', message: 'The file was moved or deleted before it could be uploaded.' });
    if (record.kind === 'replace' && record.targetId) {
      const asset = await replaceContent(client, { assetId: record.targetId, path: record.path, name: record.name, size: info.size }, bytesHooks(context), timing);
      deps.onReplaced?.(asset.id);
      return { assetId: asset.id, assetUrl: asset.url ?? undefined };
    }
    const { visibility, orgId, teamId } = record.destination;
    if (record.kind === 'dataset') {
      const datasetId = record.datasetId ?? randomUUID();
      if (!record.datasetId) await context.checkpoint({ datasetId });
      const result = await uploadDataset(
        client,
        {
          path: record.path,
          name: record.name,
          visibility,
          orgId,
          teamId,
          datasetId,
          createdId: record.createdDatasetId,
          rowsSent: record.rowsSent,
          tally: record.rowsInserted === undefined ? undefined : tallyOf(record),
        },
        {
          signal: context.signal,
          rows: (sent, total) => context.rows(sent, total),
          checkpoint: (patch) => context.checkpoint(patch),
          processing: () => context.processing(),
        },
      );
      return { assetId: result.id, assetUrl: result.url };
    }
    const job = { path: record.path, name: record.name, size: info.size, visibility, orgId, teamId };
    let stored = record.stored;
    if (!stored) {
      stored = await uploadBytes(client, job, bytesHooks(context), timing);
      // Saved before the record is created: a crash from here on resumes at step 2 with the same
      // object, whose bucket and path the record must name.
      await context.checkpoint({ stored });
    }
    context.processing();
    const asset = await createFileRecord(client, job, stored, context.signal);
    return { assetId: asset.id, assetUrl: asset.url ?? undefined };
  }

  const queue = new UploadQueue({
    run,
    persist: (records) => store.save(records),
    changed,
    finished,
    concurrency: deps.concurrency ?? DEFAULT_CONCURRENCY,
  });

  /**
   * The one place the page's file references become files main will read: staged tokens (web
   * host, pasted bytes) and paths, each re-validated. `add` and `replace` both come through here.
   */
  async function resolveFiles(input: { paths: readonly string[]; staged: readonly string[] }): Promise<{ files: ValidatedPaths['files']; rejected: RejectedFile[]; skipped: ValidatedPaths['skipped']; stagedPaths: Set<string> }> {
    const rejected: RejectedFile[] = [];
    const paths: string[] = [...input.paths];
    const stagedPaths = new Set<string>();
    for (const token of input.staged) {
      const file = await staging.resolve(token);
      if (file) {
        paths.push(file);
        stagedPaths.add(file);
      } else rejected.push({ name: 'A dropped file', reason: 'not-staged', message: 'Its bytes never reached the app; drop it again.' });
    }
    const checked = await validatePaths(paths, { maxFileBytes });
    rejected.push(...checked.rejected);
    return { files: checked.files, rejected, skipped: checked.skipped, stagedPaths };
  }

  async function savePreferences(): Promise<void> {
    await writeJsonAtomic(prefsFile, { destination: remembered }).catch((error: unknown) => deps.log.warn('Could not save upload preferences', error));
  }

  return {
    maxFileBytes,
    stagingDir: staging.dir,
    async start() {
      const prefs = await readJson(prefsFile, PreferencesSchema);
      if (prefs?.destination) remembered = prefs.destination;
      if (prefs?.concurrency && deps.concurrency === undefined) queue.setConcurrency(prefs.concurrency);
      const records = await store.load();
      await staging.sweep(new Set(records.filter((r) => r.staged && !isFinished(r.state)).map((r) => r.path)));
      queue.restore(records);
    },
    list: () => queue.snapshot(),
    async add(input) {
      const checked = await resolveFiles(input);
      const { rejected, stagedPaths } = checked;
      const asDataset = input.destination.asDataset === true;
      const destination: UploadDestination = {
        visibility: input.destination.visibility,
        ...(input.destination.orgId ? { orgId: input.destination.orgId } : {}),
        ...(input.destination.teamId ? { teamId: input.destination.teamId } : {}),
      };
      const queued = queue.add(
        checked.files.map((file) => ({
          name: file.name,
          kind: asDataset && isTabular(file.name) ? ('dataset' as const) : ('file' as const),
          path: file.path,
          staged: stagedPaths.has(file.path) || staging.owns(file.path),
          size: file.size,
          destination,
        })),
      );
      remembered = { ...destination, ...(asDataset ? { asDataset: true } : {}) };
      await savePreferences();
      return { added: checked.files.length, ids: queued.map((record) => record.id), rejected, skipped: checked.skipped };
    },
    async replace(input) {
      const checked = await resolveFiles(input);
      const file = checked.files[0];
      if (!file || checked.files.length !== 1) {
        for (const path of checked.stagedPaths) await staging.remove(path).catch(() => {});
        const reason = checked.rejected[0]?.message ?? 'Choose one file, not a folder.';
        throw new AppError({ kind: 'file-unreadable', message: `That file cannot replace the contents: ${reason}` });
      }
      const [record] = queue.add([
        {
          name: file.name,
          kind: 'replace',
          targetId: input.targetId,
          targetName: input.targetName,
          path: file.path,
          staged: checked.stagedPaths.has(file.path) || staging.owns(file.path),
          size: file.size,
          // Unused by a replacement: the asset keeps its own visibility and place.
          destination: { visibility: 'private' },
        },
      ]);
      if (!record) throw new AppError({ kind: 'internal', message: 'The replacement could not be queued' });
      return { uploadId: record.id };
    },
    cancel: (id) => queue.cancel(id),
    cancelAll: () => queue.cancelAll(),
    retry: (id) => queue.retry(id),
    async clearFinished() {
      for (const record of queue.clearFinished()) if (record.staged) await staging.remove(record.path).catch(() => {});
    },
    async chooseFiles() {
      if (!hooks.chooseFiles) return { supported: false };
      return { supported: true, paths: await hooks.chooseFiles() };
    },
    async destinations() {
      const client = deps.client();
      const [orgs, teams] = await Promise.all([client.organizations.mine(), client.teams.list({ joined: true })]);
      const organizations: DestinationOrg[] = orgs.map((org) => ({
        id: org.id,
        name: organizationName(org),
        teams: teams
          .filter((team) => team.org_id === org.id)
          .map((team) => ({
            id: team.id,
            name: teamName(team),
            disabledReason:
              team.source_policy === 'web_only' ? WEB_ONLY_REASON : team.userMembership?.role === 'read' ? READ_ONLY_REASON : null,
          })),
      }));
      return { organizations, remembered, maxFileBytes };
    },
    stage: (name, body) => staging.stage(name, body, maxFileBytes),
    onAccountChanged(state) {
      if (state.status === 'signed-in') queue.resume();
      else if (state.reason === 'revoked') queue.pause('sign-in');
    },
    async forget() {
      for (const record of queue.forgetAll()) if (record.staged) await staging.remove(record.path).catch(() => {});
    },
    async dispose() {
      if (progressTimer) clearTimeout(progressTimer);
      if (urgentTimer) clearTimeout(urgentTimer);
      notifier.dispose();
      await queue.dispose();
    },
  };
}
