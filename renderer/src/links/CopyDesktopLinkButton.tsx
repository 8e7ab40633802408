// "Copy desktop link": an ouro:// link to the item that opens it in Ouro Desktop. Electron's main
// puts it on the clipboard itself; in the web host the page copies what main made.
import type { ItemRef } from '../../../shared/links';
import { call } from '../ouro';

export async function copyDesktopLink(item: ItemRef): Promise<string> {
  try {
    const link = await call('links:desktop-link', item);
    if (!link.copied) await navigator.clipboard.writeText(link.url);
    return 'Desktop link copied';
  } catch {
    return 'Could not copy the desktop link';
  }
}

export function CopyDesktopLinkButton({ item, onCopied }: { item: ItemRef; onCopied(message: string): void }) {
  return (
    <button type="button" onClick={() => void copyDesktopLink(item).then(onCopied)} title="Copy an ouro:// link that opens this in Ouro Desktop">
      Copy desktop link
    </button>
  );
}
