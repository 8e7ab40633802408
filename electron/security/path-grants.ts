// The local paths main may read for uploads. Only main grants them: a native dialog's picks, or
// the paths the preload read from real dropped/pasted File objects. The page only ever holds
// opaque handles. A folder grants its subtree; every check resolves symbolic links first, so a
// link inside a granted folder cannot lead out of it.
import { randomUUID } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { normaliseFileName } from '../../shared/file-names';
import type { GrantedFile } from '../../shared/uploads';

/** Plenty for a drop of a few folders; the oldest grants go first beyond it. */
const MAX_GRANTS = 10_000;
const MAX_PATH_LENGTH = 4096;

interface Grant {
  /** The granted path with links resolved, when it was granted. */
  real: string;
  folder: boolean;
}

export interface PathGrants {
  /**
   * Grants absolute paths (main's own callers only: the dialog, the preload's private channel).
   * One handle per path, or null for a path that is not absolute or no longer exists.
   */
  grant(paths: readonly unknown[]): Promise<Array<GrantedFile | null>>;
  /** The granted paths behind handles; `unknown` counts handles main never issued. */
  resolve(handles: readonly string[]): { paths: string[]; unknown: number };
  /** True when `real` (links already resolved) is a granted file or inside a granted folder. */
  allows(real: string): boolean;
  /** Sign-out: forget every grant. */
  clear(): void;
}

export function createPathGrants(): PathGrants {
  const handles = new Map<string, Grant>();
  // Granted real paths with how many handles name each, so a check is a lookup per ancestor
  // folder rather than a scan of every grant (10,000 dropped files meet 10,000 grants).
  const files = new Map<string, number>();
  const folders = new Map<string, number>();
  const count = (grant: Grant, by: 1 | -1) => {
    const set = grant.folder ? folders : files;
    const next = (set.get(grant.real) ?? 0) + by;
    if (next > 0) set.set(grant.real, next);
    else set.delete(grant.real);
  };

  return {
    async grant(paths) {
      const out: Array<GrantedFile | null> = [];
      for (const raw of paths) {
        if (typeof raw !== 'string' || raw.length > MAX_PATH_LENGTH || !path.isAbsolute(raw)) {
          out.push(null);
          continue;
        }
        try {
          const real = await realpath(raw);
          const info = await stat(real);
          const id = randomUUID();
          const grant = { real, folder: info.isDirectory() };
          handles.set(id, grant);
          count(grant, 1);
          out.push({ id, name: normaliseFileName(path.basename(path.normalize(raw))) });
        } catch {
          out.push(null);
        }
      }
      // Map keeps insertion order: the oldest grants are the first keys.
      for (const oldest of handles.keys()) {
        if (handles.size <= MAX_GRANTS) break;
        const grant = handles.get(oldest);
        if (grant) count(grant, -1);
        handles.delete(oldest);
      }
      return out;
    },
    resolve(ids) {
      const paths: string[] = [];
      let unknown = 0;
      for (const id of ids) {
        const grant = handles.get(id);
        if (grant) paths.push(grant.real);
        else unknown++;
      }
      return { paths, unknown };
    },
    allows(real) {
      if (!path.isAbsolute(real)) return false;
      const target = path.normalize(real);
      if (files.has(target)) return true;
      for (let dir = target; ; dir = path.dirname(dir)) {
        if (folders.has(dir)) return true;
        if (path.dirname(dir) === dir) return false;
      }
    },
    clear() {
      handles.clear();
      files.clear();
      folders.clear();
    },
  };
}
