// One file through Ouro's three-step upload (ouro-api.md §4.3): the bytes (streamed, retried with
// backoff on 429/5xx/network, re-streamed from the start each time), the server's metadata, then
// the asset record under the storage id, its metadata naming the stored object (id, name, bucket,
// path). The stored object is saved before the record is created, so a retried or resumed create
// reuses it and a 409 means "already created", never a duplicate.
import { isAppError, type AppError } from '../../shared/app-error';
import { FileSchema, type OuroFile } from '../ouro/models';
import type { OuroClient } from '../ouro/client';
import { validate, type Envelope, type ResponseFacts } from '../ouro/envelope';
import { pathOf } from '../ouro/http';
import type { RetryOptions } from '../ouro/types';
import { fileBodyWriter, planUploadBody, type UploadBodyPlan } from './upload-body';
import { contentTypeFor, extensionOf } from './content-type';
import { ExtractedMetadataSchema, StoredObjectSchema, type StoredObject } from '../ouro/upload-models';

export interface UploadTiming {
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
  retry: Required<RetryOptions>;
  chunkBytes?: number;
  /** Chunks queued on the socket at once (ouro/body-transport.ts). */
  inFlightChunks?: number;
  idleTimeoutMs?: number;
}

export const defaultUploadRetry: Required<RetryOptions> = { maxRetries: 5, baseDelayMs: 1_000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };

export interface FileJob {
  path: string;
  name: string;
  size: number;
  visibility: string;
  orgId?: string | undefined;
  teamId?: string | undefined;
}

export interface FileJobHooks {
  signal: AbortSignal;
  /** File bytes sent in the current attempt (drops back to 0 when a retry re-streams). */
  onBytes(sent: number): void;
  /** Step 1 retried after a transient failure (for the log and the item's note). */
  onRetry?(error: AppError, delayMs: number): void;
  /**
   * When given, the bytes are hashed as they are read and this gets the sha256 of those Ouro
   * accepted (sync folders record it, so a file is read once, not once to hash and once to send).
   */
  onDigest?(sha256: string): void;
}

/** One streamed JSON body carrying a file's base64 (`POST /files/upload`, `PUT /files/{id}/content`). */
export interface FileBodyRequest {
  method: 'POST' | 'PUT';
  /** The API path, e.g. `/files/upload`. */
  path: string;
  plan: UploadBodyPlan;
  filePath: string;
}

/**
 * Sends `request` streamed from disk through the client's request core, which re-sends the bytes
 * from the start after a transient failure (with the upload's backoff) and exchanges the key once
 * more after a 401.
 */
export async function sendFileBody(client: OuroClient, request: FileBodyRequest, hooks: FileJobHooks, timing: UploadTiming): Promise<{ body: Envelope; facts: ResponseFacts }> {
  const body = fileBodyWriter(request.plan, request.filePath, timing.chunkBytes, !!hooks.onDigest);
  const answer = await client.http.sendBody({
    method: request.method,
    path: request.path,
    body,
    signal: hooks.signal,
    onProgress: hooks.onBytes,
    ...(hooks.onRetry ? { onRetry: hooks.onRetry } : {}),
    retry: timing.retry,
    sleep: timing.sleep,
    random: timing.random,
    ...(timing.inFlightChunks ? { inFlightChunks: timing.inFlightChunks } : {}),
    ...(timing.idleTimeoutMs ? { idleTimeoutMs: timing.idleTimeoutMs } : {}),
  });
  // Ouro accepted the bytes: the pass that carried them was read whole, and hashed as it went.
  const sha256 = body.sha256();
  if (sha256) hooks.onDigest?.(sha256);
  return answer;
}

/** Step 1: the bytes. Returns where Ouro stored them: the object's id, bucket and path. */
export async function uploadBytes(client: OuroClient, job: FileJob, hooks: FileJobHooks, timing: UploadTiming): Promise<StoredObject> {
  const plan = planUploadBody({ fileName: job.name, visibility: job.visibility, contentType: contentTypeFor(job.name) }, job.size);
  const { body, facts } = await sendFileBody(client, { method: 'POST', path: '/files/upload', plan, filePath: job.path }, hooks, timing);
  const stored = validate(StoredObjectSchema, body['data'], 'data', facts);
  return { id: stored.id.trim(), bucket: stored.bucket.trim(), path: stored.path.trim() };
}

function nonBlank(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function byteCount(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** The storage basename: `<user_id>/<uuid>.cif` → `<uuid>.cif` (not the person's file name). */
export function storageName(path: string): string {
  return path.split('/').filter(Boolean).pop() ?? path;
}

/**
 * The record's `metadata` as ouro-py builds it (`_build_file_metadata`): whatever
 * `/files/{id}/metadata` extracted (possibly partial, never name/path/bucket), overlaid with the
 * stored object's id, name, bucket and path, and type, mimeType, extension and size resolved with
 * §4.3's fallbacks. Null values are left out, as ouro-py strips them.
 */
export function completeMetadata(server: Record<string, unknown>, job: Pick<FileJob, 'name' | 'size'>, stored: StoredObject): Record<string, unknown> {
  const guess = contentTypeFor(job.name) ?? undefined;
  const type = nonBlank(server['type']) ?? nonBlank(server['mimeType']) ?? nonBlank(server['mime_type']) ?? guess ?? 'application/octet-stream';
  const metadata: Record<string, unknown> = {
    ...server,
    id: stored.id,
    name: storageName(stored.path),
    bucket: stored.bucket,
    path: stored.path,
    type,
    mimeType: nonBlank(server['mimeType']) ?? nonBlank(server['mime_type']) ?? guess ?? type,
    extension: nonBlank(server['extension'])?.replace(/^\./, '').toLowerCase() ?? extensionOf(job.name, type),
    size: byteCount(server['size']) ?? byteCount(server['contentLength']) ?? job.size,
  };
  for (const [key, value] of Object.entries(metadata)) if (value === null || value === undefined) delete metadata[key];
  return metadata;
}

/** The `POST /files/create` body for a file whose bytes are stored (§4.3 step 3). */
export function fileCreateBody(job: FileJob, stored: StoredObject, extracted: { metadata?: Record<string, unknown> | null; preview?: unknown }): { file: Record<string, unknown> } {
  return {
    file: {
      id: stored.id,
      name: job.name,
      visibility: job.visibility,
      source: 'api',
      asset_type: 'file',
      metadata: completeMetadata(extracted.metadata ?? {}, job, stored),
      attribution: { originality: 'original' },
      ...(job.orgId ? { org_id: job.orgId } : {}),
      ...(job.teamId ? { team_id: job.teamId } : {}),
      ...(extracted.preview !== undefined && extracted.preview !== null ? { preview: extracted.preview } : {}),
    },
  };
}

/** Steps 2 and 3: the server's metadata, then the asset record under the storage id. */
export async function createFileRecord(client: OuroClient, job: FileJob, stored: StoredObject, signal: AbortSignal): Promise<OuroFile> {
  const extracted = await client.http.data({ method: 'GET', path: pathOf`/files/${stored.id}/metadata`, signal }, ExtractedMetadataSchema);
  try {
    // Safe to repeat: the id is fixed, so a repeat can only answer 409, never make a second asset.
    return await client.http.data({ method: 'POST', path: '/files/create', body: fileCreateBody(job, stored, extracted), idempotent: true, signal }, FileSchema);
  } catch (error) {
    // An earlier attempt (or run) created it and we never saw the answer: the id is this upload's
    // own storage object, so whatever asset has it is ours.
    if (isAppError(error) && error.kind === 'conflict') return client.files.get(stored.id, { signal });
    throw error;
  }
}
