// Replacing a file's bytes in place (ouro-api.md §4.4): `PUT /files/{id}/content` with the same
// streamed base64 JSON body uploads use, so the asset keeps its id and storage path. A backend
// older than ouro-py 0.11.4 answers 404 there; then the version table's older way is used (a new
// object, its metadata, and `PUT /files/{id}` pointing the same asset at it).
import { isAppError } from '../../shared/app-error';
import { FileSchema, type OuroFile } from '../ouro/models';
import type { OuroClient } from '../ouro/client';
import { validate } from '../ouro/envelope';
import { pathOf } from '../ouro/http';
import { ExtractedMetadataSchema } from '../ouro/upload-models';
import { contentTypeFor } from './content-type';
import { completeMetadata, sendFileBody, uploadBytes, type FileJobHooks, type UploadTiming } from './file-upload';
import { planBase64Body } from './upload-body';

export interface ReplaceJob {
  /** The file asset whose bytes change. */
  assetId: string;
  /** The new bytes, and the name Ouro derives type and extension from. */
  path: string;
  name: string;
  size: number;
}

/** The `PUT /files/{id}/content` body's fields before `file_base64` (no `file`: only bytes change). */
export function contentBodyFields(job: Pick<ReplaceJob, 'name'>): Record<string, unknown> {
  return { file_name: job.name, content_type: contentTypeFor(job.name) };
}

export async function replaceContent(client: OuroClient, job: ReplaceJob, hooks: FileJobHooks, timing: UploadTiming): Promise<OuroFile> {
  const plan = planBase64Body(contentBodyFields(job), job.size);
  try {
    const { body, facts } = await sendFileBody(client, { method: 'PUT', path: pathOf`/files/${job.assetId}/content`, plan, filePath: job.path }, hooks, timing);
    return validate(FileSchema, body['data'], 'data', facts);
  } catch (error) {
    if (!isAppError(error) || error.kind !== 'not-found') throw error;
    return replaceTheOlderWay(client, job, hooks, timing, error);
  }
}

/**
 * Before 0.11.4: `GET /files/{id}` (is it there, and its visibility) → `POST /files/upload` →
 * `GET /files/{newId}/metadata` → `PUT /files/{id}` with the new object's metadata and preview.
 * If the asset itself is gone, the 404 stands.
 */
async function replaceTheOlderWay(client: OuroClient, job: ReplaceJob, hooks: FileJobHooks, timing: UploadTiming, notFound: Error): Promise<OuroFile> {
  const signal = { signal: hooks.signal };
  let current: OuroFile;
  try {
    current = await client.files.get(job.assetId, signal);
  } catch (error) {
    throw isAppError(error) && error.kind === 'not-found' ? notFound : error;
  }
  const upload = { path: job.path, name: job.name, size: job.size, visibility: current.visibility ?? 'private' };
  const stored = await uploadBytes(client, upload, hooks, timing);
  const extracted = await client.http.data({ method: 'GET', path: pathOf`/files/${stored.id}/metadata`, ...signal }, ExtractedMetadataSchema);
  return client.files.update(
    job.assetId,
    {
      metadata: completeMetadata(extracted.metadata ?? {}, upload, stored),
      ...(extracted.preview !== undefined && extracted.preview !== null ? { preview: extracted.preview } : {}),
    },
    signal,
  );
}
