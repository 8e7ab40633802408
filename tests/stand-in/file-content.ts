// File bytes and what the server derives from them: MIME types, sizes, PNG dimensions and CSV
// previews (the `/files/{id}/metadata` answer), plus streaming the bytes back out.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { FileContent } from './model';
import { pngDimensions } from './png';

const MIME_BY_EXTENSION: Record<string, string> = {
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  txt: 'text/plain',
  md: 'text/markdown',
  json: 'application/json',
  py: 'text/x-python',
  js: 'text/javascript',
  ts: 'text/typescript',
  html: 'text/html',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  cif: 'chemical/x-cif',
  xyz: 'chemical/x-xyz',
  zip: 'application/zip',
  bin: 'application/octet-stream',
};

/** The name's extension, lowercase without the dot; '' when it has none. */
export function rawExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0 || dot === fileName.length - 1) return '';
  return fileName.slice(dot + 1).toLowerCase();
}

export function extensionOf(fileName: string): string {
  return rawExtension(fileName) || 'bin';
}

export function mimeForExtension(extension: string): string {
  return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

/** Coarse category used by the `file_type` metadata filter. */
export function fileTypeOf(mime: string): string | null {
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime === 'application/pdf') return 'pdf';
  return null;
}

export function contentSize(content: FileContent): number {
  return content.kind === 'buffer' ? content.bytes.length : content.size;
}

export function openContent(content: FileContent): Readable {
  switch (content.kind) {
    case 'buffer':
      return Readable.from([content.bytes]);
    case 'generated':
      return Readable.from([content.generate()]);
    case 'disk':
      return createReadStream(content.path, { highWaterMark: 1 << 20 });
  }
}

/** The first `max` bytes without reading the whole file. */
export async function readHead(content: FileContent, max: number): Promise<Buffer> {
  if (content.kind === 'buffer') return content.bytes.subarray(0, max);
  if (content.kind === 'generated') return content.generate().subarray(0, max);
  const handle = await open(content.path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(max, content.size));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Parses one CSV line with quotes ("" escapes); good enough for previews. */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** First rows of a CSV as objects of strings (what Ouro stores in a CSV file's `preview`). */
export function csvPreview(head: Buffer, maxRows = 12): Record<string, string>[] {
  const lines = head.toString('utf8').split(/\r?\n/);
  // The last line may be cut off by the head limit; drop it unless the head was the whole file.
  const header = lines.shift();
  if (!header) return [];
  const columns = parseCsvLine(header);
  const rows: Record<string, string>[] = [];
  for (const line of lines.slice(0, maxRows)) {
    if (!line.trim()) continue;
    const cells = parseCsvLine(line);
    const row: Record<string, string> = {};
    columns.forEach((c, i) => (row[c] = cells[i] ?? ''));
    rows.push(row);
  }
  return rows;
}

export interface DerivedMetadata {
  metadata: Record<string, unknown>;
  preview: Record<string, string>[] | null;
}

/** What `/files/{id}/metadata` reports, computed from the stored bytes. */
export async function deriveMetadata(
  fileName: string,
  contentType: string | null,
  content: FileContent,
): Promise<DerivedMetadata> {
  const extension = extensionOf(fileName);
  const type = contentType && contentType !== 'application/octet-stream' ? contentType : mimeForExtension(extension);
  const size = contentSize(content);
  const metadata: Record<string, unknown> = { type, mimeType: type, extension, size };
  let preview: Record<string, string>[] | null = null;
  if (extension === 'png' || type === 'image/png') {
    const dims = pngDimensions(await readHead(content, 32));
    if (dims) Object.assign(metadata, dims);
  }
  if (extension === 'csv') {
    const head = await readHead(content, 64 * 1024);
    const lines = head.toString('utf8').split(/\r?\n/);
    if (head.length < size) lines.pop();
    preview = csvPreview(Buffer.from(lines.join('\n'), 'utf8'));
  }
  return { metadata, preview };
}
