// Generic per-asset routes (ouro-api.md §3.3): type lookup, view no-op, counts, the streamed
// `POST /assets/{id}/download`, and the unauthenticated `/__storage/...` URLs that
// `/files/{id}/data` hands out.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import { ok, sendJson, type RequestContext } from '../context';
import { assetNotFound, validationError } from '../errors';
import { contentSize, mimeForExtension, openContent } from '../file-content';
import { csvChunks } from '../dataset-rows';
import type { AssetRecord } from '../model';
import type { Route } from '../router';
import { AssetViewBody, DownloadBody, parseBody } from '../schemas';

function visible(ctx: RequestContext): AssetRecord {
  const id = ctx.params.id ?? '';
  const asset = ctx.services.store.visibleAsset(ctx.userId, id);
  if (!asset) throw assetNotFound(id);
  return asset;
}

/** `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

async function stream(ctx: RequestContext, source: Readable, headers: Record<string, string>): Promise<void> {
  ctx.res.writeHead(200, headers);
  try {
    await pipeline(source, ctx.res);
  } catch {
    // The client went away (or a mid-body fault cut the socket); nothing left to answer.
  }
}

/** An optional JSON body: empty is `{}`, anything else must match `schema`. */
async function optionalBody<S extends z.ZodType>(ctx: RequestContext, schema: S): Promise<z.output<S>> {
  const parts: Buffer[] = [];
  for await (const chunk of ctx.body.chunks()) parts.push(chunk);
  const text = Buffer.concat(parts).toString('utf8');
  if (!text.trim()) return parseBody(schema, {});
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw validationError([{ loc: ['body', 0], msg: `JSON decode error: ${(err as Error).message}`, type: 'json_invalid' }]);
  }
  return parseBody(schema, value);
}

async function download(ctx: RequestContext): Promise<void> {
  const body = await optionalBody(ctx, DownloadBody);
  const asset = visible(ctx);
  if (body.asset_type && body.asset_type !== asset.asset_type) {
    throw validationError([{ loc: ['body', 'asset_type'], msg: `Asset ${asset.id} is a ${asset.asset_type}, not a ${body.asset_type}`, type: 'value_error' }]);
  }
  const { store } = ctx.services;
  asset.downloads += 1;
  if (asset.asset_type === 'file') {
    const content = store.fileContents.get(asset.id);
    if (!content) throw assetNotFound(asset.id);
    const extension = typeof asset.metadata?.extension === 'string' ? asset.metadata.extension : 'bin';
    const type = typeof asset.metadata?.type === 'string' ? asset.metadata.type : mimeForExtension(extension);
    const base = asset.name ?? asset.id;
    const fileName = base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
    await stream(ctx, openContent(content), {
      'Content-Type': type,
      'Content-Length': String(contentSize(content)),
      'Content-Disposition': contentDisposition(fileName),
    });
    return;
  }
  if (asset.asset_type === 'dataset') {
    const backing = store.datasets.get(asset.id);
    if (!backing) throw assetNotFound(asset.id);
    await stream(ctx, Readable.from(csvChunks(backing)), {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(`${asset.name ?? asset.id}.csv`),
    });
    return;
  }
  if (asset.asset_type === 'conversation') {
    const conv = store.conversations.get(asset.id);
    const lines = (conv?.messages ?? []).map((m) => `**${store.users.get(m.user_id)?.username ?? m.user_id}** (${m.created_at}):\n\n${m.text}\n`);
    await stream(ctx, Readable.from([`# ${asset.name ?? 'Conversation'}\n\n${lines.join('\n')}`]), {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': contentDisposition(`${asset.name ?? 'conversation'}.md`),
    });
    return;
  }
  throw validationError([{ loc: ['path', 'id'], msg: `Download is not supported for ${asset.asset_type} assets`, type: 'value_error' }]);
}

function assetType(ctx: RequestContext): void {
  ok(ctx, { asset_type: visible(ctx).asset_type });
}

/** `POST /assets/{id}/view`: the SDK's body, its pathname naming this asset (§3.3). */
async function view(ctx: RequestContext): Promise<void> {
  const body = parseBody(AssetViewBody, await ctx.body.json());
  const asset = visible(ctx);
  if (body.pathname !== `/assets/${asset.id}`) {
    throw validationError([{ loc: ['body', 'pathname'], msg: `pathname should be /assets/${asset.id}`, type: 'value_error' }]);
  }
  asset.views += 1;
  ok(ctx, null);
}

function counts(ctx: RequestContext): void {
  const asset = visible(ctx);
  ok(ctx, { views: asset.views, comments: 0, reactions: 0, downloads: asset.downloads });
}

/** GET /__storage/<bucket>/<path> — public-storage-like URLs, no auth (like signed URLs). */
export async function serveStorage(ctx: RequestContext): Promise<void> {
  const { store } = ctx.services;
  const key = decodeURIComponent(ctx.path.slice('/__storage/'.length));
  const id = store.objectPaths.get(key);
  const object = id ? store.objects.get(id) : undefined;
  if (!object || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) {
    sendJson(ctx.res, 404, { statusCode: '404', error: 'not_found', message: 'Object not found' });
    return;
  }
  const headers = {
    'Content-Type': object.contentType ?? 'application/octet-stream',
    'Content-Length': String(contentSize(object.content)),
    'Cache-Control': 'max-age=3600',
  };
  if (ctx.method === 'HEAD') {
    ctx.res.writeHead(200, headers);
    ctx.res.end();
    return;
  }
  await stream(ctx, openContent(object.content), headers);
}

export const assetRoutes: Route[] = [
  { method: 'GET', pattern: '/assets/:id/type', handler: assetType },
  { method: 'POST', pattern: '/assets/:id/view', handler: view },
  { method: 'GET', pattern: '/assets/:id/counts', handler: counts },
  { method: 'POST', pattern: '/assets/:id/download', handler: download },
];
