// Builds the preview shown in a file's details: an image as a data URL (the CSP allows data:
// images, never remote ones), the first 64 KiB of a text or code file, or a CSV's preview rows.
// Bytes come from the storage URL Ouro hands out, read only as far as the preview needs.
import type { FilePreview } from '../../shared/browse';
import type { OuroFile } from '../ouro/models';
import type { OuroClient } from '../ouro/client';
import { text } from './rows';

export const TEXT_PREVIEW_BYTES = 64 * 1024;
export const IMAGE_PREVIEW_MAX_BYTES = 10 * 1024 * 1024;
const PREVIEW_TIMEOUT_MS = 30_000;

const imageTypes: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  avif: 'image/avif',
};

const textExtensions = new Set(
  ('txt md markdown json jsonl ndjson csv tsv xml yaml yml toml ini cfg conf log sh bash zsh py ipynb js mjs cjs ts tsx jsx ' +
    'c h cc cpp hpp rs go java kt swift rb php pl r jl m sql css scss html htm tex bib cif xyz pdb mol sdf gro lammps in out')
    .split(' '),
);

export function previewKind(extension: string | null, mimeType: string | null): 'image' | 'csv' | 'text' | null {
  const ext = extension?.toLowerCase() ?? '';
  if (ext in imageTypes || (mimeType?.startsWith('image/') && mimeType !== 'image/svg+xml')) return 'image';
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  if (textExtensions.has(ext) || mimeType?.startsWith('text/') || mimeType === 'application/json') return 'text';
  return null;
}

/** Reads at most `limit` bytes of a response body, then stops the transfer. */
export async function readPrefix(response: Response, limit: number): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { bytes: new Uint8Array(), complete: true };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: concat(chunks, size), complete: true };
    chunks.push(value);
    size += value.length;
    if (size >= limit) {
      await reader.cancel().catch(() => {});
      return { bytes: concat(chunks, size).subarray(0, limit), complete: false };
    }
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function csvPreview(file: OuroFile): FilePreview | null {
  const rows = Array.isArray(file.preview) ? (file.preview as unknown[]).filter((r): r is Record<string, unknown> => !!r && typeof r === 'object') : [];
  if (rows.length === 0) return null;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
  return { kind: 'csv', columns, rows: rows.slice(0, 100).map((row) => columns.map((c) => cell(row[c]))) };
}

/** What a file's record says about its content: enough to choose a preview or a thumbnail. */
export function contentFacts(file: OuroFile) {
  const name = text(file.name) ?? '';
  const extension = text(file.metadata?.extension) ?? (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? null);
  const mimeType = text(file.metadata?.type) ?? text(file.metadata?.mimeType);
  const size = typeof file.metadata?.size === 'number' ? file.metadata.size : null;
  return { extension, mimeType, size, kind: previewKind(extension, mimeType) };
}

export async function buildFilePreview(client: OuroClient, fetchImpl: typeof fetch, file: OuroFile): Promise<FilePreview> {
  const { extension, mimeType, size, kind } = contentFacts(file);
  if (kind === 'csv') {
    const rows = csvPreview(file);
    if (rows) return rows;
  }
  if (!kind) return { kind: 'none', reason: `No preview for ${extension ? `.${extension} files` : 'this kind of file'}.` };
  if (kind === 'image' && size !== null && size > IMAGE_PREVIEW_MAX_BYTES) {
    return { kind: 'none', reason: 'This image is too large to preview. Download it to view it.' };
  }

  // A signed URL may be short-lived, so it is asked for each time rather than cached.
  const url = await client.files.contentUrl(file.id);
  const limit = kind === 'image' ? IMAGE_PREVIEW_MAX_BYTES + 1 : TEXT_PREVIEW_BYTES;
  const response = await fetchImpl(url, {
    signal: AbortSignal.timeout(PREVIEW_TIMEOUT_MS),
    // Storage servers generally honour ranges; if not, readPrefix stops reading at the limit.
    headers: kind === 'image' ? {} : { Range: `bytes=0-${TEXT_PREVIEW_BYTES - 1}` },
  });
  if (!response.ok && response.status !== 206) {
    await response.body?.cancel().catch(() => {});
    return { kind: 'none', reason: `The preview could not be loaded (HTTP ${response.status}).` };
  }
  const { bytes, complete } = await readPrefix(response, limit);
  if (kind === 'image') {
    if (!complete) return { kind: 'none', reason: 'This image is too large to preview. Download it to view it.' };
    const type = imageTypes[extension?.toLowerCase() ?? ''] ?? mimeType ?? 'image/png';
    return { kind: 'image', dataUrl: `data:${type};base64,${Buffer.from(bytes).toString('base64')}` };
  }
  const truncated = !complete || (size !== null && size > bytes.length);
  // A cut may split a multi-byte character; the decoder replaces the fragment instead of failing.
  return { kind: 'text', text: new TextDecoder('utf-8', { fatal: false }).decode(bytes), truncated };
}
