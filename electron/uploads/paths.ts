// Paths to upload, each re-validated here (granted, exists, regular file, readable, not a symlink
// loop, within the size limit) with folders expanded recursively, skipping hidden and system
// files. Every file is checked by its real path (links resolved) against what main was granted,
// so a link inside a dropped folder cannot lead elsewhere. Every rejected file gets its reason.
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { normaliseFileName } from '../../shared/file-names';
import { formatBytes } from '../../shared/format-bytes';
import { skipReason, type SkippedCounts } from '../../shared/upload-names';
import type { RejectedFile } from '../../shared/uploads';

export interface AcceptedFile {
  path: string;
  name: string;
  size: number;
}

export interface ValidatedPaths {
  files: AcceptedFile[];
  rejected: RejectedFile[];
  skipped: SkippedCounts;
}

export interface ValidateOptions {
  maxFileBytes: number;
  /** Whether main was given this real path (path-grants.ts). Required: nothing is read unasked. */
  allowed(realPath: string): boolean;
  /** Stop expanding after this many files (a dropped home folder must not hang the app). */
  maxFiles?: number;
  /** Throws when the file cannot be read. A seam so tests can simulate it even as root. */
  checkReadable?: (file: string) => Promise<void>;
}

/** Opening for reading is the honest test: permissions, ACLs and sandboxes all answer it. */
async function openForReading(file: string): Promise<void> {
  const handle = await open(file, 'r');
  await handle.close();
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}


export async function validatePaths(paths: readonly string[], options: ValidateOptions): Promise<ValidatedPaths> {
  const out: ValidatedPaths = { files: [], rejected: [], skipped: { hidden: 0, system: 0 } };
  const maxFiles = options.maxFiles ?? 10_000;
  // Folders already walked (by real path): a symlink back up the tree must not loop forever.
  const visited = new Set<string>();

  const reject = (file: string, reason: RejectedFile['reason'], message: string): void => {
    out.rejected.push({ name: normaliseFileName(path.basename(file) || file), reason, message });
  };
  const notGranted = (file: string): void =>
    reject(file, 'not-granted', 'The app was not given this file: drop it on the window or choose it with Upload files… (a link inside a dropped folder may not lead outside it).');

  async function visit(file: string, insideFolder: boolean): Promise<void> {
    if (out.files.length >= maxFiles) return;
    if (insideFolder) {
      const skip = skipReason(path.basename(file));
      if (skip) {
        out.skipped[skip]++;
        return;
      }
    }
    let info;
    let real: string;
    try {
      const link = await lstat(file);
      // stat follows links: a loop (ELOOP) or a dangling link fails here.
      info = link.isSymbolicLink() ? await stat(file) : link;
      real = await realpath(file);
    } catch (error) {
      const code = codeOf(error);
      // Whether something exists is itself worth knowing: only say so inside what was granted.
      if (!options.allowed(path.resolve(file))) return notGranted(file);
      if (code === 'ELOOP') return reject(file, 'symlink-loop', 'It is a symbolic link that points back to itself.');
      if (code === 'ENOENT' || code === 'ENOTDIR') return reject(file, 'vanished', 'It was moved or deleted before it could be uploaded.');
      if (code === 'EACCES' || code === 'EPERM') return reject(file, 'unreadable', 'You do not have permission to read it.');
      return reject(file, 'unreadable', `It could not be read (${code ?? 'unknown error'}).`);
    }
    if (!options.allowed(real)) return notGranted(file);
    if (info.isDirectory()) {
      if (visited.has(real)) return;
      visited.add(real);
      let entries: string[];
      try {
        entries = (await readdir(file)).sort((a, b) => a.localeCompare(b));
      } catch (error) {
        const code = codeOf(error);
        return reject(file, code === 'ENOENT' ? 'vanished' : 'unreadable', code === 'ENOENT' ? 'The folder was moved or deleted.' : 'The folder could not be read.');
      }
      for (const entry of entries) await visit(path.join(file, entry), true);
      return;
    }
    if (!info.isFile()) return reject(file, 'special', 'It is a device, socket or pipe, not a regular file.');
    if (info.size > options.maxFileBytes) {
      return reject(file, 'too-large', `It is ${formatBytes(info.size, { binary: true })}, over the ${formatBytes(options.maxFileBytes, { binary: true })} limit set for uploads.`);
    }
    try {
      await (options.checkReadable ?? openForReading)(real);
    } catch {
      return reject(file, 'unreadable', 'You do not have permission to read it.');
    }
    // The real path is what gets read later: the checked file, not whatever a link points to then.
    out.files.push({ path: real, name: normaliseFileName(path.basename(file)), size: info.size });
  }

  for (const raw of paths) {
    if (!path.isAbsolute(raw)) {
      reject(raw, 'vanished', 'The path is not absolute.');
      continue;
    }
    await visit(path.normalize(raw), false);
  }
  return out;
}
