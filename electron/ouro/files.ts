// File assets: the record (`GET /files/{id}`), its content URL (`GET /files/{id}/data`), a
// streamed download to disk, metadata updates and deletes.
import { FileDataSchema, FileSchema, type OuroFile } from './models';
import { deleteAsset, updateRecord, type AssetUpdate, type DeleteOptions, type DeleteSummary } from './asset-edits';
import { downloadAsset, type DownloadOptions, type DownloadResult } from './download';
import { pathOf, type Http } from './http';
import type { CallOptions } from './types';

export interface FilesApi {
  get(id: string, options?: CallOptions): Promise<OuroFile>;
  /**
   * A storage URL for the bytes (public URL, or presumably a short-lived signed one for private
   * files): ask again rather than cache it.
   */
  contentUrl(id: string, options?: CallOptions): Promise<string>;
  downloadTo(id: string, destPath: string, options?: Omit<DownloadOptions, 'assetType'>): Promise<DownloadResult>;
  /** `PUT /files/{id}` with `{file: {id, …changes}}` (§4.4); answers the updated record. */
  update(id: string, update: AssetUpdate, options?: CallOptions): Promise<OuroFile>;
  /** `DELETE /files/{id}`; null when Ouro did not send a summary (older backends). */
  delete(id: string, options?: DeleteOptions): Promise<DeleteSummary | null>;
}

export function createFiles(http: Http): FilesApi {
  return {
    get: (id, options) => http.data({ method: 'GET', path: pathOf`/files/${id}`, ...options }, FileSchema),
    async contentUrl(id, options) {
      const data = await http.data({ method: 'GET', path: pathOf`/files/${id}/data`, ...options }, FileDataSchema);
      return data.url;
    },
    downloadTo: (id, destPath, options) => downloadAsset(http, id, destPath, { ...options, assetType: 'file' }),
    // Same body, same result: safe to repeat after a transient failure.
    update: (id, update, options) =>
      http.data({ method: 'PUT', path: pathOf`/files/${id}`, body: { file: updateRecord(update, id) }, idempotent: true, ...options }, FileSchema),
    delete: (id, options) => deleteAsset(http, 'files', id, options),
  };
}
