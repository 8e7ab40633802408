// The private IPC channel through which the preload hands main the paths of real dropped or
// pasted File objects. It is not a contract channel: `window.ouro.invoke` refuses its name and
// the page has no ipcRenderer, so page script can never put a string of its choosing here. Main
// still checks the sender and the shape, then grants (path-grants.ts).
import type { IpcMainInvokeEvent } from 'electron';
import { fail, ok, type IpcResult } from '../../shared/ipc-result';
import type { GrantedFile } from '../../shared/uploads';
import type { PathGrants } from './path-grants';

export const GRANT_FILES_CHANNEL = 'ouro-private:grant-files';
/** As many as `uploads:add` takes at once. */
export const MAX_GRANTS_PER_CALL = 10_000;

export interface GrantIpcMain {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export async function grantFromPreload(grants: PathGrants, paths: unknown): Promise<IpcResult<Array<GrantedFile | null>>> {
  if (!Array.isArray(paths) || paths.length > MAX_GRANTS_PER_CALL) {
    return fail({ kind: 'invalid-input', message: `Expected at most ${MAX_GRANTS_PER_CALL} file paths` });
  }
  return ok(await grants.grant(paths));
}

export function bindGrantChannel(ipcMain: GrantIpcMain, grants: PathGrants, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): () => void {
  ipcMain.handle(GRANT_FILES_CHANNEL, (event, paths) => {
    if (!isTrustedSender(event)) return fail({ kind: 'untrusted-sender', message: 'Refused a file grant from an untrusted frame' });
    return grantFromPreload(grants, paths);
  });
  return () => ipcMain.removeHandler(GRANT_FILES_CHANNEL);
}
