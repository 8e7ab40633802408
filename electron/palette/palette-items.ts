// Palette items from what main already has: a search hit, a details answer, a conversation row.
import type { AssetRow, ConversationRow } from '../../shared/browse';
import { itemTypes, type ItemType } from '../../shared/links';
import type { PaletteItem } from '../../shared/palette';
import type { Asset } from '../ouro/models';
import { toAssetRow } from '../browse/rows';

export function asItemType(value: string | null | undefined): ItemType | null {
  const type = value?.toLowerCase() ?? null;
  return type && (itemTypes as readonly string[]).includes(type) ? (type as ItemType) : null;
}

/** "alice · Helios Lab · cif": who and where, then what kind of file. */
function detailOf(row: Pick<AssetRow, 'owner' | 'orgName' | 'extension' | 'assetType'>): string | null {
  const parts = [row.owner, row.orgName && row.orgName !== 'all' ? row.orgName : null, row.assetType === 'file' ? row.extension : row.assetType];
  const detail = parts.filter((part): part is string => Boolean(part)).join(' · ');
  return detail || null;
}

export function itemFromRow(row: AssetRow): PaletteItem | null {
  const type = asItemType(row.assetType);
  return type ? { type, id: row.id, name: row.name, detail: detailOf(row) } : null;
}

export function itemFromAsset(asset: Asset): PaletteItem | null {
  if (asItemType(asset.asset_type) === 'conversation') {
    const name = typeof asset.name === 'string' && asset.name.trim() ? asset.name : 'Conversation';
    return { type: 'conversation', id: asset.id, name, detail: 'conversation' };
  }
  return itemFromRow(toAssetRow(asset));
}

export function itemFromConversation(row: ConversationRow): PaletteItem {
  return { type: 'conversation', id: row.id, name: row.title, detail: row.memberNames.length ? row.memberNames.join(', ') : 'conversation' };
}
