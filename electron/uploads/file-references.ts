// The one place the page's file references become files main will read: `uploads:add` and
// `files:replace-content` both come through here. The page never names a path: it holds handles
// of paths main granted (dropped, pasted or picked in main's own dialog; security/path-grants.ts)
// and tokens of bytes main staged for the signed-in account (staging.ts). Every path, and every
// file found inside a granted folder, is checked again by its real path against the grants.
import type { RejectedFile } from '../../shared/uploads';
import type { PathGrants } from '../security/path-grants';
import { validatePaths, type AcceptedFile, type ValidatedPaths } from './paths';
import type { Staging } from './staging';

/** What the page hands over: grant handles and staging tokens, never paths. */
export interface FileReferences {
  granted: readonly string[];
  staged: readonly string[];
}

export interface ResolvedFile extends AcceptedFile {
  /** A copy in the staging folder: deleted once its upload is finished. */
  staged: boolean;
}

export interface ResolvedFiles {
  files: ResolvedFile[];
  rejected: RejectedFile[];
  skipped: ValidatedPaths['skipped'];
}

export interface FileResolverDeps {
  grants: PathGrants;
  staging: Staging;
  maxFileBytes: number;
}

export type ResolveFiles = (references: FileReferences, account: string) => Promise<ResolvedFiles>;

export function createFileResolver(deps: FileResolverDeps): ResolveFiles {
  /** Staged copies, claimed for `account` (only its own, only once) and still regular files. */
  async function claimStaged(tokens: readonly string[], account: string, rejected: RejectedFile[]): Promise<ResolvedFile[]> {
    const files: ResolvedFile[] = [];
    for (const token of tokens) {
      const staged = await deps.staging.claim(token, account);
      if (!staged) {
        rejected.push({ name: 'A dropped file', reason: 'not-staged', message: 'Its bytes never reached the app (or were for another account); drop it again.' });
        continue;
      }
      if (staged.size > deps.maxFileBytes) {
        await deps.staging.remove(staged.path);
        rejected.push({ name: staged.name, reason: 'too-large', message: 'It is over the limit set for uploads.' });
        continue;
      }
      files.push({ path: staged.path, name: staged.name, size: staged.size, staged: true });
    }
    return files;
  }

  return async (references, account) => {
    const rejected: RejectedFile[] = [];
    const { paths, unknown } = deps.grants.resolve(references.granted);
    if (unknown > 0) {
      rejected.push({
        name: unknown === 1 ? 'A file' : `${unknown} files`,
        reason: 'not-granted',
        message: 'The app was not given them: drop them on the window or choose them with Upload files…',
      });
    }
    const staged = await claimStaged(references.staged, account, rejected);
    // Every path, and every file found inside a folder, must be within what main was given.
    const checked = await validatePaths(paths, { maxFileBytes: deps.maxFileBytes, allowed: (real) => deps.grants.allows(real) });
    rejected.push(...checked.rejected);
    return { files: [...checked.files.map((file) => ({ ...file, staged: false })), ...staged], rejected, skipped: checked.skipped };
  };
}
