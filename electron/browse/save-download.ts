// "Download…" and "Export CSV…": ask main's save dialog where, then stream Ouro's download
// straight to that file (never through the renderer) as an item of the Downloads list.
import path from 'node:path';
import type { SaveResult } from '../../shared/browse';
import { normaliseFileName } from '../../shared/file-names';
import type { AccountService } from '../account/account-service';
import { accountKey } from '../actions/account-identity';
import type { DownloadManager } from '../downloads/download-manager';
import type { Logger } from '../log';

/** The host's save dialog: a path to write, or null when the person cancels. */
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>;

export async function saveAssetDownload(options: {
  account: AccountService;
  assetId: string;
  /** Files come back as their bytes, datasets as CSV. */
  assetType: 'file' | 'dataset';
  suggestedName: string;
  chooseSavePath: ChooseSavePath;
  /** The Downloads list it runs in (progress, cancel, quitting aborts it and removes its temp file). */
  downloads: DownloadManager;
  log: Logger;
}): Promise<SaveResult> {
  const { assetId } = options;
  // Signed in (and whose the download is), before asking where.
  const account = await accountKey(options.account);
  const target = await options.chooseSavePath(safeFileName(options.suggestedName));
  if (!target) return { saved: false };
  const { done } = options.downloads.start({
    account,
    assetId,
    assetType: options.assetType,
    fileName: path.basename(target),
    // The person chose this path (the save dialog asked before overwriting anything).
    target: async () => ({ path: target, reserved: false }),
  });
  const result = await done;
  options.log.info(`Saved ${result.bytes} bytes of ${assetId}`);
  return { saved: true, path: target, bytes: result.bytes };
}

/**
 * A name safe on every OS: no separators or reserved characters, no leading dots, and the shared
 * normalisation (NFC, no bidi or control characters, 255 UTF-8 bytes with the extension kept).
 */
export function safeFileName(name: string): string {
  return normaliseFileName(name.replace(/[/\\?%*:|"<>]/g, '_').replace(/^[.\s]+/, ''), 'download');
}
