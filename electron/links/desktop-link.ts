// `ouro://` links, strictly: `ouro://asset/<uuid>` and `ouro://conversation/<uuid>` and nothing
// else — no query, fragment, credentials, port or extra path. Anything that is not exactly one of
// these is refused with a reason; a link only ever names an item to show.
import type { ItemRef } from '../../shared/links';

export const DESKTOP_SCHEME = 'ouro';
/** Longer than any valid link by a wide margin; longer input is refused before parsing. */
const MAX_LINK_LENGTH = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DesktopTarget = { kind: 'asset'; id: string } | { kind: 'conversation'; id: string };

export type ParsedLink = { ok: true; target: DesktopTarget } | { ok: false; reason: string };

const refuse = (reason: string): ParsedLink => ({ ok: false, reason });

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function parseDesktopLink(raw: unknown): ParsedLink {
  if (typeof raw !== 'string') return refuse('This is not a link.');
  const text = raw.trim();
  if (text.length === 0) return refuse('This link is empty.');
  if (text.length > MAX_LINK_LENGTH) return refuse('This link is too long to be an Ouro link.');
  // Control characters and spaces never belong in a link; the URL parser would quietly drop some.
  if ([...text].some((c) => c.charCodeAt(0) <= 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f) || c === '\\')) {
    return refuse('This link contains characters an Ouro link never has.');
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('This is not a valid link.');
  }
  if (url.protocol !== `${DESKTOP_SCHEME}:`) return refuse('Only ouro:// links open in Ouro.');
  if (url.username || url.password || url.port) return refuse('This ouro:// link has parts Ouro links never have.');
  if (url.search || url.hash || text.includes('?') || text.includes('#')) return refuse('This ouro:// link has extra parts (a query or fragment) Ouro links never have.');
  const kind = url.hostname.toLowerCase();
  if (kind !== 'asset' && kind !== 'conversation') return refuse(`Ouro links open an asset or a conversation; “${kind || 'nothing'}” is neither.`);
  // One trailing slash is tolerated: some launchers add it when they pass the link on.
  const segments = url.pathname.replace(/\/$/, '').split('/').slice(1);
  const id = segments[0] ?? '';
  if (segments.length !== 1 || !isUuid(id)) return refuse(`This ouro://${kind} link does not name a valid ${kind} id.`);
  return { ok: true, target: { kind, id: id.toLowerCase() } };
}

/** The desktop link for an item: conversations by their own form, files and datasets as assets. */
export function desktopLinkFor(item: ItemRef): string {
  if (!isUuid(item.id)) throw new Error('An item id must be a uuid');
  const kind = item.type === 'conversation' ? 'conversation' : 'asset';
  return `${DESKTOP_SCHEME}://${kind}/${item.id.toLowerCase()}`;
}

/** The ouro:// links among command-line arguments (a launch or a second instance); at most a few. */
export function linksInArgv(argv: readonly string[], max = 5): string[] {
  return argv.filter((arg) => typeof arg === 'string' && arg.slice(0, DESKTOP_SCHEME.length + 1).toLowerCase() === `${DESKTOP_SCHEME}:`).slice(0, max);
}
