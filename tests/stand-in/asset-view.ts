// Serialisation of records into the JSON shapes the API returns: asset rows (with `user`,
// `organization`, `team` subsets, `slug`, `url`), profiles, orgs and teams (ouro-api.md §3.1, §7).
import type { AssetRecord, OrgRecord, TeamRecord, UserRecord } from './model';
import { GLOBAL_ID, type Store } from './store';

export const WEB_ORIGIN = 'https://ouro.foundation';

export function profileOf(user: UserRecord): Record<string, unknown> {
  return {
    id: user.id,
    user_id: user.id,
    username: user.username,
    display_name: user.display_name,
    name: user.display_name,
    avatar_path: user.avatar_path,
    bio: user.bio,
    actor_type: user.actor_type,
    is_agent: user.actor_type === 'agent',
    is_provisioned: false,
    plan_type: 'free',
    urls: [],
    last_active: user.created_at,
  };
}

export function orgSubset(org: OrgRecord | undefined): Record<string, unknown> | null {
  if (!org) return null;
  return { id: org.id, name: org.name, avatar_path: org.avatar_path, mission: org.mission };
}

export function orgOf(store: Store, org: OrgRecord, userId: string): Record<string, unknown> {
  const role = org.id === GLOBAL_ID ? 'read' : org.members.get(userId);
  return {
    id: org.id,
    name: org.name,
    display_name: org.display_name,
    avatar_path: org.avatar_path,
    mission: org.mission,
    size: org.id === GLOBAL_ID ? store.users.size : org.members.size,
    email: null,
    domain: null,
    urls: [],
    base_role: 'read',
    join_policy: org.join_policy,
    actor_type_policy: 'any',
    source_policy: org.source_policy,
    allow_external_members: false,
    allow_external_public_team_creation: false,
    visibility: org.visibility,
    membership: role ? { role, membership_type: org.id === GLOBAL_ID ? 'implicit' : 'member' } : null,
    created_at: org.created_at,
    last_updated: org.created_at,
  };
}

export function teamOf(store: Store, team: TeamRecord, userId: string): Record<string, unknown> {
  const role = team.id === GLOBAL_ID ? 'write' : team.members.get(userId);
  return {
    id: team.id,
    org_id: team.org_id,
    organization: orgSubset(store.orgs.get(team.org_id)),
    name: team.name,
    slug: team.slug,
    description: { text: team.description, json: doc(team.description) },
    default_role: team.default_role,
    visibility: team.visibility,
    actor_type_policy: null,
    source_policy: team.source_policy,
    userMembership: role ? { user_id: userId, role, membership_type: 'member' } : null,
    memberCount: team.id === GLOBAL_ID ? store.users.size : team.members.size,
    created_at: team.created_at,
    last_updated: team.created_at,
  };
}

/** A one-paragraph TipTap doc, the way the SDK turns plain strings into descriptions. */
export function doc(text: string): unknown {
  return { type: 'doc', content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] };
}

export function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/\.[a-z0-9]+$/, (m) => m.replace('.', '-'))
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'untitled'
  );
}

const TYPE_PATH: Record<string, string> = {
  file: 'files',
  dataset: 'datasets',
  post: 'posts',
  conversation: 'conversations',
  service: 'services',
  route: 'routes',
  quest: 'quests',
  comment: 'comments',
};

export function assetRow(store: Store, asset: AssetRecord): Record<string, unknown> {
  const user = store.users.get(asset.user_id);
  const team = store.teams.get(asset.team_id);
  const org = store.orgs.get(asset.org_id);
  const owner = asset.org_id === GLOBAL_ID ? (user?.username ?? 'unknown') : (org?.name ?? 'unknown');
  const nameSlug = slugify(asset.name ?? asset.id);
  const slug = `/${TYPE_PATH[asset.asset_type] ?? 'assets'}/${owner}/${nameSlug}`;
  return {
    id: asset.id,
    asset_type: asset.asset_type,
    name: asset.name,
    description: asset.description,
    visibility: asset.visibility,
    user_id: asset.user_id,
    user: user
      ? {
          user_id: user.id,
          username: user.username,
          avatar_path: user.avatar_path,
          bio: user.bio,
          actor_type: user.actor_type,
          is_agent: user.actor_type === 'agent',
          plan_type: 'free',
        }
      : null,
    org_id: asset.org_id,
    organization: orgSubset(org),
    team_id: asset.team_id,
    team: team ? { id: team.id, org_id: team.org_id, name: team.name } : null,
    parent_id: asset.parent_id,
    created_at: asset.created_at,
    last_updated: asset.last_updated,
    metadata: asset.metadata,
    preview: asset.preview,
    state: asset.state,
    source: asset.source,
    license_id: asset.license_id,
    monetization: asset.monetization,
    // Raw recordings (files/update-raw-2025-07) carry these, with integer zeros and nulls.
    price: asset.price ?? 0,
    cost_accounting: null,
    cost_unit: null,
    unit_cost: 0,
    version: null,
    attribution: asset.attribution,
    ...(asset.summary !== undefined ? { summary: asset.summary } : {}),
    name_url_slug: nameSlug,
    slug,
    url: `${WEB_ORIGIN}${slug}`,
  };
}
