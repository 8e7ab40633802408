// Deleting files and datasets (ouro-api.md §4.6, §5.6) in two steps the page cannot skip:
// `assets:delete-preview` dry-runs each item (children included) and issues a confirmation for
// exactly those ids; `assets:delete` redeems it and deletes, 3 at a time, with a result per item.
import { isAppError } from '../../shared/app-error';
import type { AppErrorData } from '../../shared/error-kinds';
import type { AssetRef, DeleteChild, DeleteItemResult, DeletePreviewItem, DeleteRefusal } from '../../shared/actions';
import type { AccountService } from '../account/account-service';
import type { Handlers } from '../ipc/handlers';
import type { Logger } from '../log';
import type { DeleteSummary } from '../ouro/asset-edits';
import type { OuroClient } from '../ouro/client';
import { text } from '../browse/rows';
import { accountKey } from './account-identity';
import type { AssetChanges } from './asset-changes';
import { mapBounded } from './bounded';
import type { ConfirmedItem, DeleteConfirmations } from './delete-confirmations';

/** Requests at once, for dry runs and deletes alike. */
export const DELETE_CONCURRENCY = 3;

export interface DeleteHandlerDeps {
  account: AccountService;
  confirmations: DeleteConfirmations;
  changes: AssetChanges;
  log: Logger;
}

function errorData(error: unknown): AppErrorData {
  return isAppError(error) ? error.toData() : { kind: 'internal', message: 'Unexpected error' };
}

function childrenOf(summary: DeleteSummary | null): DeleteChild[] {
  return (summary?.deleted_children ?? []).map((child) => ({ id: child.id, name: text(child.name), assetType: text(child.asset_type) }));
}

function remove(client: OuroClient, item: AssetRef, dryRun: boolean): Promise<DeleteSummary | null> {
  // Children go with their parent: the preview lists them, so the person confirmed them too.
  const options = { dryRun, deleteChildren: true };
  return item.assetType === 'file' ? client.files.delete(item.id, options) : client.datasets.delete(item.id, options);
}

/** The name for the confirm sheet: the summary's, or (older backends send none) the record's. */
async function nameOf(client: OuroClient, item: AssetRef, summary: DeleteSummary | null): Promise<string> {
  const fromSummary = text(summary?.name);
  if (fromSummary) return fromSummary;
  const record = item.assetType === 'file' ? await client.files.get(item.id) : await client.datasets.get(item.id);
  return text(record.name) ?? (item.assetType === 'file' ? 'Untitled file' : 'Untitled dataset');
}

export function createDeleteHandlers(deps: DeleteHandlerDeps): Pick<Handlers, 'assets:delete-preview' | 'assets:delete'> {
  const { account } = deps;
  return {
    async 'assets:delete-preview'({ items }) {
      const client = account.client();
      const who = await accountKey(account);
      const outcomes = await mapBounded(items, DELETE_CONCURRENCY, async (item): Promise<DeletePreviewItem | DeleteRefusal> => {
        try {
          const summary = await remove(client, item, true);
          return { id: item.id, assetType: item.assetType, name: await nameOf(client, item, summary), children: childrenOf(summary), childrenKnown: summary !== null };
        } catch (error) {
          return { id: item.id, assetType: item.assetType, name: null, error: errorData(error) };
        }
      });
      const previewed = outcomes.filter((o): o is DeletePreviewItem => !('error' in o));
      const refused = outcomes.filter((o): o is DeleteRefusal => 'error' in o);
      const confirmed: ConfirmedItem[] = previewed.map(({ id, assetType, name }) => ({ id, assetType, name }));
      const { token, expiresAt } = deps.confirmations.issue(who, confirmed);
      return { token, expiresAt, items: previewed, refused };
    },

    async 'assets:delete'({ token, ids }) {
      const items = deps.confirmations.redeem(token, ids, await accountKey(account));
      const client = account.client();
      const results = await mapBounded(items, DELETE_CONCURRENCY, async (item): Promise<DeleteItemResult> => {
        const base = { id: item.id, name: item.name, assetType: item.assetType };
        try {
          const summary = await remove(client, item, false);
          const deletedChildren = childrenOf(summary);
          deps.changes.changed(item.id);
          for (const child of deletedChildren) deps.changes.changed(child.id);
          return { ...base, status: 'deleted', deletedChildren };
        } catch (error) {
          // Gone already (deleted elsewhere since the preview): what the person asked for holds.
          if (isAppError(error) && error.kind === 'not-found') {
            deps.changes.changed(item.id);
            return { ...base, status: 'deleted', alreadyGone: true, deletedChildren: [] };
          }
          deps.log.warn(`Deleting ${item.assetType} ${item.id} failed`, error);
          return { ...base, status: 'failed', deletedChildren: [], error: errorData(error) };
        }
      });
      const failed = results.filter((r) => r.status === 'failed');
      return { results, deleted: results.length - failed.length, failed: failed.length, notDeleted: failed.map((r) => r.name) };
    },
  };
}
