// The command palette's data from main: items found by a server search across files, datasets and
// conversations, the items opened recently (kept per account), and a pasted link or id resolved.
import type { ItemRef } from './links';

export interface PaletteItem extends ItemRef {
  name: string;
  /** A second line: owner, organization, extension… */
  detail: string | null;
}

export interface PaletteResults {
  query: string;
  items: PaletteItem[];
}

export interface RecentItem extends PaletteItem {
  /** Epoch ms of the last time it was opened. */
  openedAt: number;
}

export type ResolvedItem = { found: true; item: PaletteItem } | { found: false; message: string };
