// `assets:update`: rename, describe, change visibility or move a file or dataset with
// `PUT /files|datasets/{id}` (ouro-api.md §4.4, §5.6). The renderer updates its list at once and
// rolls back on failure; main answers the updated row in the lists' own shape to patch with.
import type { AssetChanges as Changes } from '../../shared/actions';
import type { AssetRow } from '../../shared/browse';
import type { AccountService } from '../account/account-service';
import type { Handlers } from '../ipc/handlers';
import type { AssetUpdate } from '../ouro/asset-edits';
import { plainTextToRichText } from '../ouro/rich-text';
import { toAssetRow } from '../browse/rows';
import type { AssetChanges } from './asset-changes';

export interface UpdateHandlerDeps {
  account: AccountService;
  changes: AssetChanges;
}

/** The page's changes as Ouro's update fields: the description as `{json, text}`, a move as org + team. */
export function toAssetUpdate(changes: Changes): AssetUpdate {
  return {
    ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
    ...(changes.description !== undefined ? { description: plainTextToRichText(changes.description) } : {}),
    ...(changes.visibility !== undefined ? { visibility: changes.visibility } : {}),
    ...(changes.move ? { orgId: changes.move.orgId, teamId: changes.move.teamId } : {}),
  };
}

export function createUpdateHandlers(deps: UpdateHandlerDeps): Pick<Handlers, 'assets:update'> {
  return {
    async 'assets:update'({ id, assetType, changes }) {
      const client = deps.account.client();
      const update = toAssetUpdate(changes);
      const record = assetType === 'file' ? await client.files.update(id, update) : await client.datasets.update(id, update);
      deps.changes.changed(id);
      const row: AssetRow = { ...toAssetRow(record), assetType };
      return row;
    },
  };
}
