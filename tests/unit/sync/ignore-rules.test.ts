import { describe, expect, it } from 'vitest';
import { cleanPatterns, ignoreRules } from '../../../electron/sync/ignore-rules';

describe('sync ignore rules', () => {
  const ignored = ignoreRules(['*.log', 'raw/**', 'build']);

  it('ignores dotfiles, OS litter and partial files at any depth', () => {
    for (const rel of ['.DS_Store', 'a/.DS_Store', 'Thumbs.db', 'x/desktop.ini', '~$report.docx', 'notes.txt.swp', 'a.tmp', 'v.mp4.crdownload', 'iso.part', '.git/HEAD', 'deep/.cache/x', 'draft.txt~']) {
      expect(ignored(rel), rel).toBe(true);
    }
  });

  it("applies the folder's own patterns: names anywhere, paths from the folder, folders and all under them", () => {
    expect(ignored('run.log')).toBe(true);
    expect(ignored('a/b/run.log')).toBe(true);
    expect(ignored('raw/scan-1.tif')).toBe(true);
    expect(ignored('build/out.bin')).toBe(true);
    expect(ignored('other/raw/scan-1.tif')).toBe(false);
  });

  it('keeps ordinary files', () => {
    for (const rel of ['report.pdf', 'data/run-1.csv', 'logbook.txt', 'temp/notes.md', 'partial-results.csv']) expect(ignored(rel), rel).toBe(false);
  });

  it('cleans what the person typed', () => {
    expect(cleanPatterns([' *.log ', '', '# comment', '*.log', 'raw/**'])).toEqual(['*.log', 'raw/**']);
  });
});
