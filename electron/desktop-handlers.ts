// The contract's cache, palette, notifications, links and outbox channels, over the pieces
// desktop-services.ts builds and wires to the account.
import type { NotificationRow } from '../shared/notifications';
import type { AccountService } from './account/account-service';
import type { AccountScope } from './cache/account-scope';
import { createCacheGetHandler, type CachedHandlerDeps } from './cache/cached-handlers';
import type { Handlers } from './ipc/handlers';
import { desktopLinkFor } from './links/desktop-link';
import type { ItemResolver } from './links/item-resolver';
import type { OpenRequests } from './links/open-requests';
import type { NotificationPoller } from './notifications/notification-poller';
import { notificationAsset, toNotificationRow } from './notifications/notification-rows';
import type { Outbox } from './outbox/outbox';
import type { PaletteSearch } from './palette/palette-search';
import type { RecentItems } from './palette/recent-items';

export type DesktopHandlers = Pick<
  Handlers,
  | 'cache:get'
  | 'palette:search'
  | 'palette:recent'
  | 'palette:resolve'
  | 'notifications:list'
  | 'notifications:unreads'
  | 'notifications:open'
  | 'links:take'
  | 'links:desktop-link'
  | 'outbox:send'
  | 'outbox:list'
  | 'outbox:retry'
  | 'outbox:discard'
>;

/** Channels that reach Ouro and throw when it is unreachable: they tell the account how it went. */
export const REACHING_CHANNELS = ['palette:search', 'notifications:list', 'notifications:open'] as const;

/** What the host offers desktop features (Electron's; the web host has none of them). */
export interface DesktopHooks {
  isWindowFocused?(): boolean;
  /** An OS notification; `open` (mark read, open the item) runs when it is clicked. */
  notify?(title: string, body: string, open: () => void): void;
  /** The dock/taskbar badge. */
  setUnreadCount?(count: number): void;
  /** The clipboard (Electron); the web host's page copies for itself. */
  copyText?(text: string): void;
}

export interface DesktopHandlerSet {
  handlers: DesktopHandlers;
  /** A clicked OS notification: mark it read and ask the page to open its item. */
  openFromOs(row: NotificationRow): Promise<void>;
}

export interface DesktopHandlerDeps {
  account: AccountService;
  cached: CachedHandlerDeps;
  recents: RecentItems;
  requests: OpenRequests;
  resolver: ItemResolver;
  palette: PaletteSearch;
  poller: NotificationPoller;
  outbox: Outbox;
  hooks: DesktopHooks;
  scope(): Promise<AccountScope | null>;
  /** Resolves once the pieces follow the latest account change (the outbox is bound to its account). */
  settled(): Promise<void>;
}

export function createDesktopHandlers(deps: DesktopHandlerDeps): DesktopHandlerSet {
  const { account, poller } = deps;

  /** Reading one marks it read on Ouro; the item it is about is named even when Ouro left out its type. */
  async function open(id: string): Promise<NotificationRow> {
    const record = await account.client().notifications.read(id);
    poller.markedRead(id);
    const row = { ...toNotificationRow(record), read: true };
    const asset = notificationAsset(record);
    if (!row.target && asset && !asset.type) {
      const type = await deps.resolver.typeOf(asset.id);
      if (type.found) row.target = { type: type.type, id: asset.id };
    }
    return row;
  }

  const handlers: DesktopHandlers = {
    'cache:get': createCacheGetHandler(deps.cached),

    'palette:search': ({ query, limit }, context) => deps.palette.search(query, { sender: context.sender ?? context.host, ...(limit ? { limit } : {}) }),
    async 'palette:recent'() {
      const scope = await deps.scope();
      return scope ? deps.recents.list(scope) : [];
    },
    'palette:resolve': ({ text }) => deps.resolver.resolve(text),

    async 'notifications:list'({ offset, limit, unreadOnly }) {
      const page = await account.client().notifications.list({ offset, limit, ...(unreadOnly ? { unreadOnly } : {}) });
      return { items: page.items.map(toNotificationRow), hasMore: page.hasMore, nextOffset: page.nextOffset };
    },
    'notifications:unreads': () => ({ unread: poller.unread() }),
    'notifications:open': ({ id }) => open(id),

    // After the latest account change has landed: a switch drops what the last account was asked to open.
    'links:take': async () => (await deps.settled(), deps.requests.take()),
    'links:desktop-link'(item) {
      const url = desktopLinkFor(item);
      if (!deps.hooks.copyText) return { url, copied: false };
      deps.hooks.copyText(url);
      return { url, copied: true };
    },

    'outbox:send': async ({ conversationId, text, clientId }) => (await deps.settled(), deps.outbox.submit(conversationId, text, clientId)),
    'outbox:list': async () => (await deps.settled(), deps.outbox.snapshot()),
    'outbox:retry': async ({ clientId }) => (await deps.settled(), deps.outbox.retry(clientId)),
    'outbox:discard': async ({ clientId }) => (await deps.settled(), deps.outbox.discard(clientId)),
  };

  return {
    handlers,
    async openFromOs(row) {
      // Open what the poll saw at once; marking it read is best-effort (Ouro may be away again).
      let target = row.target;
      try {
        target = (await open(row.id)).target ?? target;
      } catch {
        // The count corrects itself at the next poll.
      }
      if (target) deps.requests.push({ outcome: 'open', target, source: 'notification' });
    },
  };
}
