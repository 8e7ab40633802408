// The stand-in's state: every record plus the access rules (who may see or change what).
// Handlers read and mutate through here so visibility is decided in exactly one place.
import type {
  AssetRecord,
  ConversationBacking,
  DatasetBacking,
  NotificationRecord,
  FileContent,
  OrgRecord,
  SourcePolicy,
  StoredObject,
  TeamRecord,
  UserRecord,
} from './model';

export const GLOBAL_ID = '00000000-0000-0000-0000-000000000000';

export type SortMode = 'recent' | 'updated' | 'popular';

export class Store {
  readonly users = new Map<string, UserRecord>();
  readonly orgs = new Map<string, OrgRecord>();
  readonly teams = new Map<string, TeamRecord>();
  readonly assets = new Map<string, AssetRecord>();
  readonly fileContents = new Map<string, FileContent>();
  /** Objects written by POST /files/upload (and seeded file objects), by id. */
  readonly objects = new Map<string, StoredObject>();
  /** storage path → object id, for the unauthenticated /__storage URLs. */
  readonly objectPaths = new Map<string, string>();
  readonly datasets = new Map<string, DatasetBacking>();
  readonly conversations = new Map<string, ConversationBacking>();
  /** Every user's notifications, oldest first. */
  readonly notifications: NotificationRecord[] = [];
  /** Lower-cased name + description per asset, for text search. */
  private readonly searchText = new Map<string, string>();
  private readonly sortedCache = new Map<SortMode, AssetRecord[]>();

  addAsset(asset: AssetRecord): void {
    this.assets.set(asset.id, asset);
    this.indexAsset(asset);
  }

  /** Call after changing a record's name/description/dates so search and sorting see it. */
  indexAsset(asset: AssetRecord): void {
    this.searchText.set(asset.id, `${asset.name ?? ''}\n${asset.description?.text ?? ''}`.toLowerCase());
    this.sortedCache.clear();
  }

  removeAsset(id: string): void {
    this.assets.delete(id);
    this.searchText.delete(id);
    this.fileContents.delete(id);
    this.datasets.delete(id);
    this.conversations.delete(id);
    this.sortedCache.clear();
  }

  textOf(id: string): string {
    return this.searchText.get(id) ?? '';
  }

  /** All assets in a stable order (ties broken by id so offset paging never skips or repeats). */
  sorted(mode: SortMode): AssetRecord[] {
    const cached = this.sortedCache.get(mode);
    if (cached) return cached;
    const key = (a: AssetRecord): string | number =>
      mode === 'recent' ? a.created_at : mode === 'updated' ? a.last_updated : a.views;
    const list = [...this.assets.values()].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka !== kb) return ka < kb ? 1 : -1;
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
    this.sortedCache.set(mode, list);
    return list;
  }

  isOrgMember(userId: string, orgId: string): boolean {
    if (orgId === GLOBAL_ID) return true;
    return this.orgs.get(orgId)?.members.has(userId) ?? false;
  }

  isTeamMember(userId: string, teamId: string): boolean {
    if (teamId === GLOBAL_ID) return true;
    return this.teams.get(teamId)?.members.has(userId) ?? false;
  }

  myOrgIds(userId: string): Set<string> {
    const ids = new Set<string>();
    for (const org of this.orgs.values()) if (this.isOrgMember(userId, org.id)) ids.add(org.id);
    return ids;
  }

  /** Team policy, falling back to the org's when the team has none. */
  effectiveSourcePolicy(team: TeamRecord): SourcePolicy {
    return team.source_policy ?? this.orgs.get(team.org_id)?.source_policy ?? 'any';
  }

  canSee(userId: string, asset: AssetRecord): boolean {
    if (asset.user_id === userId) return true;
    if (asset.asset_type === 'conversation') {
      return this.conversations.get(asset.id)?.members.includes(userId) ?? false;
    }
    switch (asset.visibility) {
      case 'public':
      case 'monetized':
        return true;
      case 'organization':
      case 'inherit':
        return this.isOrgMember(userId, asset.org_id);
      case 'private':
        return false;
    }
  }

  canEdit(userId: string, asset: AssetRecord): boolean {
    if (asset.user_id === userId) return true;
    const role = this.teams.get(asset.team_id)?.members.get(userId);
    return asset.visibility !== 'private' && (role === 'admin' || role === 'write');
  }

  /** The asset if `userId` may see it; otherwise undefined (callers answer 404, like Ouro). */
  visibleAsset(userId: string, id: string): AssetRecord | undefined {
    const asset = this.assets.get(id);
    return asset && this.canSee(userId, asset) ? asset : undefined;
  }
}
