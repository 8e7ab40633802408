// Maps Ouro's full asset records to the slim rows the renderer lists. Tolerant by design: any
// field may be missing or oddly typed on a real server, and a row still renders.
import type { AssetRow } from '../../shared/browse';
import { organizationName, teamName } from '../../shared/display-names';
import type { Asset } from '../ouro/models';

export function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

export function count(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}

/** `{json, text}` descriptions, or a bare string on older data. */
export function descriptionText(description: unknown): string | null {
  if (typeof description === 'string') return text(description);
  if (description && typeof description === 'object') return text((description as { text?: unknown }).text);
  return null;
}

function extensionOf(name: string): string | null {
  const match = /\.([a-z0-9]{1,12})$/i.exec(name);
  return match?.[1] ? match[1].toLowerCase() : null;
}

export function toAssetRow(asset: Asset): AssetRow {
  const metadata = asset.metadata ?? {};
  const name = text(asset.name) ?? 'Untitled';
  const orgId = text(asset.org_id) ?? text(asset.organization?.id);
  const teamId = text(asset.team_id) ?? text(asset.team?.id);
  return {
    id: asset.id,
    name,
    assetType: text(asset.asset_type) ?? 'file',
    extension: text(metadata.extension)?.toLowerCase().replace(/^\./, '') ?? extensionOf(name),
    mimeType: text(metadata.type) ?? text(metadata.mimeType),
    size: count(metadata.size),
    rowCount: count(metadata.row_count) ?? count(metadata.rowCount),
    owner: text(asset.user?.username),
    orgId,
    orgName: orgId || asset.organization ? organizationName({ id: orgId, name: asset.organization?.name }) : null,
    teamId,
    teamName: teamId || asset.team ? teamName({ id: teamId, name: asset.team?.name }) : null,
    visibility: text(asset.visibility),
    createdAt: text(asset.created_at),
    updatedAt: text(asset.last_updated) ?? text(asset.created_at),
    url: text(asset.url),
    snippet: text(asset.snippet),
  };
}
