// "Download…" and "Export CSV…": ask main's save dialog where, then stream Ouro's download
// straight to that file (never through the renderer), reporting progress as events.
import type { SaveResult } from '../../shared/browse';
import { normaliseFileName } from '../../shared/file-names';
import type { AccountService } from '../account/account-service';
import type { Logger } from '../log';
import type { EmitEvent } from '../services';

/** The host's save dialog: a path to write, or null when the person cancels. */
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>;

const PROGRESS_INTERVAL_MS = 100;

export async function saveAssetDownload(options: {
  account: AccountService;
  assetId: string;
  /** Files come back as their bytes, datasets as CSV. */
  assetType: 'file' | 'dataset';
  suggestedName: string;
  chooseSavePath: ChooseSavePath;
  emit: EmitEvent;
  log: Logger;
}): Promise<SaveResult> {
  const { account, assetId, emit } = options;
  const client = account.client();
  const target = await options.chooseSavePath(safeFileName(options.suggestedName));
  if (!target) return { saved: false };
  let lastEmit = 0;
  const download = options.assetType === 'dataset' ? client.datasets.exportTo : client.files.downloadTo;
  const result = await download(assetId, target, {
    onProgress: ({ bytes, totalBytes }) => {
      // Chunks arrive far faster than a progress bar can use; ~10 updates a second is plenty.
      const now = Date.now();
      if (now - lastEmit < PROGRESS_INTERVAL_MS) return;
      lastEmit = now;
      emit('downloads:progress', { id: assetId, bytes, total: totalBytes ?? null, done: false });
    },
  });
  emit('downloads:progress', { id: assetId, bytes: result.bytes, total: result.bytes, done: true });
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
