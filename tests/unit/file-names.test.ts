// One normalisation for every file name: NFC, no bidi or control characters, no path, at most
// 255 UTF-8 bytes with the extension kept.
import { describe, expect, it } from 'vitest';
import { normaliseFileName, utf8Bytes } from '../../shared/file-names';
import { safeFileName } from '../../electron/browse/save-download';

describe('normaliseFileName', () => {
  it('removes bidi overrides, isolates, marks and control characters', () => {
    expect(normaliseFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(normaliseFileName('\u2066a\u2069b\u200Fc\u061C.txt')).toBe('abc.txt');
    expect(normaliseFileName('a\u0000b\nc\u0085d\u007f.txt')).toBe('abcd.txt');
    expect(normaliseFileName('zero\u200Bwidth\uFEFF.md')).toBe('zerowidth.md');
  });

  it('is NFC, and a lone surrogate becomes U+FFFD instead of breaking encoders', () => {
    expect(normaliseFileName('Cafe\u0301.txt')).toBe('Caf\u00e9.txt');
    const fixed = normaliseFileName('bad\ud800name.txt');
    expect(fixed).toBe('bad\ufffdname.txt');
    expect(() => encodeURIComponent(fixed)).not.toThrow();
  });

  it('keeps one path segment and never . or ..', () => {
    expect(normaliseFileName('../../etc/passwd')).toBe('passwd');
    expect(normaliseFileName('..')).toBe('file');
    expect(normaliseFileName('   ')).toBe('file');
    expect(normaliseFileName('trailing dots... ')).toBe('trailing dots');
  });

  it('cuts to 255 UTF-8 bytes, keeping the extension and whole characters', () => {
    const ascii = `${'a'.repeat(300)}.csv`;
    expect(normaliseFileName(ascii)).toBe(`${'a'.repeat(251)}.csv`);
    const emoji = `${'😀'.repeat(100)}.png`; // 4 bytes each
    const cut = normaliseFileName(emoji);
    expect(cut.endsWith('.png')).toBe(true);
    expect(utf8Bytes(cut)).toBeLessThanOrEqual(255);
    expect(cut).toBe(`${'😀'.repeat(62)}.png`);
    // A "long extension" is just part of the name.
    const longTail = `notes.${'x'.repeat(300)}`;
    expect(utf8Bytes(normaliseFileName(longTail))).toBe(255);
  });

  it('download names follow the same rules and lose characters no OS allows', () => {
    expect(safeFileName('report\u202Efdp.exe')).toBe('reportfdp.exe');
    expect(safeFileName('a/b:c?.txt')).toBe('a_b_c_.txt');
    expect(safeFileName('..hidden')).toBe('hidden');
    expect(safeFileName(`${'b'.repeat(300)}.xlsx`).endsWith('.xlsx')).toBe(true);
    expect(safeFileName('')).toBe('download');
  });
});
