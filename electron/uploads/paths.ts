// Paths from the renderer are untrusted: each is re-validated here (exists, regular file,
// readable, not a symlink loop, within the size limit) and folders are expanded recursively,
// skipping hidden and system files. Every rejected file gets its own reason.
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
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
    out.rejected.push({ name: path.basename(file) || file, reason, message });
  };

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
    try {
      const link = await lstat(file);
      // stat follows links: a loop (ELOOP) or a dangling link fails here.
      info = link.isSymbolicLink() ? await stat(file) : link;
    } catch (error) {
      const code = codeOf(error);
      if (code === 'ELOOP') return reject(file, 'symlink-loop', 'It is a symbolic link that points back to itself.');
      if (code === 'ENOENT' || code === 'ENOTDIR') return reject(file, 'vanished', 'It was moved or deleted before it could be uploaded.');
      if (code === 'EACCES' || code === 'EPERM') return reject(file, 'unreadable', 'You do not have permission to read it.');
      return reject(file, 'unreadable', `It could not be read (${code ?? 'unknown error'}).`);
    }
    if (info.isDirectory()) {
      let real: string;
      try {
        real = await realpath(file);
      } catch {
        return reject(file, 'vanished', 'It was moved or deleted before it could be uploaded.');
      }
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
      await (options.checkReadable ?? openForReading)(file);
    } catch {
      return reject(file, 'unreadable', 'You do not have permission to read it.');
    }
    out.files.push({ path: file, name: path.basename(file), size: info.size });
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
