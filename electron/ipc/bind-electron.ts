// Binds the dispatcher to Electron's ipcMain: one `handle` per contract channel, refusing any
// sender that is not the app's own top-level page.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../shared/contract';
import { fail } from '../../shared/ipc-result';
import type { Dispatch } from './dispatch';

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

export function bindIpc(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return fail({ kind: 'untrusted-sender', message: `Refused ${channel} from an untrusted frame` });
      }
      // Tests pass bare events; a real one always has its sender.
      const senderId = (event.sender as { id?: unknown } | undefined)?.id;
      return dispatch(channel, input, {
        host: 'electron',
        ...(typeof senderId === 'number' ? { senderId, sender: `webContents:${senderId}` } : {}),
      });
    });
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}
