// Turns a drop, a paste or a file input into what `uploads:add` needs. In Electron the Files go
// to the preload, which has main grant their paths (the page never sees one) and hands back
// handles; main expands folders itself. In the web host there are no paths, so folders are walked
// here (webkitGetAsEntry) with the same hidden/system rules and each file's bytes are later
// streamed to the host's staging folder.
import type { GrantedFile } from '../../../shared/uploads';
import { skipReason, type SkippedCounts } from '../../../shared/upload-names';

export interface Selection {
  /** Files and folders main granted (Electron): handles, never paths. */
  granted: GrantedFile[];
  /** Files without a path, with the name to give each (web host; pasted images). */
  files: Array<{ file: File; name: string }>;
  /** Display names, for the confirm sheet. */
  names: string[];
  skipped: SkippedCounts;
}

export function emptySelection(): Selection {
  return { granted: [], files: [], names: [], skipped: { hidden: 0, system: 0 } };
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const out: FileSystemEntry[] = [];
    // readEntries returns at most ~100 entries per call; keep asking until it returns none.
    const next = (): void =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(out);
        else {
          out.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, inside: boolean, into: Selection): Promise<void> {
  if (inside) {
    const skip = skipReason(entry.name);
    if (skip) {
      into.skipped[skip]++;
      return;
    }
  }
  if (entry.isDirectory) {
    const children = await readAll((entry as FileSystemDirectoryEntry).createReader());
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) await walk(child, true, into);
    return;
  }
  const file = await fileOf(entry as FileSystemFileEntry);
  into.files.push({ file, name: entry.name });
  into.names.push(entry.name);
}

/**
 * Reads a DataTransfer. Must be called synchronously inside the event handler: the browser
 * empties the DataTransfer when the handler returns, so entries are taken first, walked later.
 */
export function takeTransfer(transfer: DataTransfer | null): () => Promise<Selection> {
  const files = Array.from(transfer?.files ?? []);
  const items = Array.from(transfer?.items ?? []).filter((item) => item.kind === 'file');
  const entries = items.map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null));
  return async () => {
    if (window.ouro.grantFiles) return grantOrStage(files);
    const selection = emptySelection();
    if (entries.some((e) => e !== null)) {
      for (const [index, entry] of entries.entries()) {
        if (entry) await walk(entry, false, selection);
        else {
          const file = items[index]?.getAsFile() ?? files[index];
          if (file) {
            selection.files.push({ file, name: file.name });
            selection.names.push(file.name);
          }
        }
      }
      return selection;
    }
    for (const file of files) {
      selection.files.push({ file, name: file.name });
      selection.names.push(file.name);
    }
    return selection;
  };
}

/**
 * Electron: main grants the Files that have a path on disk; the rest (a pasted image, a file
 * dragged from a web page) keep their bytes, to be staged.
 */
export async function grantOrStage(files: File[]): Promise<Selection> {
  const selection = emptySelection();
  const grant = window.ouro.grantFiles;
  const result = grant ? await grant(files) : null;
  if (result && !result.ok) throw new Error(result.error.message);
  files.forEach((file, index) => {
    const granted = result?.ok ? result.data[index] : null;
    if (granted) {
      selection.granted.push(granted);
      selection.names.push(granted.name);
    } else {
      selection.files.push({ file, name: file.name || 'pasted-file' });
      selection.names.push(file.name || 'pasted-file');
    }
  });
  return selection;
}

/** A pasted image arrives as `image.png`; give it a name that says when it was pasted. */
export function pastedName(file: File, now = new Date()): string {
  if (file.name && file.name !== 'image.png') return file.name;
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const ext = file.type.split('/')[1]?.split('+')[0] ?? 'png';
  return `Pasted image ${stamp}.${ext}`;
}

export function allTabular(names: readonly string[]): boolean {
  return names.length > 0 && names.every((n) => /\.(csv|tsv)$/i.test(n));
}
