// Which names a folder upload leaves out, shared so main (Electron: it walks dropped folders) and
// the renderer (web host: the page walks them) skip exactly the same files.

/** Files operating systems and tools scatter around that nobody means to upload. */
const SYSTEM_NAMES = new Set(['thumbs.db', 'ehthumbs.db', 'desktop.ini', '$recycle.bin', 'system volume information', '__macosx', 'icon\r']);

export type SkipReason = 'hidden' | 'system';

/** Why a file or folder found inside a dropped folder is skipped, or null to keep it. */
export function skipReason(name: string): SkipReason | null {
  const lower = name.toLowerCase();
  // .DS_Store, ._resource-forks and .git are all dot-files: the system ones count as system.
  if (lower === '.ds_store' || lower.startsWith('._') || SYSTEM_NAMES.has(lower) || lower.startsWith('~$')) return 'system';
  if (name.startsWith('.')) return 'hidden';
  return null;
}

export interface SkippedCounts {
  hidden: number;
  system: number;
}
