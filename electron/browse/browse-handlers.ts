// Handlers for browsing files: organizations and teams for the filters, one page of search
// results, a file's record and preview, and downloads. Datasets and conversations have their own.
import type { FileDetails } from '../../shared/browse';
import type { OuroFile } from '../ouro/models';
import type { AccountService } from '../account/account-service';
import type { AssetChanges } from '../actions/asset-changes';
import type { DownloadManager } from '../downloads/download-manager';
import type { Handlers } from '../ipc/handlers';
import type { Logger } from '../log';
import type { EmitEvent } from '../event-hub';
import { buildFilePreview } from './file-preview';
import { recentRecords } from './recent-records';
import { count, descriptionText, text, toAssetRow } from './rows';
import { saveAssetDownload, type ChooseSavePath } from './save-download';
import { createViewRecorder } from './view-records';

export interface BrowseDeps {
  account: AccountService;
  fetch: typeof fetch;
  chooseSavePath: ChooseSavePath;
  emit: EmitEvent;
  log: Logger;
  /** The Downloads list every download and export runs in. */
  downloads: DownloadManager;
  /** Edits and deletes: a changed file's record is fetched afresh, not served from the short cache. */
  changes?: AssetChanges | undefined;
}

type FileHandlers = Pick<Handlers, 'assets:search' | 'files:get' | 'files:preview' | 'files:download'>;

/** Long enough for details, preview and a Download… click to share one fetch; short enough to stay fresh. */
const FILE_RECORD_TTL_MS = 10_000;

export function createFileHandlers(deps: BrowseDeps): FileHandlers {
  const { account } = deps;
  const files = recentRecords<OuroFile>(FILE_RECORD_TTL_MS);
  // The client outlives an account on the same server, so records go with the account.
  account.onSignedOut(() => files.clear());
  deps.changes?.subscribe((id) => files.forget(id));
  const recordView = createViewRecorder(deps.log);
  const fileRecord = (id: string) => {
    const client = account.client();
    return files.get(client, id, () => client.files.get(id));
  };
  return {
    async 'assets:search'(input) {
      const query = input.query?.trim();
      const page = await account.client().search.assets({
        assetType: input.section === 'files' ? 'file' : 'dataset',
        scope: input.scope,
        // "Relevant" only means something with a query; browsing is newest first.
        sort: input.sort === 'relevant' && !query ? 'recent' : input.sort,
        limit: input.limit,
        offset: input.offset,
        ...(query ? { query } : {}),
        ...(input.orgId ? { orgId: input.orgId } : {}),
        ...(input.teamId ? { teamId: input.teamId } : {}),
      });
      return { items: page.items.map(toAssetRow), hasMore: page.hasMore, nextOffset: page.nextOffset, total: page.total ?? null };
    },

    async 'files:get'({ id }) {
      const file = await fileRecord(id);
      // Opening the details is a view (preview and download share the record but are not).
      recordView(account.client(), id);
      const details: FileDetails = {
        ...toAssetRow(file),
        description: descriptionText(file.description),
        state: text(file.state),
        license: text(file.license_id),
        width: count(file.metadata?.width),
        height: count(file.metadata?.height),
      };
      return details;
    },

    async 'files:preview'({ id }) {
      return buildFilePreview(account.client(), deps.fetch, await fileRecord(id));
    },

    async 'files:download'({ id }) {
      const file = await fileRecord(id);
      return saveAssetDownload({ ...deps, assetId: id, assetType: 'file', suggestedName: text(file.name) ?? `${id}.bin` });
    },
  };
}
