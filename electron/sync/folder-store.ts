// Where an account's sync folders are kept: a small JSON list of their settings (atomic writes)
// beside one index journal per folder, all inside the account's own folder of the data folder,
// so sign-out's removal of account folders takes them too, and another account never reads them.
import path from 'node:path';
import { z } from 'zod';
import { uploadVisibilities } from '../../shared/uploads';
import { readJson, writeJsonAtomic } from '../storage/atomic-json';
import type { FolderSettings } from './folder-settings';

const SettingsSchema = z.object({
  id: z.uuid(),
  root: z.string().min(1),
  destination: z.object({ orgId: z.string().optional(), teamId: z.string().optional(), visibility: z.enum(uploadVisibilities) }),
  mirrorDeletions: z.boolean(),
  ignore: z.array(z.string()).max(100),
  paused: z.boolean(),
  onlyNew: z.boolean(),
  baselined: z.boolean(),
  addedAt: z.number(),
});
const FileSchema = z.object({ version: z.literal(1), folders: z.array(SettingsSchema).max(100) });

export interface FolderStore {
  load(): Promise<FolderSettings[]>;
  save(folders: readonly FolderSettings[]): Promise<void>;
  indexFile(folderId: string): string;
}

/** `accountDir`: the account's own folder (cache/account-scope.ts). */
export function createFolderStore(accountDir: string, onError: (error: unknown) => void): FolderStore {
  const dir = path.join(accountDir, 'sync');
  const file = path.join(dir, 'folders.json');
  let saving: Promise<void> = Promise.resolve();
  return {
    async load() {
      const saved = await readJson(file, FileSchema);
      return (saved?.folders ?? []) as FolderSettings[];
    },
    save(folders) {
      const snapshot = folders.map((f) => ({ ...f }));
      saving = saving.then(() => writeJsonAtomic(file, { version: 1, folders: snapshot })).catch(onError);
      return saving;
    },
    indexFile: (folderId) => path.join(dir, `index-${folderId}.jsonl`),
  };
}
