// One rule for every file name the app shows, uploads or saves, whoever supplied it (a dropped
// file, the page, Ouro): Unicode NFC, no bidi or other control characters (U+202E can make
// "evil‮txt.exe" read as "evilexe.txt"), no path separators, and at most 255 UTF-8 bytes with the
// extension kept. Pure string code, so main and the renderer agree. (A backslash is an ordinary
// character in a POSIX file name, so only `/` separates; names saved to disk also lose `\`, see
// browse/save-download.ts.)

/** The most bytes a name may take in UTF-8: the limit of ext4, APFS, NTFS (in UTF-16 units) and Ouro's names. */
export const MAX_NAME_BYTES = 255;
/** Longer "extensions" are just part of the name (e.g. "notes.about-the-trip-to-the-coast"). */
const MAX_EXTENSION_BYTES = 32;

// C0 and C1 controls and DEL; the bidi embeddings, overrides and isolates (U+202A–U+202E,
// U+2066–U+2069), the implicit marks (U+200E, U+200F, U+061C); and the invisible characters that
// hide in names without meaning anything: zero-width space/joiners, word joiner, BOM.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** Cuts `text` to at most `max` UTF-8 bytes without splitting a character (or a surrogate pair). */
export function cutToBytes(text: string, max: number): string {
  if (utf8Bytes(text) <= max) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = utf8Bytes(char);
    if (used + size > max) break;
    out += char;
    used += size;
  }
  return out;
}

/**
 * A display- and disk-safe version of `raw`: its last path segment, normalised as above, with
 * trailing dots and spaces removed (Windows drops them silently). Never empty, never `.` or `..`.
 */
export function normaliseFileName(raw: string, fallback = 'file'): string {
  const lastSegment = raw.split('/').pop() ?? '';
  const clean = lastSegment
    // A lone surrogate becomes U+FFFD instead of breaking encodeURIComponent or encoders later.
    .replace(LONE_SURROGATE, '\ufffd')
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .trim()
    .replace(/[. ]+$/, '');
  if (!clean || clean === '.' || clean === '..') return fallback;
  if (utf8Bytes(clean) <= MAX_NAME_BYTES) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 ? clean.slice(dot) : '';
  if (extension && utf8Bytes(extension) <= MAX_EXTENSION_BYTES) {
    return cutToBytes(clean.slice(0, dot), MAX_NAME_BYTES - utf8Bytes(extension)).trimEnd() + extension;
  }
  return cutToBytes(clean, MAX_NAME_BYTES).trimEnd();
}
