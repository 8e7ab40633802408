// Conversation routes (ouro-api.md §6): list mine (offset), retrieve, create, update,
// delete/leave, messages with the `before` cursor (newest first, limit ≤ 200), message create and
// edit, plus the markdown → TipTap converter used before sending.
import { randomUUID } from 'node:crypto';
import { assetRow, profileOf } from '../asset-view';
import { intParam, ok, sendJson, type RequestContext } from '../context';
import { assetNotFound, conflict, validationError, HttpError } from '../errors';
import { markdownToDoc } from '../markdown';
import { ConversationCreateBody, ConversationUpdateBody, FromMarkdownBody, MessageCreateBody, MessagePatchBody, parseBody } from '../schemas';
import type { AssetRecord, ConversationBacking, MessageRecord } from '../model';
import type { Route } from '../router';
import { GLOBAL_ID } from '../store';

/** Strictly increasing timestamps, so a new message always sorts after the previous one. */
function timestampAfter(previous: string | undefined): string {
  let ms = Date.now();
  if (previous) ms = Math.max(ms, Date.parse(previous) + 1);
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

function conversationOf(ctx: RequestContext): { asset: AssetRecord; conv: ConversationBacking } {
  const id = ctx.params.id ?? '';
  const { store } = ctx.services;
  const asset = store.assets.get(id);
  const conv = store.conversations.get(id);
  if (!asset || asset.asset_type !== 'conversation' || !conv || !conv.members.includes(ctx.userId)) throw assetNotFound(id);
  return { asset, conv };
}

function conversationJson(ctx: RequestContext, asset: AssetRecord, conv: ConversationBacking): Record<string, unknown> {
  const { store } = ctx.services;
  return {
    ...assetRow(store, asset),
    metadata: { ...(asset.metadata ?? {}), members: [...conv.members] },
    users: conv.members.map((id) => store.users.get(id)).filter((u) => u !== undefined).map(profileOf),
  };
}

function messageJson(ctx: RequestContext, m: MessageRecord): Record<string, unknown> {
  const user = ctx.services.store.users.get(m.user_id);
  return { ...m, user: user ? profileOf(user) : null };
}

function list(ctx: RequestContext): void {
  const { store } = ctx.services;
  const limit = intParam(ctx.query, 'limit', 20, { min: 1, max: 200 });
  const offset = intParam(ctx.query, 'offset', 0);
  const orgId = ctx.query.get('org_id');
  const mine = [...store.conversations.entries()]
    .filter(([, c]) => c.members.includes(ctx.userId))
    .map(([id, c]) => ({ asset: store.assets.get(id), conv: c }))
    .filter((x): x is { asset: AssetRecord; conv: ConversationBacking } => x.asset !== undefined)
    .filter((x) => !orgId || x.asset.org_id === orgId)
    .sort((a, b) => (a.asset.last_updated < b.asset.last_updated ? 1 : a.asset.last_updated > b.asset.last_updated ? -1 : a.asset.id < b.asset.id ? -1 : 1));
  const page = mine.slice(offset, offset + limit);
  ok(ctx, page.map((x) => conversationJson(ctx, x.asset, x.conv)), {
    pagination: { offset, limit, hasMore: offset + page.length < mine.length, total: mine.length },
  });
}

function retrieve(ctx: RequestContext): void {
  const { asset, conv } = conversationOf(ctx);
  ok(ctx, conversationJson(ctx, asset, conv));
}

async function create(ctx: RequestContext): Promise<void> {
  const { store } = ctx.services;
  const { conversation: body } = parseBody(ConversationCreateBody, await ctx.body.json());
  const meta = body.metadata;
  const members = new Set<string>([ctx.userId]);
  for (const m of meta.members) {
    if (!store.users.has(m)) {
      throw validationError([{ loc: ['body', 'conversation', 'metadata', 'members'], msg: `Unknown user ${m}`, type: 'value_error' }]);
    }
    members.add(m);
  }
  const id = body.id?.toLowerCase() ?? randomUUID();
  if (store.assets.has(id)) throw conflict(`Asset ${id} already exists`);
  const now = timestampAfter(undefined);
  const asset: AssetRecord = {
    id,
    asset_type: 'conversation',
    name: body.name ?? null,
    description: null,
    visibility: 'private',
    user_id: ctx.userId,
    org_id: body.org_id ?? GLOBAL_ID,
    team_id: body.team_id ?? GLOBAL_ID,
    parent_id: null,
    created_at: now,
    last_updated: now,
    metadata: { ...meta, members: [...members] },
    preview: null,
    state: 'success',
    source: 'api',
    license_id: null,
    monetization: 'none',
    price: null,
    attribution: body.attribution ?? { originality: 'original' },
    summary: body.summary ?? null,
    views: 0,
    downloads: 0,
  };
  const conv: ConversationBacking = { members: [...members], messages: [] };
  store.conversations.set(id, conv);
  store.addAsset(asset);
  ok(ctx, conversationJson(ctx, asset, conv));
}

async function update(ctx: RequestContext): Promise<void> {
  const { asset, conv } = conversationOf(ctx);
  const { conversation: body } = parseBody(ConversationUpdateBody, await ctx.body.json());
  if (body.name !== undefined) asset.name = body.name;
  if (body.summary !== undefined) asset.summary = body.summary;
  if (body.metadata) {
    asset.metadata = { ...(asset.metadata ?? {}), ...body.metadata };
    if (body.metadata.members) conv.members = [...body.metadata.members];
  }
  asset.last_updated = timestampAfter(asset.last_updated);
  ctx.services.store.indexAsset(asset);
  ok(ctx, conversationJson(ctx, asset, conv));
}

function leave(ctx: RequestContext): void {
  const { asset, conv } = conversationOf(ctx);
  conv.members = conv.members.filter((m) => m !== ctx.userId);
  if (conv.members.length === 0) ctx.services.store.removeAsset(asset.id);
  else asset.metadata = { ...(asset.metadata ?? {}), members: [...conv.members] };
  ok(ctx, null);
}

function messages(ctx: RequestContext): void {
  const { conv } = conversationOf(ctx);
  const limit = intParam(ctx.query, 'limit', 50, { min: 1, max: 200 });
  const beforeRaw = ctx.query.get('before');
  let before = Infinity;
  if (beforeRaw) {
    // An unencoded '+' in "…+00:00" arrives as a space; accept it rather than 422.
    before = Date.parse(beforeRaw.replace(/ (\d\d:?\d\d)$/, '+$1'));
    if (Number.isNaN(before)) {
      throw validationError([{ loc: ['query', 'before'], msg: 'Input should be a valid datetime', type: 'datetime_parsing' }], 422);
    }
  }
  // Messages are stored oldest first; find the newest one strictly older than the cursor.
  let end = conv.messages.length;
  while (end > 0 && Date.parse(conv.messages[end - 1]?.created_at ?? '') >= before) end--;
  const start = Math.max(0, end - limit);
  const page = conv.messages.slice(start, end).reverse();
  const hasMore = start > 0;
  const oldest = page.at(-1);
  ok(ctx, page.map((m) => messageJson(ctx, m)), {
    pagination: { limit, hasMore, nextCursor: hasMore && oldest ? { before: oldest.created_at } : null },
  });
}

async function createMessage(ctx: RequestContext): Promise<void> {
  const { asset, conv } = conversationOf(ctx);
  const { message: body } = parseBody(MessageCreateBody, await ctx.body.json());
  const text = body.text;
  const id = body.id?.toLowerCase() ?? randomUUID();
  if (conv.messages.some((m) => m.id === id)) throw conflict(`Message ${id} already exists`);
  const last = conv.messages.at(-1);
  const createdAt = timestampAfter(last?.created_at);
  const type = body.type ?? 'message';
  const message: MessageRecord = {
    id,
    conversation_id: asset.id,
    turn_id: body.turn_id ?? randomUUID(),
    seq: body.seq ?? 0,
    user_id: ctx.userId,
    type,
    text,
    json: body.json,
    viewers: [ctx.userId],
    metadata: body.metadata ?? null,
    created_at: createdAt,
    last_updated: createdAt,
  };
  conv.messages.push(message);
  asset.last_updated = createdAt;
  ctx.services.store.indexAsset(asset);
  ok(ctx, messageJson(ctx, message));
}

async function editMessage(ctx: RequestContext): Promise<void> {
  const { conv } = conversationOf(ctx);
  const { message: body } = parseBody(MessagePatchBody, await ctx.body.json());
  const message = conv.messages.find((m) => m.id === ctx.params.messageId);
  if (!message) throw new HttpError(404, { data: null, error: { name: 'HttpError', message: `Message ${ctx.params.messageId ?? ''} not found`, status: 404, code: 'message_not_found' } });
  if (message.user_id !== ctx.userId) throw new HttpError(403, { data: null, error: { name: 'HttpError', message: 'You can only edit your own messages', status: 403, code: 'update_forbidden' } });
  if (body.text !== undefined) {
    message.text = body.text;
    message.json = body.json ?? markdownToDoc(body.text);
  }
  if (body.metadata !== undefined) message.metadata = body.metadata;
  message.last_updated = new Date().toISOString().replace('Z', '+00:00');
  ok(ctx, messageJson(ctx, message));
}

async function fromMarkdown(ctx: RequestContext): Promise<void> {
  const { markdown } = parseBody(FromMarkdownBody, await ctx.body.json());
  // Not enveloped, like the real endpoint.
  sendJson(ctx.res, 200, { json: markdownToDoc(markdown), markdown: markdown.trim() });
}

export const conversationRoutes: Route[] = [
  { method: 'GET', pattern: '/conversations', handler: list },
  { method: 'POST', pattern: '/conversations/create', handler: create },
  { method: 'GET', pattern: '/conversations/:id', handler: retrieve },
  { method: 'PUT', pattern: '/conversations/:id', handler: update },
  { method: 'DELETE', pattern: '/conversations/:id', handler: leave },
  { method: 'GET', pattern: '/conversations/:id/messages', handler: messages },
  { method: 'POST', pattern: '/conversations/:id/messages/create', handler: createMessage },
  { method: 'PATCH', pattern: '/conversations/:id/messages/:messageId', handler: editMessage },
  { method: 'POST', pattern: '/utilities/convert/from-markdown', handler: fromMarkdown },
];
