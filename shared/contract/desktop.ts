// The desktop around the lists (issue 16): the answer cache, offline, the palette, notifications, links and the outbox.
import { z } from 'zod';
import { MAX_MESSAGE_CHARS } from '../actions';
import type { Channel } from '../contract-names';
import { cacheableChannels, type CachedAnswer } from '../cache';
import { itemTypes, type DesktopLink, type OpenRequest } from '../links';
import type { NotificationPage, NotificationRow, UnreadState } from '../notifications';
import type { OutboxSnapshot, SendOutcome } from '../outbox';
import type { PaletteResults, RecentItem, ResolvedItem } from '../palette';
import { returns, type ChannelSpec, ouroId } from './spec';

export const desktopChannels = {
  /**
   * The kept answer of a cacheable channel for that channel's own input (validated against its
   * schema here in main), or null: React Query's initialData, so rows show before Ouro answers.
   */
  'cache:get': {
    input: z.object({ channel: z.enum(cacheableChannels), input: z.unknown() }),
    output: returns<CachedAnswer | null>(),
  },
  /** Files, datasets and conversations matching `query`; a newer search from the same page cancels this one. */
  'palette:search': {
    input: z.object({ query: z.string().trim().min(1, 'Type something to search for').max(200), limit: z.number().int().min(1).max(50).optional() }),
    output: returns<PaletteResults>(),
  },
  /** Items opened recently under this account, newest first (kept by main, gone at sign-out). */
  'palette:recent': { input: z.undefined(), output: returns<RecentItem[]>() },
  /** A pasted Ouro web link, `ouro://` link or asset id, resolved to the item it names. */
  'palette:resolve': { input: z.object({ text: z.string().trim().min(1).max(2048) }), output: returns<ResolvedItem>() },
  /** One page of notifications, newest first; rows carry their kind for grouping. */
  'notifications:list': {
    input: z.object({ offset: z.number().int().min(0).max(100_000), limit: z.number().int().min(1).max(100), unreadOnly: z.boolean().optional() }),
    output: returns<NotificationPage>(),
  },
  /** The unread count main last polled (null before the first answer). */
  'notifications:unreads': { input: z.undefined(), output: returns<UnreadState>() },
  /** Opening one marks it read on Ouro and returns it (with the item to show). */
  'notifications:open': { input: z.object({ id: ouroId }), output: returns<NotificationRow>() },
  /** Items main asks the page to open (ouro:// links, clicked notifications), oldest first; taking empties the queue. */
  'links:take': { input: z.undefined(), output: returns<OpenRequest[]>() },
  /** "Copy desktop link": main builds the ouro:// link for an item (and copies it where it can). */
  'links:desktop-link': { input: z.object({ type: z.enum(itemTypes), id: ouroId }), output: returns<DesktopLink>() },
  /**
   * Sends a message now, or keeps it to send when Ouro is reachable again, with its own id so it is
   * never posted twice. `clientId` (optional): the page's own id for its pending bubble; sending
   * the same id again never makes a second message.
   */
  'outbox:send': {
    input: z.object({ conversationId: ouroId, text: z.string().trim().min(1, 'Write a message first').max(MAX_MESSAGE_CHARS), clientId: z.uuid().optional() }),
    output: returns<SendOutcome>(),
  },
  'outbox:list': { input: z.undefined(), output: returns<OutboxSnapshot>() },
  /** A failed message, or one waiting to be tried again after a server error: try again now. */
  'outbox:retry': { input: z.object({ clientId: z.uuid() }), output: returns<void>() },
  /** A queued or failed message: forget it unsent. */
  'outbox:discard': { input: z.object({ clientId: z.uuid() }), output: returns<void>() },
} satisfies { [C in Channel]?: ChannelSpec };
