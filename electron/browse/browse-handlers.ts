// Handlers for browsing files: organizations and teams for the filters, one page of search
// results, a file's record and preview, and downloads. Datasets and conversations have their own.
import type { Destinations, FileDetails } from '../../shared/browse';
import type { AccountService } from '../account/account-service';
import type { Handlers } from '../ipc/handlers';
import type { Logger } from '../log';
import type { EmitEvent } from '../services';
import { buildFilePreview } from './file-preview';
import { count, descriptionText, text, toAssetRow } from './rows';
import { saveAssetDownload, type ChooseSavePath } from './save-download';

export interface BrowseDeps {
  account: AccountService;
  fetch: typeof fetch;
  chooseSavePath: ChooseSavePath;
  emit: EmitEvent;
  log: Logger;
}

export const WEB_ONLY_REASON = 'This team only accepts new content from the Ouro website.';

type FileHandlers = Pick<Handlers, 'orgs:list' | 'assets:search' | 'files:get' | 'files:preview' | 'files:download' | 'datasets:stats'>;

export function createFileHandlers(deps: BrowseDeps): FileHandlers {
  const { account } = deps;
  return {
    async 'orgs:list'() {
      const client = account.client();
      const [organizations, teams] = await Promise.all([client.organizations.mine(), client.teams.list({})]);
      const orgIds = new Set(organizations.map((org) => org.id));
      const result: Destinations = {
        organizations: organizations.map((org) => ({ id: org.id, name: text(org.display_name) ?? text(org.name) ?? 'Organization' })),
        teams: teams
          .filter((team) => !team.org_id || orgIds.has(team.org_id))
          .map((team) => ({
            id: team.id,
            name: text(team.name) ?? 'Team',
            orgId: team.org_id ?? '',
            sourcePolicy: team.source_policy,
            uploadBlockedReason: team.source_policy === 'web_only' ? WEB_ONLY_REASON : null,
          })),
      };
      return result;
    },

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
      const file = await account.client().files.get(id);
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
      const client = account.client();
      return buildFilePreview(client, deps.fetch, await client.files.get(id));
    },

    async 'files:download'({ id }) {
      const file = await account.client().files.get(id);
      return saveAssetDownload({ ...deps, assetId: id, assetType: 'file', suggestedName: text(file.name) ?? `${id}.bin` });
    },

    async 'datasets:stats'({ id }) {
      const stats = await account.client().datasets.stats(id);
      return { count: count(stats.count) };
    },
  };
}
