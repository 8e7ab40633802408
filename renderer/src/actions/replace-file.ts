// Replace File…: new bytes for an existing file, which keeps its id. The file comes from main's
// own dialog (granted by main), a browser picker, or a drop — as a main-granted handle in
// Electron, or streamed to the web host's staging folder — and then runs in the upload queue.
import { AppError } from '../../../shared/app-error';
import { call } from '../ouro';

/** Queues the replacement of `id` with this File (dropped or picked in the page). */
export async function replaceWithFile(id: string, file: File): Promise<void> {
  if (window.ouro.grantFiles) {
    const granted = await window.ouro.grantFiles([file]);
    if (!granted.ok) throw new AppError(granted.error);
    const handle = granted.data[0];
    if (handle) {
      await call('files:replace-content', { id, granted: [handle.id], staged: [] });
      return;
    }
  }
  if (!window.ouro.stageFile) throw new AppError({ kind: 'file-unreadable', message: 'This file has no location on disk; save it to a file first.' });
  const staged = await window.ouro.stageFile(file, file.name);
  if (!staged.ok) throw new AppError(staged.error);
  await call('files:replace-content', { id, granted: [], staged: [staged.data.staged] });
}

/** The browser's own file picker (web host), resolved with the chosen File or null. */
function pickInPage(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.setAttribute('aria-label', 'Replacement file');
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/** Asks for the replacement (native dialog where there is one); false when the person cancelled. */
export async function chooseReplacement(id: string): Promise<boolean> {
  const chosen = await call('uploads:choose-files');
  if (chosen.supported) {
    const file = chosen.files[0];
    if (!file) return false;
    await call('files:replace-content', { id, granted: [file.id], staged: [] });
    return true;
  }
  const file = await pickInPage();
  if (!file) return false;
  await replaceWithFile(id, file);
  return true;
}
