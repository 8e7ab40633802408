// The names of the contract's channels and events, without their schemas, so the preload and
// the web bridge can check names without bundling zod. contract/ declares a schema for
// exactly these names (the compiler rejects a missing or extra one).
export const channelNames = [
  'app:info',
  'app:open-external',
  'app:update-state',
  'app:restart-to-update',
  'account:get',
  'account:sign-in',
  'account:sign-out',
  'account:reconnect',
  // Browsing (issue 5)
  'assets:search',
  'files:get',
  'files:preview',
  'files:thumbnail',
  'files:download',
  'datasets:get',
  'datasets:stats',
  'datasets:rows',
  'datasets:export',
  'conversations:list',
  'conversations:get',
  'conversations:messages',
  // Uploads (issue 7)
  'uploads:list',
  'uploads:add',
  'uploads:cancel',
  'uploads:cancel-all',
  'uploads:retry',
  'uploads:clear-finished',
  'uploads:drop-waiting',
  'uploads:choose-files',
  'uploads:destinations',
  'uploads:stage-bytes',
  // Acting on content (issue 13)
  'assets:update',
  'assets:delete-preview',
  'assets:delete',
  'files:replace-content',
  'downloads:list',
  'downloads:cancel',
  'downloads:show-in-folder',
  'downloads:clear-finished',
  'downloads:bulk',
  'menu:context',
  'menu:selection-changed',
  'drag:prepare',
  // Cache, offline, palette, notifications, links (issue 16)
  'cache:get',
  'palette:search',
  'palette:recent',
  'palette:resolve',
  'notifications:list',
  'notifications:unreads',
  'notifications:open',
  'links:take',
  'links:desktop-link',
  'outbox:send',
  'outbox:list',
  'outbox:retry',
  'outbox:discard',
  // Sync folders (issue 15)
  'sync:list',
  'sync:choose-folder',
  'sync:add',
  'sync:update',
  'sync:remove',
] as const;
export const eventNames = [
  'app:update-ready',
  'account:changed',
  'downloads:progress',
  'requests:retrying',
  'uploads:changed',
  'uploads:pick-requested',
  // Raised by the web bridge when its event stream is back after a drop (issue 11)
  'events:reconnected',
  // Acting on content (issue 13)
  'downloads:changed',
  'menu:action',
  // issue 16
  'notifications:changed',
  'links:requested',
  'outbox:changed',
  // Sync folders (issue 15)
  'sync:changed',
  'sync:add-requested',
] as const;

export type Channel = (typeof channelNames)[number];
export type EventName = (typeof eventNames)[number];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (channelNames as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name);
}

/** Electron IPC channel name for a pushed event (kept apart from invoke channels). */
export function eventChannel(name: EventName): `event:${EventName}` {
  return `event:${name}`;
}
