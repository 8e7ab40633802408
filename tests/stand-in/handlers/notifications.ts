// The signed-in user's notifications (ouro-api.md §8.5, ouro-py resources/notifications.py):
// a page newest first (`offset`, `limit`, `org_id`, `unread_only`, `category`), the unread count
// as a bare integer, and `GET /user/notifications/{id}`, which marks one read and returns it.
import { intParam, ok, type RequestContext } from '../context';
import { HttpError, validationError } from '../errors';
import { CATEGORY_TYPES, notificationJson } from '../notifications';
import type { NotificationRecord } from '../model';
import { UUID_RE } from '../prng';
import type { Route } from '../router';

function mine(ctx: RequestContext): NotificationRecord[] {
  const orgId = ctx.query.get('org_id');
  if (orgId !== null && !UUID_RE.test(orgId)) {
    throw validationError([{ loc: ['query', 'org_id'], msg: 'Input should be a valid UUID', type: 'uuid_parsing' }], 422);
  }
  return ctx.services.store.notifications.filter((n) => n.user_id === ctx.userId && (!orgId || n.org_id === orgId.toLowerCase()));
}

function list(ctx: RequestContext): void {
  const limit = intParam(ctx.query, 'limit', 20, { min: 1, max: 100 });
  const offset = intParam(ctx.query, 'offset', 0);
  const unreadOnly = ctx.query.get('unread_only');
  if (unreadOnly !== null && unreadOnly !== 'true' && unreadOnly !== 'false') {
    throw validationError([{ loc: ['query', 'unread_only'], msg: 'Input should be a valid boolean', type: 'bool_parsing' }], 422);
  }
  let types: Set<string> | null = null;
  const category = ctx.query.get('category');
  if (category !== null) {
    types = new Set();
    for (const name of category.split(',').map((c) => c.trim())) {
      const covered = CATEGORY_TYPES[name];
      if (!covered) throw validationError([{ loc: ['query', 'category'], msg: `Unknown category ${name}`, type: 'enum' }], 422);
      for (const type of covered) types.add(type);
    }
  }
  const all = mine(ctx)
    .filter((n) => (unreadOnly === 'true' ? !n.read : true) && (!types || types.has(n.type)))
    .sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : a.id < b.id ? -1 : 1));
  const page = all.slice(offset, offset + limit);
  ok(ctx, page.map((n) => notificationJson(ctx.services.store, n)), {
    pagination: { offset, limit, hasMore: offset + page.length < all.length, total: all.length },
  });
}

function unreads(ctx: RequestContext): void {
  ok(ctx, mine(ctx).filter((n) => !n.read).length);
}

function readOne(ctx: RequestContext): void {
  const id = ctx.params.id ?? '';
  if (!UUID_RE.test(id)) throw validationError([{ loc: ['path', 'id'], msg: 'Input should be a valid UUID', type: 'uuid_parsing' }], 422);
  const n = ctx.services.store.notifications.find((x) => x.id === id.toLowerCase() && x.user_id === ctx.userId);
  if (!n) throw new HttpError(404, { data: null, error: { name: 'HttpError', message: `Notification ${id} not found`, status: 404, code: 'notification_not_found' } });
  if (!n.read) {
    n.read = true;
    n.read_at = new Date().toISOString().replace('Z', '+00:00');
    n.last_updated = n.read_at;
  }
  ok(ctx, notificationJson(ctx.services.store, n));
}

export const notificationRoutes: Route[] = [
  { method: 'GET', pattern: '/user/notifications', handler: list },
  // Before `/:id`, which would otherwise take "unreads" as an id.
  { method: 'GET', pattern: '/user/notifications/unreads', handler: unreads },
  { method: 'GET', pattern: '/user/notifications/:id', handler: readOne },
];
