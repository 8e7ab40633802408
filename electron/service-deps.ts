// What a host hands the main-process factory (services.ts) and what it gets back: the Electron
// app (main.ts), the web host and the tests each fill in ServiceDeps and use MainServices.
import type { AppInfo, UpdateState } from '../shared/contract';
import type { AccountService } from './account/account-service';
import type { ConfirmApiAddress } from './account/api-address';
import type { SecretStore } from './account/keychain';
import type { ActionOptions } from './actions/action-services';
import type { CachedCopy, DragCache } from './actions/drag-cache';
import type { ChooseSavePath } from './browse/save-download';
import type { Thumbnailer } from './browse/thumbnailer';
import type { DesktopHooks } from './desktop-handlers';
import type { DownloadManager } from './downloads/download-manager';
import type { EmitEvent } from './event-hub';
import type { Handlers } from './ipc/handlers';
import type { LinkIntake } from './links/link-intake';
import type { Logger } from './log';
import type { AgentFor } from './ouro/body-transport';
import type { PathGrants } from './security/path-grants';
import type { SyncOptions } from './sync/sync-parts';
import type { SyncService } from './sync/sync-service';
import type { UploadOptions, UploadService } from './uploads/upload-service';

export interface ServiceDeps {
  appVersion: string;
  platform: string;
  /** Resolved from --api-url / OURO_BACKEND_URL / OURO_BASE_URL / production. */
  apiBaseUrl: string;
  apiBaseFromEnv: boolean;
  /**
   * Electron: asks the person, in a native dialog main opens, before an API address the page
   * asked for is used. Absent (web host): the page cannot change the address.
   */
  confirmApiAddress?: ConfirmApiAddress | undefined;
  /** OURO_API_KEY, a developer convenience: used for the session, never stored. */
  envApiKey?: string | undefined;
  dataDir: string;
  host: AppInfo['host'];
  log: Logger;
  emit: EmitEvent;
  /** Electron's net.fetch (system proxies and certificates) or Node's fetch. */
  fetch: typeof fetch;
  /**
   * The agent streamed upload bodies (node:http, for backpressure) use per URL: Electron's system
   * proxy and OS certificate store, or the environment's in the web host. Absent: direct, Node's CAs.
   */
  agentFor?: AgentFor | undefined;
  keychain: SecretStore;
  openExternal(url: string): void | Promise<void>;
  /** Auto-update (Electron, packaged builds only); the web host has none. */
  updates?: { state(): UpdateState; restart(): void } | undefined;
  /** Makes list thumbnails: Electron's nativeImage in the app, pure JS in the web host and tests. */
  thumbnailer: Thumbnailer;
  /** The host's save dialog (Electron) or a downloads folder (web host). */
  chooseSavePath: ChooseSavePath;
  /** Overrides the client's request timeouts (OURO_HTTP_TIMEOUT_MS; tests use short ones). */
  httpTimeoutMs?: number | undefined;
  /** The account's waits before trying Ouro again while offline (OURO_RECONNECT_DELAYS_MS; tests). */
  retryDelaysMs?: number[] | undefined;
  /** Upload limits and host hooks (open dialog, notification, progress bar); see uploads/upload-service.ts. */
  uploads?: UploadOptions;
  /** Acting on content: folder dialog, "Show in folder", native menus (Electron); see actions/action-services.ts. */
  actions?: ActionOptions | undefined;
  /** OS notifications, the unread badge and the clipboard (Electron); see desktop-services.ts. */
  desktop?: DesktopHooks;
  /** Sync folders (issue 15): the folder chooser (Electron's dialog, the web host's env), watcher and timings. */
  sync?: SyncOptions | undefined;
  /** The answer cache's size budget (default 200 MB). */
  cacheBudgetBytes?: number;
  /** How often the unread count is polled (default a minute; OURO_NOTIFICATIONS_POLL_MS). */
  notificationPollMs?: number;
  /** The outbox's waits after a server error (OURO_OUTBOX_RETRY_MS). */
  outboxRetryDelaysMs?: number[];
}

export interface MainServices {
  /** Every handler waits for start() (and starts it if nothing has yet). */
  handlers: Handlers;
  account: AccountService;
  uploads: UploadService;
  /** Sync folders (issue 15): the host calls `catchUp()` after the computer wakes. */
  sync: SyncService;
  /** Every download and export, for the host's "quit aborts" and tests. */
  downloads: DownloadManager;
  /** Copies of dragged items: main.ts hands `pathsForDrag` to the Electron drag-out binding. */
  dragCache: DragCache;
  /** The web host's `GET /__ouro/drag/<token>`: the bytes behind a drag link, or null. */
  openDragLink(token: string): Promise<CachedCopy | null>;
  /** Where ouro:// links arrive (open-url, a second instance's argv, the web host's entry point). */
  links: LinkIntake;
  /** The local paths main was given (dialogs, the preload's private channel); cleared on sign-out. */
  grants: PathGrants;
  /**
   * Reads settings and the keychain, then restores the upload queue. Hosts call it once the
   * window (or the web host) is up: a locked keychain may hold it for a long time.
   */
  start(): Promise<void>;
  /** On quit: aborts downloads (removing their temporary files), saves the queue, stops timers. */
  dispose(): Promise<void>;
}
