// Dragging rows out of the window onto the desktop (Electron). A drag must start inside the page's
// dragstart, so the preload sends (not invokes) `drag:start` and main calls webContents.startDrag
// at once with the copies drag-cache already has (or placeholders it fills), and an icon, which
// macOS requires to be non-empty. Takes ipcMain and the sender check as arguments, for tests.
import type { IpcMainEvent, NativeImage } from 'electron';
import { z } from 'zod';
import { actionAssetTypes, DRAG_START_CHANNEL, MAX_DRAG_ITEMS, type AssetRef } from '../../shared/actions';
import type { Logger } from '../log';
import type { SenderLike } from '../security/trusted-sender';

// Ouro ids, as the contract takes them (shared/contract/spec.ts): any 8-4-4-4-12 hex id, nothing that could be a path.
const DragItemsSchema = z.array(z.object({ id: z.guid(), assetType: z.enum(actionAssetTypes) })).min(1).max(MAX_DRAG_ITEMS);

export interface DragEventLike extends SenderLike {
  sender: { startDrag(item: { file: string; files?: string[]; icon: NativeImage | string }): void };
}

export interface IpcMainOn {
  on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown;
}

export interface DragOutDeps {
  ipcMain: IpcMainOn;
  isTrustedSender(event: SenderLike): boolean;
  /** drag-cache's synchronous answer: files to drag now. */
  pathsForDrag(items: AssetRef[]): string[];
  icon(): NativeImage | string;
  log: Pick<Logger, 'warn'>;
}

/** The parts of nativeImage the drag icon needs. */
export interface NativeImageApi {
  createFromPath(path: string): NativeImage;
  createFromBitmap(buffer: Buffer, options: { width: number; height: number }): NativeImage;
}

const ICON_SIZE = 48;

/**
 * The image under the cursor: the app icon, small; if it cannot be read, a plain placeholder
 * square, since macOS refuses a drag with an empty image.
 */
export function createDragIcon(images: NativeImageApi, iconPath: string): NativeImage {
  const icon = images.createFromPath(iconPath);
  if (!icon.isEmpty()) return icon.resize({ width: ICON_SIZE, height: ICON_SIZE });
  // BGRA, mid grey, opaque.
  const pixels = Buffer.alloc(ICON_SIZE * ICON_SIZE * 4, 0x80);
  for (let i = 3; i < pixels.length; i += 4) pixels[i] = 0xff;
  return images.createFromBitmap(pixels, { width: ICON_SIZE, height: ICON_SIZE });
}

/** Handles one `drag:start`; exported for tests (bindDragOut registers it). */
export function handleDragStart(deps: Omit<DragOutDeps, 'ipcMain'>, event: DragEventLike, input: unknown): boolean {
  if (!deps.isTrustedSender(event)) return false;
  const parsed = DragItemsSchema.safeParse(input);
  if (!parsed.success) return false;
  const files = deps.pathsForDrag(parsed.data);
  const [file] = files;
  if (!file) return false;
  try {
    event.sender.startDrag({ file, files, icon: deps.icon() });
    return true;
  } catch (error) {
    deps.log.warn('Could not start dragging files out', error);
    return false;
  }
}

export function bindDragOut(deps: DragOutDeps): () => void {
  const listener = (event: IpcMainEvent, input: unknown): void => void handleDragStart(deps, event, input);
  deps.ipcMain.on(DRAG_START_CHANNEL, listener as (event: IpcMainEvent, ...args: unknown[]) => void);
  return () => deps.ipcMain.removeListener(DRAG_START_CHANNEL, listener as (event: IpcMainEvent, ...args: unknown[]) => void);
}
