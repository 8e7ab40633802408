// Every React Query key the renderer uses, in one registry. Each root names one kind of data, so
// an invalidation reaches exactly what it means to: the Files and Datasets lists live under
// 'asset-lists', one dataset's record, stats and row blocks under 'dataset' — a new upload can
// refresh the lists without touching the row blocks of a dataset someone is reading.
import type { QueryKey } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';

/** One Files or Datasets list: everything `assets:search` takes except the page. */
export type SearchInput = Omit<ChannelInput<'assets:search'>, 'offset' | 'limit'>;

export const queryKeys = {
  app: {
    info: () => ['app', 'info'] as const,
    update: () => ['app', 'update'] as const,
  },
  account: {
    state: () => ['account', 'state'] as const,
  },
  /** My organizations and teams: list filters, display names, upload destinations. */
  destinations: () => ['destinations'] as const,
  assetLists: {
    all: () => ['asset-lists'] as const,
    list: (input: SearchInput) => ['asset-lists', input.section, input] as const,
  },
  file: {
    record: (id: string) => ['file', id, 'record'] as const,
    preview: (id: string) => ['file', id, 'preview'] as const,
    thumbnail: (id: string) => ['file', id, 'thumbnail'] as const,
  },
  dataset: {
    record: (id: string) => ['dataset', id, 'record'] as const,
    stats: (id: string) => ['dataset', id, 'stats'] as const,
    rows: (id: string, block: number) => ['dataset', id, 'rows', block] as const,
  },
  conversations: {
    list: () => ['conversations', 'list'] as const,
    detail: (id: string) => ['conversations', 'detail', id] as const,
    messages: (id: string) => ['conversations', 'messages', id] as const,
    latest: (id: string) => ['conversations', 'latest', id] as const,
  },
  uploads: {
    queue: () => ['uploads', 'queue'] as const,
  },
  /** Progress main reports for a save in flight (`downloads:progress`), per asset. */
  downloads: {
    progress: (id: string) => ['downloads', id] as const,
  },
  /** Main is waiting to retry a request by itself (`requests:retrying`). */
  notices: {
    retrying: () => ['notices', 'retrying'] as const,
  },
  /** Issue 16: where a cacheable query's data came from (answer-cache.ts), and its one read of main's cache. */
  freshness: (key: QueryKey) => ['freshness', ...key] as const,
  cacheSeed: (key: QueryKey) => ['cache-seed', ...key] as const,
  /** The command palette: recent items, a search, a pasted link resolved. */
  palette: {
    recent: () => ['palette', 'recent'] as const,
    search: (query: string) => ['palette', 'search', query] as const,
    resolve: (text: string) => ['palette', 'resolve', text] as const,
  },
  notifications: {
    unread: () => ['notifications', 'unread'] as const,
    lists: () => ['notifications', 'list'] as const,
    list: (unreadOnly: boolean) => ['notifications', 'list', { unreadOnly }] as const,
  },
  /** Messages waiting in main's outbox (`outbox:list`, kept current by `outbox:changed`). */
  outbox: () => ['outbox'] as const,
} as const;

/** Roots that are not the account's data: they survive a sign-out. */
const ACCOUNT_INDEPENDENT_ROOTS = new Set<unknown>(['app', 'account']);

export function belongsToAccount(key: QueryKey): boolean {
  return !ACCOUNT_INDEPENDENT_ROOTS.has(key[0]);
}

/** Infinite lists: refreshed one first page at a time (see infinite-lists.ts), never wholesale. */
export function isInfiniteList(key: QueryKey): boolean {
  return key[0] === 'asset-lists' || (key[0] === 'conversations' && key[1] === 'list') || (key[0] === 'conversations' && key[1] === 'messages');
}
