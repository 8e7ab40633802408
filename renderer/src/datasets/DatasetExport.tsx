// "Export CSV…": main asks where to save and streams Ouro's CSV straight to disk; this shows
// the progress main reports and the outcome (saved where, cancelled, or why it failed).
import { useState } from 'react';
import type { DownloadProgress } from '../../../shared/browse';
import { formatBytes } from '../browse/format';
import { ErrorNotice } from '../components/ErrorNotice';
import { useOuroEvent } from '../events';
import { useExportDataset } from './queries';

export function DatasetExport({ id, name }: { id: string; name: string }) {
  const exporting = useExportDataset(id);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  useOuroEvent('downloads:progress', (event) => {
    if (event.id === id && exporting.isPending) setProgress(event);
  });

  const start = () => {
    setProgress(null);
    exporting.mutate();
  };

  const result = exporting.data;
  return (
    <div className="detail-actions">
      <div className="button-row">
        <button type="button" className="primary" onClick={start} disabled={exporting.isPending}>
          Export CSV…
        </button>
      </div>
      {/* Ouro's CSV comes without a length, so the bar is often indeterminate: bytes still count up. */}
      {exporting.isPending && (
        <progress aria-label={`Exporting ${name}`} {...(progress?.total ? { max: progress.total, value: progress.bytes } : {})} />
      )}
      <p role="status" className="muted">
        {exporting.isPending &&
          (progress
            ? `Exporting… ${formatBytes(progress.bytes)}${progress.total ? ` of ${formatBytes(progress.total)}` : ''}`
            : 'Exporting…')}
        {exporting.isSuccess && result?.saved && `Saved to ${result.path ?? 'the chosen file'}${result.bytes !== undefined ? ` (${formatBytes(result.bytes)})` : ''}`}
        {exporting.isSuccess && !result?.saved && 'Export cancelled.'}
      </p>
      {exporting.isError && <ErrorNotice error={exporting.error} onRetry={start} compact />}
    </div>
  );
}
