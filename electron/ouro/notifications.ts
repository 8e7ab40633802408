// The signed-in user's notifications (ouro-api.md §8.5; ouro-py resources/notifications.py): a page
// of them, the unread count, and reading one, which marks it read. The two SDKs disagree on the
// record (ouro-py: `read`/`read_at`, `source_user`, `asset`; ouro-js: `viewed`,
// `destination_user_id`), so the model takes either.
import { z } from 'zod';
import { opt, optText, type Page } from './models';
import { validate } from './envelope';
import { pathOf, type Http } from './http';
import { clampLimit, clampOffset, offsetPage } from './search';
import type { CallOptions } from './types';

export const NotificationSchema = z.looseObject({
  id: z.string(),
  type: opt(z.string()),
  user_id: opt(z.string()),
  destination_user_id: opt(z.string()),
  source_user_id: opt(z.string()),
  asset_id: optText,
  org_id: opt(z.string()),
  /** ouro-py. */
  read: opt(z.boolean()),
  read_at: optText,
  /** ouro-js. */
  viewed: opt(z.boolean()),
  content: opt(
    z.looseObject({
      text: optText,
      asset: opt(z.looseObject({ assetId: optText, assetType: optText })),
    }),
  ),
  source_user: opt(z.looseObject({ user_id: opt(z.string()), username: optText })),
  asset: opt(z.looseObject({ id: optText, asset_type: optText, name: optText })),
  created_at: optText,
  last_updated: opt(z.string()),
});
export type OuroNotification = z.infer<typeof NotificationSchema>;

export const NOTIFICATIONS_DEFAULT_LIMIT = 20;
export const NOTIFICATIONS_MAX_LIMIT = 100;

export interface NotificationListParams extends CallOptions {
  offset?: number;
  limit?: number;
  unreadOnly?: boolean;
  /** Comma-separated: mentions, comments, references, shares, money, actions. */
  category?: string;
  orgId?: string;
  /** Background polls pass false: they back off by themselves rather than retry inside the call. */
  retry?: boolean;
}

export interface NotificationsApi {
  list(params?: NotificationListParams): Promise<Page<OuroNotification>>;
  /** `GET /user/notifications/unreads`: an integer (0 when Ouro sends nothing). */
  unreads(options?: CallOptions & { retry?: boolean }): Promise<number>;
  /** `GET /user/notifications/{id}`: marks it read and returns it. Not retried: it changes state. */
  read(id: string, options?: CallOptions): Promise<OuroNotification>;
}

export function createNotifications(http: Http): NotificationsApi {
  return {
    async list(params = {}) {
      const offset = clampOffset(params.offset);
      const limit = clampLimit(params.limit, NOTIFICATIONS_DEFAULT_LIMIT, NOTIFICATIONS_MAX_LIMIT);
      const { body, facts } = await http.json({
        method: 'GET',
        path: '/user/notifications',
        query: {
          offset,
          limit,
          unread_only: params.unreadOnly ? true : undefined,
          category: params.category?.trim() || undefined,
          org_id: params.orgId?.trim() || undefined,
        },
        ...(params.retry === false ? { idempotent: false } : {}),
        ...(params.signal ? { signal: params.signal } : {}),
      });
      const items = validate(z.array(NotificationSchema), body['data'] ?? [], 'data', facts);
      return offsetPage(items, body['pagination'], offset, limit);
    },
    async unreads(options = {}) {
      const { body, facts } = await http.json({
        method: 'GET',
        path: '/user/notifications/unreads',
        ...(options.retry === false ? { idempotent: false } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      // ouro-py reads `data` as the count (`or 0`); a `{count}` object is taken too.
      const data = body['data'];
      const count = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['count'] : data;
      return validate(z.number().int().min(0).nullish(), count, 'data', facts) ?? 0;
    },
    read: (id, options) => http.data({ method: 'GET', path: pathOf`/user/notifications/${id}`, idempotent: false, ...options }, NotificationSchema),
  };
}
