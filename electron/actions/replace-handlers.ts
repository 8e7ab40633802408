// `files:replace-content`: new bytes for a file, in place, as a 'replace' item of the upload queue
// (progress in the Uploads tray; the asset keeps its id). The file is named the way `uploads:add`
// names files — a handle of a path main granted, or a token of bytes main staged, never a path —
// and goes through the same resolution in the upload service (uploads/file-references.ts).
import type { AccountService } from '../account/account-service';
import type { Handlers } from '../ipc/handlers';
import type { UploadService } from '../uploads/upload-service';
import { text } from '../browse/rows';

export interface ReplaceHandlerDeps {
  account: AccountService;
  uploads: Pick<UploadService, 'replace'>;
}

export function createReplaceHandlers(deps: ReplaceHandlerDeps): Pick<Handlers, 'files:replace-content'> {
  return {
    async 'files:replace-content'({ id, granted, staged }) {
      // A file the person can see, checked before any bytes move; its name labels the tray item.
      const file = await deps.account.client().files.get(id);
      return deps.uploads.replace({ targetId: file.id, targetName: text(file.name) ?? 'Untitled file', granted, staged });
    },
  };
}
