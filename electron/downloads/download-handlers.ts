// The `downloads:*` channels: the Downloads list, cancel, "Show in folder", clear, and a bulk
// download of a selection into one chosen folder, each file under a name that overwrites nothing.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AssetRef } from '../../shared/actions';
import type { AccountService } from '../account/account-service';
import { accountKey } from '../actions/account-identity';
import type { Handlers } from '../ipc/handlers';
import type { OuroClient } from '../ouro/client';
import { csvFileName } from '../browse/dataset-handlers';
import { count, text } from '../browse/rows';
import type { DownloadManager } from './download-manager';
import { reserveFileName } from './file-names';

/** The host's folder picker (Electron's open dialog) or a fixed folder (web host); null = cancelled. */
export type ChooseFolder = () => Promise<string | null>;

export interface DownloadHandlerDeps {
  account: AccountService;
  downloads: DownloadManager;
  chooseFolder: ChooseFolder;
}

type DownloadChannels = 'downloads:list' | 'downloads:cancel' | 'downloads:show-in-folder' | 'downloads:clear-finished' | 'downloads:bulk';

export interface DownloadFacts {
  /** What it is saved as: a file's name (with its extension), a dataset's as CSV. */
  fileName: string;
  mimeType: string;
  /** Bytes, when Ouro says (files). */
  size: number | null;
}

/** One record lookup: the name, type and size a download of `item` will have. */
export async function describeDownload(client: OuroClient, item: AssetRef, signal?: AbortSignal): Promise<DownloadFacts> {
  const call = signal ? { signal } : {};
  if (item.assetType === 'dataset') return { fileName: csvFileName((await client.datasets.get(item.id, call)).name), mimeType: 'text/csv', size: null };
  const file = await client.files.get(item.id, call);
  const name = text(file.name) ?? item.id;
  const extension = text(file.metadata?.extension)?.replace(/^\./, '').toLowerCase();
  return {
    fileName: extension && !name.toLowerCase().endsWith(`.${extension}`) ? `${name}.${extension}` : name,
    mimeType: text(file.metadata?.type) ?? text(file.metadata?.mimeType) ?? 'application/octet-stream',
    size: count(file.metadata?.size),
  };
}

export function createDownloadHandlers(deps: DownloadHandlerDeps): Pick<Handlers, DownloadChannels> {
  const { downloads } = deps;
  return {
    'downloads:list': () => downloads.list(),
    'downloads:cancel': ({ id }) => downloads.cancel(id),
    'downloads:show-in-folder': ({ id }) => ({ shown: downloads.showInFolder(id) }),
    'downloads:clear-finished': () => downloads.clearFinished(),
    async 'downloads:bulk'({ items }) {
      // Signed in (and whose the downloads are), before asking for a folder.
      const account = await accountKey(deps.account);
      const folder = await deps.chooseFolder();
      if (!folder) return { started: false };
      const batchId = randomUUID();
      for (const item of items) {
        downloads.start({
          account,
          assetId: item.id,
          assetType: item.assetType,
          batchId,
          // Each name is looked up and reserved when its turn comes, so 500 items never wait on 500 lookups.
          target: async (client, signal) => ({ path: await reserveFileName(folder, (await describeDownload(client, item, signal)).fileName), reserved: true }),
        });
      }
      return { started: true, batchId, count: items.length, folderName: path.basename(folder) };
    },
  };
}
