// Which files in a sync folder are never uploaded: dotfiles and dot-folders, OS litter, editors'
// and browsers' partial files, and the person's own patterns for that folder (globs, picomatch).
import picomatch from 'picomatch';

/** Names that are never content: matched against a file's (or folder's) own name. */
const BUILT_IN = [
  '.*', // dotfiles and dot-folders (.git, .DS_Store, .~lock…)
  'Thumbs.db',
  'desktop.ini',
  '~$*', // Office's owner files
  '*.swp',
  '*.swx',
  '*.tmp',
  '*.crdownload',
  '*.part',
  '*.partial',
  '*.download',
  '*~', // editors' backups
];

export type IgnoreTest = (relativePath: string) => boolean;

/**
 * A test for paths relative to the folder ('/'-separated). A pattern without a slash matches a
 * name at any depth (`*.log`, `build`); one with a slash matches the relative path (`raw/**`).
 * Any ignored folder ignores everything under it.
 */
export function ignoreRules(patterns: readonly string[] = []): IgnoreTest {
  const nocase = process.platform === 'win32' || process.platform === 'darwin';
  const byName = picomatch([...BUILT_IN, ...patterns.filter((p) => !p.includes('/'))], { dot: true, nocase });
  const pathPatterns = patterns.filter((p) => p.includes('/')).map((p) => p.replace(/^\/+/, ''));
  const byPath = pathPatterns.length > 0 ? picomatch(pathPatterns, { dot: true, nocase }) : () => false;
  return (relativePath) => {
    const parts = relativePath.split('/');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part === undefined || part === '') continue;
      if (byName(part)) return true;
      if (byPath(parts.slice(0, i + 1).join('/'))) return true;
    }
    return false;
  };
}

/** A folder's own patterns as the person typed them: trimmed, no blanks, no comments, no repeats. */
export function cleanPatterns(patterns: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of patterns) {
    const pattern = raw.trim();
    if (pattern && !pattern.startsWith('#')) seen.add(pattern);
  }
  return [...seen];
}
