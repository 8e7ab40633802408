// Turns an id, an `ouro://` link or an Ouro web link into the item it names, asking Ouro what kind
// of asset an id is (`GET /assets/{id}/type`), and falling back on kept answers while Ouro is
// unreachable. Reads only: resolving never changes anything on Ouro.
import { isAppError } from '../../shared/app-error';
import { isUnreachable } from '../../shared/error-kinds';
import type { ItemType } from '../../shared/links';
import type { PaletteItem, ResolvedItem } from '../../shared/palette';
import { toConversationRow } from '../browse/conversation-handlers';
import { toAssetRow } from '../browse/rows';
import type { OuroClient } from '../ouro/client';
import { asItemType, itemFromAsset, itemFromConversation, itemFromRow } from '../palette/palette-items';
import { parseOuroReference, type OuroReference } from './ouro-reference';

export interface ItemResolverDeps {
  client(): OuroClient;
  /** The item as a kept answer knows it (files:get, datasets:get, conversations:get), if any. */
  keptItem(id: string, type?: ItemType): Promise<PaletteItem | null>;
}

export type TypeLookup = { found: true; type: ItemType } | { found: false; message: string };

function failure(error: unknown, what: string): { found: false; message: string } {
  if (isAppError(error)) {
    if (error.kind === 'not-found' || error.kind === 'forbidden') return { found: false, message: `No ${what} with this id, or it has not been shared with you.` };
    if (isUnreachable(error)) return { found: false, message: `Ouro is unreachable, so this ${what} could not be looked up. Try again when you are back online.` };
    if (error.kind === 'not-signed-in') return { found: false, message: 'Sign in to open Ouro items.' };
    return { found: false, message: error.message };
  }
  throw error;
}

export interface ItemResolver {
  /** What kind of item an asset id is (kept answers first when Ouro cannot be reached). */
  typeOf(id: string): Promise<TypeLookup>;
  /** A pasted id or link, resolved to a named item for the palette. */
  resolve(text: string): Promise<ResolvedItem>;
}

export function createItemResolver(deps: ItemResolverDeps): ItemResolver {
  async function typeOf(id: string): Promise<TypeLookup> {
    try {
      const assetType = await deps.client().assets.type(id);
      const type = asItemType(assetType);
      if (type) return { found: true, type };
      return { found: false, message: `This is a ${assetType}; Ouro Desktop opens files, datasets and conversations. Open it on ouro.foundation instead.` };
    } catch (error) {
      if (isAppError(error) && isUnreachable(error)) {
        const kept = await deps.keptItem(id);
        if (kept) return { found: true, type: kept.type };
      }
      return failure(error, 'item');
    }
  }

  async function named(type: ItemType, id: string): Promise<ResolvedItem> {
    try {
      const client = deps.client();
      if (type === 'conversation') return { found: true, item: itemFromConversation(toConversationRow(await client.conversations.get(id), null)) };
      const asset = type === 'file' ? await client.files.get(id) : await client.datasets.get(id);
      const item = itemFromRow({ ...toAssetRow(asset), assetType: type });
      return item ? { found: true, item } : { found: false, message: 'Ouro Desktop opens files, datasets and conversations.' };
    } catch (error) {
      if (isAppError(error) && isUnreachable(error)) {
        const kept = await deps.keptItem(id, type);
        if (kept) return { found: true, item: kept };
      }
      return failure(error, type);
    }
  }

  async function byPath(ref: Extract<OuroReference, { kind: 'path' }>): Promise<ResolvedItem> {
    const type = asItemType(ref.assetType);
    if (!type) return { found: false, message: `This is a link to a ${ref.assetType}; Ouro Desktop opens files, datasets and conversations.` };
    try {
      // Web links name an item by owner and name slug; Ouro has no documented lookup by slug, so
      // search for the name's words and take the hit whose own web path is exactly this one.
      const words = ref.name.replace(/[-_]+/g, ' ').trim();
      const page = await deps.client().search.assets({ query: words, assetType: type, scope: 'all', sort: 'relevant', limit: 50 });
      const wanted = ref.path.toLowerCase();
      const hit = page.items.find((asset) => {
        const slug = typeof asset.slug === 'string' ? asset.slug.toLowerCase() : null;
        const url = typeof asset.url === 'string' ? asset.url.toLowerCase() : '';
        return slug === wanted || url.endsWith(wanted);
      });
      const item = hit ? itemFromAsset(hit) : null;
      return item ? { found: true, item } : { found: false, message: `No ${type} at this link that you can see. Ask its owner to share it, or paste its id.` };
    } catch (error) {
      return failure(error, type);
    }
  }

  return {
    typeOf,
    async resolve(text) {
      const parsed = parseOuroReference(text);
      if (!parsed.ok) return { found: false, message: parsed.reason };
      const { ref } = parsed;
      if (ref.kind === 'conversation') return named('conversation', ref.id);
      if (ref.kind === 'path') return byPath(ref);
      const type = await typeOf(ref.id);
      return type.found ? named(type.type, ref.id) : type;
    },
  };
}
