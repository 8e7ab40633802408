// What someone may paste into the palette to open an item: an asset id, an `ouro://` link, or a
// link to an item on the Ouro website in the forms ouro-js builds (src/utils/navigate.ts):
// `/conversations/<id>`, and `/<type>s/<owner>/<name-slug or id>` with an optional query.
import { isUuid, parseDesktopLink } from './desktop-link';

export type OuroReference =
  | { kind: 'id'; id: string }
  | { kind: 'conversation'; id: string }
  /** A web link by owner and name: resolved by searching for the item with exactly this path. */
  | { kind: 'path'; assetType: string; owner: string; name: string; path: string };

export type ParsedReference = { ok: true; ref: OuroReference } | { ok: false; reason: string };

/** The Ouro website and its other environments (dev.ouro.foundation); never the API host. */
export function isOuroWebHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'ouro.foundation' || (h.endsWith('.ouro.foundation') && !h.startsWith('api.') && !h.includes('.api.'));
}

const TYPE_BY_SEGMENT: Record<string, string> = {
  files: 'file',
  datasets: 'dataset',
  posts: 'post',
  services: 'service',
  routes: 'route',
  quests: 'quest',
};

const refuse = (reason: string): ParsedReference => ({ ok: false, reason });

export function parseOuroReference(raw: string): ParsedReference {
  const text = raw.trim();
  if (isUuid(text)) return { ok: true, ref: { kind: 'id', id: text.toLowerCase() } };
  if (/^ouro:/i.test(text)) {
    const parsed = parseDesktopLink(text);
    if (!parsed.ok) return parsed;
    return { ok: true, ref: parsed.target.kind === 'conversation' ? { kind: 'conversation', id: parsed.target.id } : { kind: 'id', id: parsed.target.id } };
  }
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return refuse('Paste an Ouro link or an asset id.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse('Paste an Ouro link or an asset id.');
  if (!isOuroWebHost(url.hostname)) return refuse('That link is not to ouro.foundation.');
  let segments: string[];
  try {
    segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return refuse('That Ouro link is malformed.');
  }
  const [first, second, third] = segments;
  if (first === 'conversations' && second && isUuid(second) && segments.length === 2) {
    return { ok: true, ref: { kind: 'conversation', id: second.toLowerCase() } };
  }
  const assetType = first ? TYPE_BY_SEGMENT[first] : undefined;
  if (!assetType || !second || !third || segments.length !== 3) return refuse('That Ouro link does not point to a file, dataset or conversation.');
  if (isUuid(third)) return { ok: true, ref: { kind: 'id', id: third.toLowerCase() } };
  return { ok: true, ref: { kind: 'path', assetType, owner: second, name: third, path: `/${first}/${second}/${third}` } };
}
