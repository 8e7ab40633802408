// What makes the desktop app more than a browser tab, built around the account: the answer cache
// (instant starts, offline answers), recent items and the palette's search, notifications with
// the unread badge, ouro:// links and the outbox of unsent messages — and all of it following the
// account: paused offline, switched with the account (nothing of one is shown or sent as
// another), deleted at sign-out.
import path from 'node:path';
import type { AccountState } from '../shared/account';
import type { Channel } from '../shared/contract';
import type { ItemType } from '../shared/links';
import type { PaletteItem } from '../shared/palette';
import type { AccountService } from './account/account-service';
import { accountFolder, removeAccountFolders, scopeOf, type AccountScope } from './cache/account-scope';
import { createAnswerCache } from './cache/answer-cache';
import { cacheKey } from './cache/cache-policy';
import { withAnswerCache, type CachedHandlerDeps } from './cache/cached-handlers';
import { createDesktopHandlers, REACHING_CHANNELS, type DesktopHandlers, type DesktopHooks } from './desktop-handlers';
import type { Handler, Handlers } from './ipc/handlers';
import { createItemResolver } from './links/item-resolver';
import { createLinkIntake, type LinkIntake } from './links/link-intake';
import { createOpenRequests } from './links/open-requests';
import type { Logger } from './log';
import { createNotificationPoller } from './notifications/notification-poller';
import { createOutbox } from './outbox/outbox';
import { findDeliveredMessage } from './outbox/message-sender';
import { toMessageRow } from './browse/conversation-handlers';
import { createPaletteSearch } from './palette/palette-search';
import { itemFromConversation, itemFromRow } from './palette/palette-items';
import { createRecentItems } from './palette/recent-items';
import type { EmitEvent } from './event-hub';

export interface DesktopServiceDeps {
  account: AccountService;
  dataDir: string;
  log: Logger;
  emit: EmitEvent;
  cacheBudgetBytes?: number;
  notificationPollMs?: number;
  /** Waits before the outbox tries a message again after a server error (OURO_OUTBOX_RETRY_MS; tests). */
  outboxRetryDelaysMs?: number[];
  hooks?: DesktopHooks;
}

export interface DesktopServices {
  /** Browse handlers behind the answer cache, with opened items recorded as recent. */
  wrapBrowse<H extends Partial<Handlers>>(handlers: H): H;
  handlers: DesktopHandlers;
  /** Of `handlers`, those that reach Ouro (wrap them in reachability tracking). */
  reaching: readonly (keyof DesktopHandlers)[];
  links: LinkIntake;
  /** After the account has started: bind to it (the account's own events do the rest). */
  start(): Promise<void>;
  onAccountChanged(state: AccountState): void;
  dispose(): Promise<void>;
}

/** How many new notifications get an OS notification each; beyond it, one summary. */
const OS_NOTIFICATIONS_PER_POLL = 3;

export function createDesktopServices(deps: DesktopServiceDeps): DesktopServices {
  const { account, log } = deps;
  const hooks = deps.hooks ?? {};
  let current: AccountState | null = null;
  let boundScope: AccountScope | null = null;
  /** The last account bound (it stays across a refused key, so the same account's return is no switch). */
  let lastScope: AccountScope | null = null;

  const scope = async () => scopeOf(await account.state());
  const secrets = () => {
    try {
      return account.client().auth.secrets();
    } catch {
      return [];
    }
  };
  const online = () => current?.status === 'signed-in' && current.connection === 'online';

  const cache = createAnswerCache({ dataDir: deps.dataDir, log, secrets, ...(deps.cacheBudgetBytes ? { budgetBytes: deps.cacheBudgetBytes } : {}) });
  const cached: CachedHandlerDeps = {
    cache,
    scope,
    isOffline: async () => {
      const state = await account.state();
      return state.status === 'signed-in' && state.connection === 'offline';
    },
  };
  const recents = createRecentItems({ dataDir: deps.dataDir, log });
  const requests = createOpenRequests({ emit: deps.emit });

  /** An item as kept answers know it, for links and pastes while Ouro is unreachable. */
  async function keptItem(id: string, type?: ItemType): Promise<PaletteItem | null> {
    const s = await scope();
    if (!s) return null;
    const tries: [Channel & ('files:get' | 'datasets:get' | 'conversations:get'), ItemType][] = [
      ['files:get', 'file'],
      ['datasets:get', 'dataset'],
      ['conversations:get', 'conversation'],
    ];
    for (const [channel, itemType] of tries) {
      if (type && type !== itemType) continue;
      const key = cacheKey(channel, { id });
      const hit = key ? await cache.read(s, key) : null;
      if (hit) return itemFromAnswer(channel, hit.data);
    }
    return null;
  }

  const resolver = createItemResolver({ client: () => account.client(), keptItem });
  const links = createLinkIntake({ requests, resolver, log });
  const palette = createPaletteSearch({ client: () => account.client() });

  const poller = createNotificationPoller({
    api: () => account.client().notifications,
    ...(deps.notificationPollMs ? { intervalMs: deps.notificationPollMs } : {}),
    log,
    onUnread: (count) => {
      deps.emit('notifications:changed', { unread: count });
      hooks.setUnreadCount?.(count ?? 0);
    },
    onNew: (rows) => {
      if (!hooks.notify || (hooks.isWindowFocused?.() ?? true)) return;
      for (const row of rows.slice(0, OS_NOTIFICATIONS_PER_POLL)) {
        hooks.notify(row.title, row.body || 'Open Ouro to see it.', () => void desktopHandlers.openFromOs(row));
      }
      const more = rows.length - OS_NOTIFICATIONS_PER_POLL;
      if (more > 0) hooks.notify(`${more} more notification${more === 1 ? '' : 's'}`, 'Open Ouro to see them all.', () => {});
    },
  });

  const outbox = createOutbox({
    // The one sender of messages (issue 13's): converted as Ouro does, posted once under the page's
    // id, and a 409 for that id answered with the message Ouro already has.
    send: async (message, signal) => {
      const sent = await account.client().conversations.sendMessage(message.conversationId, { id: message.clientId, markdown: message.text, signal });
      return toMessageRow(sent.message);
    },
    findDelivered: (message, signal) => findDeliveredMessage(account.client(), message, signal),
    isOnline: online,
    noteUnreachable: () => account.noteReachability(false),
    emit: (snapshot) => deps.emit('outbox:changed', snapshot),
    log,
    ...(deps.outboxRetryDelaysMs ? { retryDelaysMs: deps.outboxRetryDelaysMs } : {}),
  });

  let binding: Promise<void> = Promise.resolve();
  const desktopHandlers = createDesktopHandlers({ account, cached, recents, requests, resolver, palette, poller, outbox, hooks, scope, settled: () => binding });

  async function bind(state: AccountState): Promise<void> {
    const next = scopeOf(state);
    if (next?.id !== boundScope?.id) {
      poller.reset();
      palette.abortAll();
      // Items a link or a notification asked to open under another account are not this one's.
      if (next && lastScope && next.id !== lastScope.id) requests.clear();
      boundScope = next;
      if (next) {
        lastScope = next;
        cache.allow(next);
      }
      await outbox.open(next ? path.join(accountFolder(deps.dataDir, next), 'outbox.json') : null);
    }
    if (state.status === 'signed-in' && state.connection === 'online') {
      poller.resume();
      void outbox.flush();
    } else {
      poller.pause();
    }
  }

  const onAccountChanged = (state: AccountState) => {
    current = state;
    binding = binding.then(() => bind(state)).catch((error: unknown) => log.warn('Following the account failed', error));
  };
  account.onChanged(onAccountChanged);

  // Sign-out forgets everything kept, this account's and any other's that waited here, in an
  // order where nothing writes it back.
  account.onSignedOut(async () => {
    // The account whose answer store may be open (a refused key leaves it bound to none).
    const gone = boundScope ?? lastScope ?? (await scope());
    poller.reset();
    palette.abortAll();
    requests.clear();
    await outbox.forget();
    boundScope = null;
    lastScope = null;
    await recents.forgetAll();
    if (gone) await cache.clear(gone);
    await removeAccountFolders(deps.dataDir);
  });

  function itemFromAnswer(channel: 'files:get' | 'datasets:get' | 'conversations:get', data: unknown): PaletteItem | null {
    if (channel === 'conversations:get') return itemFromConversation(data as Parameters<typeof itemFromConversation>[0]);
    return itemFromRow({ ...(data as Parameters<typeof itemFromRow>[0]), assetType: channel === 'files:get' ? 'file' : 'dataset' });
  }

  function recordOpened<C extends 'files:get' | 'datasets:get' | 'conversations:get'>(channel: C, handler: Handler<C>): Handler<C> {
    return async (input, context) => {
      const data = await handler(input, context);
      const s = await scope();
      const item = itemFromAnswer(channel, data);
      if (s && item) void recents.add(s, item);
      return data;
    };
  }

  return {
    wrapBrowse(browse) {
      const out = withAnswerCache(browse, cached) as Partial<Handlers>;
      if (out['files:get']) out['files:get'] = recordOpened('files:get', out['files:get']);
      if (out['datasets:get']) out['datasets:get'] = recordOpened('datasets:get', out['datasets:get']);
      if (out['conversations:get']) out['conversations:get'] = recordOpened('conversations:get', out['conversations:get']);
      return out as typeof browse;
    },
    handlers: desktopHandlers.handlers,
    reaching: REACHING_CHANNELS,
    links,
    async start() {
      onAccountChanged(await account.state());
      await binding;
    },
    onAccountChanged,
    async dispose() {
      poller.pause();
      palette.abortAll();
      await binding;
      await outbox.dispose();
      await recents.idle();
      await cache.close();
    },
  };
}
