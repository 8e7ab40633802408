// Display formatting for list rows and details: sizes, counts, relative dates, type labels.
import { formatBytes as formatSize } from '../../../shared/format-bytes';

export function formatBytes(bytes: number | null): string {
  return bytes === null ? '—' : formatSize(bytes);
}

export function formatCount(count: number | null, noun: string): string {
  if (count === null) return '—';
  return `${count.toLocaleString()} ${noun}${count === 1 ? '' : 's'}`;
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function relativeTime(iso: string | null, now = Date.now()): string {
  if (!iso) return '—';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '—';
  const seconds = (time - now) / 1000;
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export function absoluteTime(iso: string | null): string {
  if (!iso) return '—';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '—' : new Date(time).toLocaleString();
}

/** A short label for the type badge: the extension, upper-cased. */
export function typeBadge(extension: string | null, assetType: string): string {
  if (assetType === 'dataset') return 'DATA';
  return (extension ?? 'FILE').slice(0, 4).toUpperCase();
}

/** A colour family for the badge, so images, tables, code and documents look different. */
export function typeFamily(extension: string | null, assetType: string): string {
  if (assetType === 'dataset') return 'table';
  const ext = extension ?? '';
  if (/^(png|jpe?g|gif|webp|bmp|svg|avif|tiff?)$/.test(ext)) return 'image';
  if (/^(csv|tsv|xlsx?|parquet|json|jsonl)$/.test(ext)) return 'table';
  if (/^(py|js|ts|tsx|c|cpp|h|rs|go|java|rb|sh|ipynb|r|jl)$/.test(ext)) return 'code';
  if (/^(pdf|md|txt|docx?|tex|rtf)$/.test(ext)) return 'doc';
  return 'other';
}

export const visibilityLabel: Record<string, string> = {
  public: 'Public',
  private: 'Private',
  organization: 'Organization',
  monetized: 'Paid',
  inherit: 'Inherited',
};
