// `drag:prepare` and the web host's drag downloads. Electron: the items' bytes are cached so the
// preload's synchronous `startDrag` (electron/app/drag-out.ts) begins from real files. Web host:
// each item gets a short-lived link the page puts in `DownloadURL`, served from the same cache.
import type { DragLink } from '../../shared/actions';
import type { AccountService } from '../account/account-service';
import type { Handlers } from '../ipc/handlers';
import { accountKey, accountKeyOf } from './account-identity';
import { mapBounded } from './bounded';
import type { CachedCopy, DragCache } from './drag-cache';
import type { DragLinks } from './drag-links';

export interface DragHandlerDeps {
  account: AccountService;
  cache: DragCache;
  links: DragLinks;
}

/** `DownloadURL` is `mime:name:url`, split on colons: a colon in the name would break it. */
function dragSafeName(name: string): string {
  return name.replace(/:/g, '_');
}

export function createDragHandlers(deps: DragHandlerDeps): Pick<Handlers, 'drag:prepare'> {
  return {
    async 'drag:prepare'({ items }, context) {
      if (context.host === 'electron') {
        // Not awaited: the answer must not wait for downloads; startDrag uses what is ready.
        void deps.cache.prepare(items);
        return { mode: 'native' };
      }
      const account = await accountKey(deps.account);
      const links = await mapBounded(items, 3, async (item): Promise<DragLink> => {
        const copy = await deps.cache.describe(item);
        const link = deps.links.issue(account, item);
        return { id: item.id, url: link.path, fileName: dragSafeName(copy.fileName), mimeType: copy.mimeType, expiresAt: link.expiresAt };
      });
      const expiresAt = Math.min(...links.map((link) => link.expiresAt));
      return { mode: 'download-url', expiresAt, items: links };
    },
  };
}

/** The web host's `GET /__ouro/drag/<token>`: the bytes to serve, or null for a bad or stale token. */
export async function openDragLink(deps: DragHandlerDeps, token: string): Promise<CachedCopy | null> {
  const item = deps.links.resolve(token, accountKeyOf(await deps.account.state()));
  if (!item) return null;
  return deps.cache.ensure(item);
}
