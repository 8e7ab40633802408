// The type of `window.ouro`: what the preload (Electron) and the web bridge (web host) both build.
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from './contract';
import type { DragItems } from './actions';
import type { IpcResult } from './ipc-result';
import type { GrantedFile } from './uploads';

/** Channels whose input is `undefined` may be invoked without an argument. */
type InvokeArgs<C extends Channel> = undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

export interface OuroBridge {
  invoke<C extends Channel>(channel: C, ...args: InvokeArgs<C>): Promise<IpcResult<ChannelOutput<C>>>;
  /** Subscribe to an event pushed by main; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * Electron only: hands main the dropped, pasted or picked Files. The preload reads each one's
   * path in its isolated world (webUtils.getPathForFile) and main grants it; the page gets back a
   * handle per File, or null for one without a path on disk (a pasted image, a File built by
   * script), never the path itself. The handles are what `uploads:add` takes.
   */
  grantFiles?(files: File[]): Promise<IpcResult<Array<GrantedFile | null>>>;
  /**
   * Web host only (a browser page cannot know paths): streams the File's bytes to main's staging
   * folder and returns a token `uploads:add` accepts in `staged`.
   */
  stageFile?(file: File, name?: string): Promise<IpcResult<{ staged: string; size: number }>>;
  /**
   * Electron only: call from a row's `dragstart` (after `event.preventDefault()`) to drag the items
   * out as files. Prepare them first with `drag:prepare`. The web host uses `DownloadURL` instead.
   */
  startDrag?(items: DragItems): void;
}
