// File assets: the record (`GET /files/{id}`), its content URL (`GET /files/{id}/data`), and a
// streamed download to disk.
import { FileDataSchema, FileSchema, type OuroFile } from '../../shared/ouro-models';
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
}

export function createFiles(http: Http): FilesApi {
  return {
    get: (id, options) => http.data({ method: 'GET', path: pathOf`/files/${id}`, ...options }, FileSchema),
    async contentUrl(id, options) {
      const data = await http.data({ method: 'GET', path: pathOf`/files/${id}/data`, ...options }, FileDataSchema);
      return data.url;
    },
    downloadTo: (id, destPath, options) => downloadAsset(http, id, destPath, { ...options, assetType: 'file' }),
  };
}
