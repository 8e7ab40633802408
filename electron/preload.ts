// The preload: exposes `window.ouro` (exactly the contract's channels and events) through
// contextBridge, and nothing else. Bundled to one CommonJS file so it runs sandboxed.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { DRAG_START_CHANNEL } from '../shared/actions';
import { eventChannel, isChannel, isEventName } from '../shared/contract-names';
import { fail, type IpcResult } from '../shared/ipc-result';
import { MAX_STAGED_BYTES_OVER_IPC, type GrantedFile } from '../shared/uploads';
import type { OuroBridge } from '../shared/ouro-bridge';
import { GRANT_FILES_CHANNEL, MAX_GRANTS_PER_CALL } from './security/grant-channel';
import { createGrantFiles } from './security/preload-file-grants';

const bridge: OuroBridge = {
  invoke: (channel, ...args) => {
    if (!isChannel(channel)) {
      return Promise.resolve(fail({ kind: 'invalid-input', message: 'Unknown channel' }));
    }
    return ipcRenderer.invoke(channel, args[0]);
  },
  on: (event, listener) => {
    if (!isEventName(event)) throw new Error('Unknown event');
    const channel = eventChannel(event);
    // Never hand the IpcRendererEvent to the page: it exposes `sender` (ipcRenderer itself).
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload as Parameters<typeof listener>[0]);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
  // A File without a path (a pasted image): its bytes go to main's staging folder over IPC.
  stageFile: async (file, name) => {
    if (file.size > MAX_STAGED_BYTES_OVER_IPC) {
      return fail({ kind: 'too-large', message: 'Too large to paste; save it to a file first, then drop that file' });
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    return ipcRenderer.invoke('uploads:stage-bytes', { name: name ?? (file.name || 'pasted-file'), bytes }) as Promise<IpcResult<{ staged: string; size: number }>>;
  },
  // Called from the page's dragstart: a send, not an invoke, so main can start the OS drag while
  // the gesture is still live. Main validates the items and drags only its own cached copies.
  startDrag: (items) => {
    ipcRenderer.send(DRAG_START_CHANNEL, items);
  },
  // Paths are read here, in the isolated world, and go to main only; the page gets handles.
  grantFiles: createGrantFiles({
    getPathForFile: (file) => webUtils.getPathForFile(file),
    invoke: (paths) => ipcRenderer.invoke(GRANT_FILES_CHANNEL, paths) as Promise<IpcResult<Array<GrantedFile | null>>>,
    maxFiles: MAX_GRANTS_PER_CALL,
  }),
};

contextBridge.exposeInMainWorld('ouro', bridge);
