// What the command palette lists for what is typed, in order: an opened link or id first, then
// matching commands, recent items, and the server's search results (without the recent ones
// again). Pure, so the ordering and filtering are unit-tested.
import type { PaletteItem, RecentItem } from '../../../shared/palette';

export interface PaletteCommand {
  id: string;
  label: string;
  /** More words it is found by ("theme dark light"). */
  keywords?: string;
}

export type PaletteEntry =
  | { kind: 'command'; key: string; command: PaletteCommand }
  | { kind: 'item'; key: string; item: PaletteItem; recent: boolean };

export interface PaletteSections {
  link: PaletteEntry[];
  commands: PaletteEntry[];
  recent: PaletteEntry[];
  results: PaletteEntry[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LINKISH = /^(https?:\/\/|ouro:|[\w.-]*ouro\.foundation\/)/i;

/** Text main should resolve to an item (`palette:resolve`): a web or ouro:// link, or an id. */
export function looksLikeLink(text: string): boolean {
  const trimmed = text.trim();
  return LINKISH.test(trimmed) || UUID.test(trimmed);
}

/** Every word typed appears in the text (case- and accent-insensitive). */
export function matchesWords(query: string, ...texts: (string | null | undefined)[]): boolean {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const haystack = fold(texts.filter(Boolean).join(' '));
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const itemKey = (item: { type: string; id: string }) => `${item.type}:${item.id}`;

export function paletteSections(
  text: string,
  { commands, recent, results, resolved }: { commands: readonly PaletteCommand[]; recent: readonly RecentItem[]; results: readonly PaletteItem[]; resolved: PaletteItem | null },
): PaletteSections {
  const query = text.trim();
  const link: PaletteEntry[] = resolved ? [{ kind: 'item', key: `link:${itemKey(resolved)}`, item: resolved, recent: false }] : [];
  if (looksLikeLink(query)) return { link, commands: [], recent: [], results: [] };
  const recentShown = recent.filter((item) => !query || matchesWords(query, item.name, item.detail));
  const seen = new Set(recentShown.map(itemKey));
  return {
    link,
    commands: commands.filter((c) => !query || matchesWords(query, c.label, c.keywords)).map((command) => ({ kind: 'command', key: `command:${command.id}`, command })),
    recent: recentShown.map((item) => ({ kind: 'item', key: `recent:${itemKey(item)}`, item, recent: true })),
    results: query ? results.filter((item) => !seen.has(itemKey(item))).map((item) => ({ kind: 'item', key: `result:${itemKey(item)}`, item, recent: false })) : [],
  };
}
