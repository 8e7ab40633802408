// One file through Ouro's three-step upload (ouro-api.md §4.3): the bytes (streamed, retried with
// backoff on 429/5xx/network, re-streamed from the start each time), the server's metadata, then
// the asset record under the storage id. That id is saved before the record is created, so a
// retried or resumed create reuses it and a 409 means "already created", never a duplicate.
import { z } from 'zod';
import { AppError, isAppError } from '../../shared/app-error';
import { FileSchema, type OuroFile } from '../../shared/ouro-models';
import type { AuthHeaders, OuroClient } from '../ouro/client';
import { httpError, readEnvelope, validate, type ResponseFacts } from '../ouro/envelope';
import { scrub, unauthorizedAfterExchange } from '../ouro/errors';
import { buildUrl, pathOf } from '../ouro/http';
import { parseRetryAfter, retryDelay } from '../ouro/retry';
import type { RetryOptions } from '../ouro/types';
import { streamedPost } from './streamed-post';
import { planUploadBody } from './upload-body';
import { contentTypeFor, extensionOf } from './content-type';

export interface UploadTiming {
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
  retry: Required<RetryOptions>;
  chunkBytes?: number;
  /** Chunks queued on the socket at once (streamed-post.ts). */
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
  /** Set once step 1 succeeded (possibly in an earlier run): steps 2–3 reuse it. */
  storageId?: string | undefined;
}

export interface FileJobHooks {
  signal: AbortSignal;
  /** File bytes sent in the current attempt (drops back to 0 when a retry re-streams). */
  onBytes(sent: number): void;
  /** Step 1 retried after a transient failure (for the log and the item's note). */
  onRetry?(error: AppError, delayMs: number): void;
}

const StoredSchema = z.looseObject({ id: z.string().min(1), bucket: z.string().nullish(), path: z.string().nullish() });
const MetadataSchema = z.looseObject({ metadata: z.record(z.string(), z.unknown()).nullish(), preview: z.unknown().optional() });

/** 429, any 5xx, a dropped connection or a stalled transfer: worth re-sending the bytes. */
export function isTransientUploadFailure(error: AppError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'rate-limited') return true;
  return error.kind === 'server';
}

function factsOf(status: number, headers: Record<string, string | string[] | undefined>, now: number): ResponseFacts & { retryAfterMs?: number } {
  const one = (name: string): string | undefined => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const facts: ResponseFacts & { retryAfterMs?: number } = { status };
  const requestId = one('x-request-id');
  if (requestId) facts.requestId = requestId;
  const retryAfterMs = parseRetryAfter(one('retry-after'), now);
  if (retryAfterMs !== undefined) {
    facts.retryAfterMs = retryAfterMs;
    facts.retryAfterSeconds = retryAfterMs / 1000;
  }
  return facts;
}

/** Step 1: the bytes. Returns the storage object's id. */
export async function uploadBytes(client: OuroClient, job: FileJob, hooks: FileJobHooks, timing: UploadTiming): Promise<string> {
  const plan = planUploadBody({ fileName: job.name, visibility: job.visibility, contentType: contentTypeFor(job.name) }, job.size);
  const url = buildUrl(client.auth.baseUrl, '/files/upload');
  let auth: AuthHeaders | undefined;
  let renewed = false;
  let retries = 0;
  for (;;) {
    if (hooks.signal.aborted) throw new AppError({ kind: 'cancelled', message: 'The upload was cancelled' });
    auth ??= await client.auth.headers(hooks.signal);
    hooks.onBytes(0);
    let failure: AppError;
    let retryAfterMs: number | undefined;
    try {
      const response = await streamedPost({
        url,
        headers: auth.headers,
        plan,
        filePath: job.path,
        signal: hooks.signal,
        onProgress: hooks.onBytes,
        ...(timing.chunkBytes ? { chunkBytes: timing.chunkBytes } : {}),
        ...(timing.inFlightChunks ? { inFlightChunks: timing.inFlightChunks } : {}),
        ...(timing.idleTimeoutMs ? { idleTimeoutMs: timing.idleTimeoutMs } : {}),
      });
      const facts = factsOf(response.status, response.headers, Date.now());
      retryAfterMs = facts.retryAfterMs;
      if (response.status >= 200 && response.status < 300) {
        const body = readEnvelope(response.text, facts);
        return validate(StoredSchema, body['data'], 'data', facts).id;
      }
      throw httpError(response.text, facts);
    } catch (error) {
      failure = isAppError(error) ? error : new AppError({ kind: 'internal', message: 'Uploading failed' }, { cause: error });
    }
    failure = scrubbed(failure, client.auth.secrets());
    if (failure.kind === 'cancelled' || failure.kind === 'file-unreadable') throw failure;
    if (failure.kind === 'unauthorized') {
      // Tokens can expire mid-queue: exchange once more. A refused key fails that exchange (and
      // signs out); a 401 after a good exchange is Ouro's fault, retried like any 5xx.
      if (!renewed) {
        renewed = true;
        auth = await client.auth.renew(auth, hooks.signal);
        continue;
      }
      failure = unauthorizedAfterExchange(failure);
    }
    if (isTransientUploadFailure(failure) && retries < timing.retry.maxRetries) {
      const delay = retryDelay(retries, retryAfterMs, timing.retry, timing.random);
      retries++;
      hooks.onRetry?.(failure, delay);
      await timing.sleep(delay, hooks.signal).catch(() => {
        throw new AppError({ kind: 'cancelled', message: 'The upload was cancelled' });
      });
      // A token may have been renewed by another upload meanwhile.
      auth = undefined;
      continue;
    }
    throw failure;
  }
}

function scrubbed(error: AppError, secrets: readonly string[]): AppError {
  const message = scrub(error.message, secrets);
  return message === error.message ? error : new AppError({ ...error.toData(), message }, { cause: error.cause });
}

/** The metadata ouro-py fills in when the server left it out (type, extension, size). */
export function completeMetadata(server: Record<string, unknown>, job: FileJob, storageId: string): Record<string, unknown> {
  const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : undefined);
  const type = str(server['type']) ?? str(server['mimeType']) ?? str(server['mime_type']) ?? contentTypeFor(job.name) ?? 'application/octet-stream';
  const size = typeof server['size'] === 'number' ? server['size'] : typeof server['contentLength'] === 'number' ? server['contentLength'] : job.size;
  const metadata: Record<string, unknown> = { ...server, id: storageId, type, mimeType: type, extension: str(server['extension']) ?? extensionOf(job.name, type), size };
  for (const [key, value] of Object.entries(metadata)) if (value === null || value === undefined) delete metadata[key];
  return metadata;
}

/** Steps 2 and 3: the server's metadata, then the asset record under the storage id. */
export async function createFileRecord(client: OuroClient, job: FileJob, storageId: string, signal: AbortSignal): Promise<OuroFile> {
  const extracted = await client.http.data({ method: 'GET', path: pathOf`/files/${storageId}/metadata`, signal }, MetadataSchema);
  const file: Record<string, unknown> = {
    id: storageId,
    name: job.name,
    visibility: job.visibility,
    source: 'api',
    asset_type: 'file',
    metadata: completeMetadata(extracted.metadata ?? {}, job, storageId),
    attribution: { originality: 'original' },
    ...(job.orgId ? { org_id: job.orgId } : {}),
    ...(job.teamId ? { team_id: job.teamId } : {}),
    ...(extracted.preview !== undefined && extracted.preview !== null ? { preview: extracted.preview } : {}),
  };
  try {
    // Safe to repeat: the id is fixed, so a repeat can only answer 409, never make a second asset.
    return await client.http.data({ method: 'POST', path: '/files/create', body: { file }, idempotent: true, signal }, FileSchema);
  } catch (error) {
    // An earlier attempt (or run) created it and we never saw the answer: the id is this upload's
    // own storage object, so whatever asset has it is ours.
    if (isAppError(error) && error.kind === 'conflict') return client.files.get(storageId, { signal });
    throw error;
  }
}
