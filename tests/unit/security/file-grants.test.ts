// Granting dropped files: the preload sends main only the paths of Files that have one (a File
// page script builds has none), over a private channel the page cannot name, and main checks
// the sender and the shape before granting.
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { bindGrantChannel, GRANT_FILES_CHANNEL } from '../../../electron/security/grant-channel';
import { createPathGrants } from '../../../electron/security/path-grants';
import { createGrantFiles } from '../../../electron/security/preload-file-grants';
import { isChannel } from '../../../shared/contract-names';
import { ok } from '../../../shared/ipc-result';

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'ouro-file-grants-')));
const real = path.join(root, 'report.pdf');
writeFileSync(real, 'pdf');

/** Stands in for webUtils.getPathForFile: only Files the OS handed over have a path. */
const fromDisk = new WeakMap<File, string>();
const droppedFile = (file: string) => {
  const f = new File(['x'], path.basename(file));
  fromDisk.set(f, file);
  return f;
};
const getPathForFile = (file: File) => fromDisk.get(file) ?? '';

describe('the preload side', () => {
  it('sends main only the paths of real dropped Files; a File built by page script gets nothing', async () => {
    const sent: string[][] = [];
    const grantFiles = createGrantFiles({
      getPathForFile,
      invoke: async (paths) => {
        sent.push(paths);
        return ok(paths.map((p, i) => ({ id: `id-${i}`, name: path.basename(p) })));
      },
      maxFiles: 10,
    });
    const forged = new File(['root:x:0:0'], '/etc/passwd');
    const notAFile = { name: 'passwd', path: '/etc/passwd' } as unknown as File;
    const result = await grantFiles([forged, droppedFile(real), notAFile]);
    expect(sent).toEqual([[real]]);
    expect(result).toEqual({ ok: true, data: [null, { id: 'id-0', name: 'report.pdf' }, null] });
  });

  it('sends nothing at all when no File has a path, and refuses oversized batches', async () => {
    let calls = 0;
    const grantFiles = createGrantFiles({ getPathForFile, invoke: async () => (calls++, ok([])), maxFiles: 2 });
    expect(await grantFiles([new File(['a'], 'a.txt')])).toEqual({ ok: true, data: [null] });
    expect(calls).toBe(0);
    expect(await grantFiles([new File([''], 'a'), new File([''], 'b'), new File([''], 'c')])).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    const throwing = createGrantFiles({ getPathForFile: () => { throw new TypeError('not a File'); }, invoke: async () => (calls++, ok([])), maxFiles: 2 });
    expect(await throwing([new File(['a'], 'a')])).toEqual({ ok: true, data: [null] });
    expect(calls).toBe(0);
  });

  it('the private channel is not a contract channel: window.ouro.invoke refuses its name', () => {
    expect(isChannel(GRANT_FILES_CHANNEL)).toBe(false);
  });
});

describe('the main side', () => {
  function fakeIpc() {
    const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
    return { handlers, handle: (channel: string, fn: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) => void handlers.set(channel, fn), removeHandler: (channel: string) => void handlers.delete(channel) };
  }
  const event = (url: string) => ({ senderFrame: { url, parent: null } }) as unknown as IpcMainInvokeEvent;

  it('grants for the app page only, and only an array of paths', async () => {
    const ipc = fakeIpc();
    const grants = createPathGrants();
    const trusted = (e: IpcMainInvokeEvent) => e.senderFrame?.url.startsWith('app://ouro/') ?? false;
    const unbind = bindGrantChannel(ipc, grants, trusted);
    const handler = ipc.handlers.get(GRANT_FILES_CHANNEL);
    expect(await handler?.(event('https://evil.example/'), [real])).toMatchObject({ ok: false, error: { kind: 'untrusted-sender' } });
    expect(grants.allows(real)).toBe(false);
    expect(await handler?.(event('app://ouro/index.html'), '/etc/passwd')).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    const result = (await handler?.(event('app://ouro/index.html'), [real])) as { ok: true; data: Array<{ id: string }> };
    expect(result.ok).toBe(true);
    expect(grants.allows(real)).toBe(true);
    unbind();
    expect(ipc.handlers.size).toBe(0);
  });
});
