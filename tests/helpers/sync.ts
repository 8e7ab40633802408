// Sync-folder test helpers: services whose folder chooser answers with a given folder, waiting on
// a folder's status, and reading what the stand-in holds for an asset (its name and bytes).
import type { MainServices } from '../../electron/services';
import type { SyncFolderView } from '../../shared/sync';
import type { StandIn } from '../stand-in/index';

/** What the "Sync a folder" sheet does: main's chooser, then `sync:add` with its handle. */
export async function addSyncFolder(services: MainServices, existing: 'upload' | 'skip' = 'upload'): Promise<SyncFolderView> {
  const chosen = await services.handlers['sync:choose-folder'](undefined, { host: 'web' });
  if (!chosen.supported || !chosen.folder) throw new Error('the chooser gave no folder');
  return services.handlers['sync:add']({ handle: chosen.folder.handle, destination: { visibility: 'private' }, existing }, { host: 'web' });
}

export function folderView(services: MainServices, id?: string): SyncFolderView | undefined {
  const folders = services.sync.list().folders;
  return id ? folders.find((f) => f.id === id) : folders[0];
}

/** Waits until the folder is up to date and `check` holds (status and activity come from main's own view). */
export async function waitForFolder(services: MainServices, check: (view: SyncFolderView) => boolean, timeoutMs = 15_000): Promise<SyncFolderView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = folderView(services);
    if (view && check(view)) return view;
    if (Date.now() > deadline) throw new Error(`sync folder never got there: ${JSON.stringify(view?.status)} ${JSON.stringify(view?.activity)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function token(standIn: StandIn): Promise<string> {
  const answer = await fetch(`${standIn.url}/users/get-token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ pat: standIn.apiKey }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  return answer.access_token;
}

/** The file as the stand-in has it now: its name, and its bytes through the download endpoint. */
export async function standInFile(standIn: StandIn, assetId: string): Promise<{ name: string; bytes: Buffer }> {
  const auth = await token(standIn);
  const meta = await fetch(`${standIn.url}/files/${assetId}`, { headers: { Authorization: auth } }).then((r) => r.json() as Promise<{ data: { name: string } }>);
  const response = await fetch(`${standIn.url}/assets/${assetId}/download`, { method: 'POST', headers: { Authorization: auth } });
  if (!response.ok) throw new Error(`stand-in download failed: ${response.status}`);
  return { name: meta.data.name, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Requests the stand-in logged that create, replace, rename or delete files. */
export function fileWrites(standIn: StandIn): string[] {
  return standIn.log
    .filter((e) => e.method !== 'GET' && /^\/files(\/|$)/.test(e.path) && e.status < 400)
    .map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/g, ':id')}`);
}
