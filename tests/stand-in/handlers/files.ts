// File routes (ouro-api.md §4): the three-step upload (`/files/upload` streamed to disk →
// `/files/{id}/metadata` → `/files/create`), retrieve, content URL, update and delete.
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { assetRow } from '../asset-view';
import { isRecord, ok, type RequestContext } from '../context';
import { assetNotFound, conflict, forbidden, HttpError, validationError } from '../errors';
import { deriveMetadata, extensionOf, rawExtension } from '../file-content';
import { FileContentBody, FileCreateBody, FileUpdateBody, FileUploadBody, parseBody } from '../schemas';
import type { AssetRecord, StoredObject, TeamRecord } from '../model';
import { UUID_RE } from '../prng';
import type { Route } from '../router';
import { GLOBAL_ID, type Store } from '../store';
import { parseUploadStream } from '../upload-stream';

function nowIso(): string {
  return new Date().toISOString().replace('Z', '+00:00');
}

/**
 * Where a new asset goes: explicit team, or the org's first team I belong to, or the global org.
 * Enforces membership and the team's (or org's) `source_policy`.
 */
export function resolvePlacement(store: Store, userId: string, body: Record<string, unknown>, source: string): TeamRecord {
  const orgId = body.org_id;
  const teamId = body.team_id;
  for (const [key, value] of [['org_id', orgId], ['team_id', teamId]] as const) {
    if (value !== undefined && value !== null && (typeof value !== 'string' || !UUID_RE.test(value))) {
      throw validationError([{ loc: ['body', key], msg: 'Input should be a valid UUID', type: 'uuid_parsing' }]);
    }
  }
  let team: TeamRecord | undefined;
  if (typeof teamId === 'string') {
    team = store.teams.get(teamId);
    if (!team) throw validationError([{ loc: ['body', 'team_id'], msg: `Team ${teamId} does not exist`, type: 'value_error' }]);
    if (typeof orgId === 'string' && team.org_id !== orgId) {
      throw validationError([{ loc: ['body', 'team_id'], msg: 'Team does not belong to the given organization', type: 'value_error' }]);
    }
  } else if (typeof orgId === 'string' && orgId !== GLOBAL_ID) {
    if (!store.orgs.has(orgId)) throw validationError([{ loc: ['body', 'org_id'], msg: `Organization ${orgId} does not exist`, type: 'value_error' }]);
    team = [...store.teams.values()].find((t) => t.org_id === orgId && t.members.has(userId));
    if (!team) throw forbidden('You are not a member of any team in this organization');
  } else {
    team = store.teams.get(GLOBAL_ID);
  }
  if (!team) throw new HttpError(500, { data: null, error: { message: 'Global team missing', status: 500 } });
  if (!store.isOrgMember(userId, team.org_id) || !store.isTeamMember(userId, team.id)) {
    throw forbidden(`You are not a member of team "${team.name}"`);
  }
  if (store.isTeamMember(userId, team.id) && team.members.get(userId) === 'read') {
    throw forbidden(`You only have read access to team "${team.name}"`);
  }
  const policy = store.effectiveSourcePolicy(team);
  if (policy === 'web_only' && source !== 'web') {
    throw forbidden(
      `Team "${team.name}" only accepts assets created on the Ouro website (source_policy: web_only); API clients cannot create assets here`,
      'source_policy_violation',
    );
  }
  if (policy === 'api_only' && source === 'web') {
    throw forbidden(`Team "${team.name}" only accepts assets created through the API (source_policy: api_only)`, 'source_policy_violation');
  }
  return team;
}

async function upload(ctx: RequestContext): Promise<void> {
  const { store, storageDir, uploads } = ctx.services;
  const id = randomUUID();
  const tempPath = join(storageDir, `.upload-${id}.part`);
  const parsed = await parseUploadStream(ctx.body.chunks(), tempPath);
  let body;
  try {
    // The base64 was checked (and decoded to disk) while streaming; the schema sees a stand-in.
    body = parseBody(FileUploadBody, { ...parsed.fields, file_base64: parsed.file ? '' : undefined });
  } catch (err) {
    await rm(tempPath, { force: true });
    throw err;
  }
  const file = parsed.file as { size: number; sha256: string };
  const visibility = body.visibility ?? 'private';
  const extension = rawExtension(body.file_name);
  // Like Ouro, the object's storage name is its own uuid, not the object id and not the file name.
  const storageName = `${randomUUID()}${extension ? `.${extension}` : ''}`;
  const storagePath = `${ctx.userId}/${storageName}`;
  const diskPath = join(storageDir, ctx.userId, storageName);
  await mkdir(join(storageDir, ctx.userId), { recursive: true });
  await rename(tempPath, diskPath);
  const bucket = visibility === 'public' ? 'public-files' : 'files';
  const createdAt = nowIso();
  const object: StoredObject = {
    id,
    owner: ctx.userId,
    fileName: body.file_name,
    bucket,
    storagePath,
    contentType: body.content_type ?? null,
    content: { kind: 'disk', path: diskPath, size: file.size },
    sha256: file.sha256,
    createdAt,
  };
  store.objects.set(id, object);
  store.objectPaths.set(`${bucket}/${storagePath}`, id);
  uploads.push({ id, fileName: body.file_name, size: file.size, sha256: file.sha256, path: diskPath, bucket, storagePath, createdAt });
  ctx.entry.upload = { size: file.size, sha256: file.sha256 };
  ok(ctx, { id, bucket, path: storagePath });
}

/** The stored object behind `id` if the caller may read it (own upload, or a visible file). */
function readableObject(ctx: RequestContext, id: string): StoredObject {
  const { store } = ctx.services;
  const object = store.objects.get(id);
  const asset = store.assets.get(id);
  if (object && (asset ? store.canSee(ctx.userId, asset) : object.owner === ctx.userId)) return object;
  throw assetNotFound(id);
}

/**
 * What the server extracts from the stored bytes: partial by design (ouro-api.md §4.3 step 2) —
 * never name, path, bucket or mimeType, no type it cannot tell, no extension for a bare name.
 */
async function metadata(ctx: RequestContext): Promise<void> {
  const id = ctx.params.id ?? '';
  const object = readableObject(ctx, id);
  const derived = await deriveMetadata(object.fileName, object.contentType, object.content);
  const { type, extension, size, width, height } = derived.metadata;
  const known = typeof type === 'string' && type !== 'application/octet-stream';
  const extracted: Record<string, unknown> = {
    ...(known ? { type } : {}),
    ...(rawExtension(object.fileName) ? { extension } : {}),
    size,
    ...(width !== undefined ? { width, height } : {}),
  };
  ok(ctx, { metadata: extracted, preview: derived.preview });
}

/**
 * `POST /files/create`: the record exactly as sent (validated, never completed). Its bytes are
 * whatever object its `metadata.bucket` and `metadata.path` name; a record naming no object of the
 * caller's has no content, as on Ouro, and its download and data URL fail.
 */
async function create(ctx: RequestContext): Promise<void> {
  const { store } = ctx.services;
  const { file } = parseBody(FileCreateBody, await ctx.body.json());
  const id = file.id?.toLowerCase() ?? randomUUID();
  if (store.assets.has(id)) throw conflict(`Asset ${id} already exists`);
  const source = file.source ?? 'web';
  const team = resolvePlacement(store, ctx.userId, file, source);
  let visibility = file.visibility ?? 'public';
  if (visibility === 'organization' && team.org_id === GLOBAL_ID) visibility = 'public';
  const metadata = isRecord(file.metadata) ? file.metadata : null;
  const objectId = metadata ? store.objectPaths.get(`${String(metadata.bucket)}/${String(metadata.path)}`) : undefined;
  const object = objectId ? store.objects.get(objectId) : undefined;
  if (object && object.owner !== ctx.userId) throw forbidden('This storage object belongs to another user');
  const now = nowIso();
  const asset: AssetRecord = {
    id,
    asset_type: 'file',
    name: file.name,
    description: file.description ? { json: file.description.json, text: file.description.text } : null,
    visibility,
    user_id: ctx.userId,
    org_id: team.org_id,
    team_id: team.id,
    parent_id: file.parent_id ?? null,
    created_at: now,
    last_updated: now,
    metadata,
    preview: file.preview ?? null,
    state: file.state ?? 'success',
    source,
    license_id: file.license_id ?? null,
    monetization: file.monetization ?? 'none',
    price: file.price ?? null,
    attribution: file.attribution ?? { originality: 'original' },
    views: 0,
    downloads: 0,
  };
  if (object) store.fileContents.set(id, object.content);
  store.addAsset(asset);
  ok(ctx, assetRow(store, asset));
}

function fileAsset(ctx: RequestContext): AssetRecord {
  const id = ctx.params.id ?? '';
  const asset = ctx.services.store.visibleAsset(ctx.userId, id);
  if (!asset || asset.asset_type !== 'file') throw assetNotFound(id);
  return asset;
}

function retrieve(ctx: RequestContext): void {
  ok(ctx, assetRow(ctx.services.store, fileAsset(ctx)));
}

function data(ctx: RequestContext): void {
  const asset = fileAsset(ctx);
  // The URL is built from the record's own bucket and path, as Ouro's is (read-data-public-url).
  const bucket = asset.metadata?.bucket;
  const path = asset.metadata?.path;
  if (typeof bucket !== 'string' || typeof path !== 'string' || !ctx.services.store.fileContents.has(asset.id)) {
    throw new HttpError(404, { data: null, error: { name: 'HttpError', message: `File ${asset.id} has no content yet`, status: 404, code: 'file_content_missing' } });
  }
  const version = Date.parse(asset.last_updated);
  ok(ctx, { url: `${ctx.baseUrl}/__storage/${bucket}/${path}?v=${version}` });
}

/**
 * A move (`org_id`/`team_id` on an update): the same membership and `source_policy` rules as a
 * create from the API, so a `web_only` team refuses it with 403 `source_policy_violation`. The
 * real status is [unknown] (§8.4); 403 is the reference's presumption. `organization`
 * visibility in the global org is normalised to `public`, as on create (§3.1).
 */
export function movePlacement(ctx: RequestContext, body: { org_id?: string | null | undefined; team_id?: string | null | undefined }): TeamRecord | undefined {
  // Checked before anything changes: a refused move leaves the whole update undone.
  return body.team_id !== undefined || body.org_id !== undefined ? resolvePlacement(ctx.services.store, ctx.userId, body, 'api') : undefined;
}

/** After the other changes: the new place, and the visibility normalised for it. */
export function settlePlacement(asset: AssetRecord, team: TeamRecord | undefined): void {
  if (team) {
    asset.team_id = team.id;
    asset.org_id = team.org_id;
  }
  if (asset.visibility === 'organization' && asset.org_id === GLOBAL_ID) asset.visibility = 'public';
}

async function update(ctx: RequestContext): Promise<void> {
  const { store } = ctx.services;
  const asset = fileAsset(ctx);
  const { file: body } = parseBody(FileUpdateBody, await ctx.body.json());
  if (!store.canEdit(ctx.userId, asset)) throw forbidden(`You do not have permission to update asset ${asset.id}`, 'update_forbidden');
  const team = movePlacement(ctx, body);
  // The record's bytes are whatever object its metadata names (as on create): pointing it at a
  // new upload is how content was replaced before `PUT /files/{id}/content` (§10).
  const named = body.metadata ? store.objectPaths.get(`${String(body.metadata.bucket)}/${String(body.metadata.path)}`) : undefined;
  const object = named ? store.objects.get(named) : undefined;
  if (object && object.owner !== ctx.userId) throw forbidden('This storage object belongs to another user');
  if (body.name !== undefined) asset.name = body.name;
  if (body.description !== undefined) asset.description = body.description ? { json: body.description.json, text: body.description.text } : null;
  if (body.visibility !== undefined) asset.visibility = body.visibility;
  if (typeof body.license_id === 'string') asset.license_id = body.license_id;
  if (body.attribution) asset.attribution = body.attribution;
  if (body.metadata) asset.metadata = { ...(asset.metadata ?? {}), ...body.metadata };
  if (object) store.fileContents.set(asset.id, object.content);
  if (body.preview !== undefined) asset.preview = body.preview;
  settlePlacement(asset, team);
  asset.last_updated = nowIso();
  store.indexAsset(asset);
  ok(ctx, assetRow(store, asset));
}

/** `true`/`false` as ouro-py sends them (§1.3); anything else is a 422, absent is false. */
function boolParam(ctx: RequestContext, name: string): boolean {
  const raw = ctx.query.get(name);
  if (raw === null) return false;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw validationError([{ loc: ['query', name], msg: 'Input should be a valid boolean', type: 'bool_parsing' }], 422);
}

/** Assets whose `parent_id` chain leads to `id`, depth first. */
function descendants(store: Store, id: string): AssetRecord[] {
  const out: AssetRecord[] = [];
  for (const asset of store.assets.values()) {
    if (asset.parent_id === id) out.push(asset, ...descendants(store, asset.id));
  }
  return out;
}

function removeRecord(store: Store, asset: AssetRecord): void {
  const object = store.objects.get(asset.id);
  if (object) store.objectPaths.delete(`${object.bucket}/${object.storagePath}`);
  store.objects.delete(asset.id);
  store.removeAsset(asset.id);
}

/**
 * Shared by files and datasets: `DELETE /<type>/{id}?delete_children=&dry_run=` → the summary
 * (§4.6). With `delete_children=true` the children (`parent_id` chain) go too and are listed;
 * without it they stay, detached (`parent_id` null) — Ouro's exact behaviour there is [unknown].
 */
export function deleteAsset(ctx: RequestContext, asset: AssetRecord): void {
  const { store } = ctx.services;
  const dryRun = boolParam(ctx, 'dry_run');
  const withChildren = boolParam(ctx, 'delete_children');
  if (asset.user_id !== ctx.userId) throw forbidden(`You do not have permission to delete asset ${asset.id}`, 'update_forbidden');
  const children = descendants(store, asset.id);
  if (!dryRun) {
    for (const child of children) {
      if (withChildren) removeRecord(store, child);
      else if (child.parent_id === asset.id) child.parent_id = null;
    }
    removeRecord(store, asset);
  }
  const listed = withChildren ? children.map((c) => ({ id: c.id, name: c.name, asset_type: c.asset_type })) : [];
  ok(ctx, { id: asset.id, name: asset.name, asset_type: asset.asset_type, deleted_children: listed, ...(dryRun ? { dry_run: true } : {}) });
}

/** PUT /files/{id}/content: replace the bytes in place (same storage path), re-derive metadata. */
async function replaceContent(ctx: RequestContext): Promise<void> {
  const { store, storageDir, uploads } = ctx.services;
  const asset = fileAsset(ctx);
  if (!store.canEdit(ctx.userId, asset)) {
    await ctx.body.drain();
    throw forbidden(`You do not have permission to update asset ${asset.id}`, 'update_forbidden');
  }
  const object = store.objects.get(asset.id);
  const tempPath = join(storageDir, `.upload-${randomUUID()}.part`);
  const parsed = await parseUploadStream(ctx.body.chunks(), tempPath);
  let fields;
  try {
    fields = parseBody(FileContentBody, { ...parsed.fields, file_base64: parsed.file ? '' : undefined });
  } catch (err) {
    await rm(tempPath, { force: true });
    throw err;
  }
  if (!parsed.file) throw validationError([{ loc: ['body', 'file_base64'], msg: 'field required', type: 'missing' }]);
  const fileName = fields.file_name ?? object?.fileName ?? asset.name ?? 'file.bin';
  const storagePath = object?.storagePath ?? `${asset.user_id}/${asset.id}.${extensionOf(fileName)}`;
  const bucket = object?.bucket ?? (asset.visibility === 'public' ? 'public-files' : 'files');
  const diskPath = join(storageDir, ...storagePath.split('/'));
  await mkdir(join(diskPath, '..'), { recursive: true });
  await rename(tempPath, diskPath);
  const contentType = fields.content_type ?? null;
  const createdAt = nowIso();
  const replacement: StoredObject = {
    id: asset.id,
    owner: asset.user_id,
    fileName,
    bucket,
    storagePath,
    contentType,
    content: { kind: 'disk', path: diskPath, size: parsed.file.size },
    sha256: parsed.file.sha256,
    createdAt,
  };
  store.objects.set(asset.id, replacement);
  store.objectPaths.set(`${bucket}/${storagePath}`, asset.id);
  store.fileContents.set(asset.id, replacement.content);
  uploads.push({ id: asset.id, fileName, size: parsed.file.size, sha256: parsed.file.sha256, path: diskPath, bucket, storagePath, createdAt });
  ctx.entry.upload = { size: parsed.file.size, sha256: parsed.file.sha256 };
  const derived = await deriveMetadata(fileName, contentType, replacement.content);
  asset.metadata = { ...(asset.metadata ?? {}), ...derived.metadata, id: asset.id, name: storagePath.split('/').pop() ?? asset.id, path: storagePath, bucket };
  asset.preview = derived.preview;
  if (fields.file?.name !== undefined) asset.name = fields.file.name;
  asset.state = 'success';
  asset.last_updated = createdAt;
  store.indexAsset(asset);
  ok(ctx, assetRow(store, asset));
}

function remove(ctx: RequestContext): void {
  deleteAsset(ctx, fileAsset(ctx));
}

export const fileRoutes: Route[] = [
  { method: 'POST', pattern: '/files/upload', handler: upload },
  { method: 'POST', pattern: '/files/create', handler: create },
  { method: 'GET', pattern: '/files/:id/metadata', handler: metadata },
  { method: 'GET', pattern: '/files/:id/data', handler: data },
  { method: 'GET', pattern: '/files/:id', handler: retrieve },
  { method: 'PUT', pattern: '/files/:id', handler: update },
  { method: 'PUT', pattern: '/files/:id/content', handler: replaceContent },
  { method: 'DELETE', pattern: '/files/:id', handler: remove },
];
