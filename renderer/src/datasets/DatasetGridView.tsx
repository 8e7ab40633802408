// A dataset's rows given the whole content area: a header with Back, the row and column counts,
// Schema (one click, in a popover) and Export CSV…, then the grid filling the rest of the window.
import { useRef, useState } from 'react';
import { formatCount } from '../browse/format';
import { ErrorNotice } from '../components/ErrorNotice';
import { BackIcon } from '../components/icons';
import { Popover } from '../components/Popover';
import { SaveStatus } from '../downloads/SaveStatus';
import { useSaveDownload } from '../downloads/use-save-download';
import { DatasetRowsGrid } from './DatasetRowsGrid';
import { useDatasetRecord } from './queries';
import { SchemaTable } from './SchemaTable';
import './datasets.css';

export function DatasetGridView({ id, onBack }: { id: string; onBack(): void }) {
  const details = useDatasetRecord(id);
  const save = useSaveDownload('datasets:export', id);
  const [schemaOpen, setSchemaOpen] = useState(false);
  const schemaButton = useRef<HTMLButtonElement>(null);
  const dataset = details.data;

  return (
    <section className="grid-view" aria-labelledby="grid-view-title">
      <header className="grid-view-header">
        <button type="button" className="back-button" onClick={onBack}>
          <BackIcon /> Back
        </button>
        <div className="grid-view-title">
          <h2 id="grid-view-title" title={dataset?.name}>
            {dataset?.name ?? 'Rows'}
          </h2>
          {dataset && (
            <span className="muted">
              {dataset.rowCount === null ? 'Unknown number of rows' : formatCount(dataset.rowCount, 'row')} · {formatCount(dataset.columns.length, 'column')}
            </span>
          )}
        </div>
        <div className="grid-view-actions">
          <div className="popover-anchor">
            <button ref={schemaButton} type="button" aria-expanded={schemaOpen} onClick={() => setSchemaOpen((open) => !open)} disabled={!dataset}>
              Schema
            </button>
            {dataset && (
              <Popover anchor={schemaButton} open={schemaOpen} onClose={() => setSchemaOpen(false)} label={`Schema of ${dataset.name}`} align="end" className="schema-popover">
                <SchemaTable details={dataset} />
              </Popover>
            )}
          </div>
          <button type="button" onClick={save.start} disabled={save.saving || !dataset}>
            Export CSV…
          </button>
        </div>
      </header>
      <SaveStatus save={save} label={`Exporting ${dataset?.name ?? 'dataset'}`} />
      {details.isPending && <p role="status" className="details-loading">Loading dataset…</p>}
      {details.isError && !dataset && <ErrorNotice error={details.error} onRetry={() => void details.refetch()} onBack={onBack} />}
      {dataset && <DatasetRowsGrid id={dataset.id} name={dataset.name} columns={dataset.columns} rowCount={dataset.rowCount} />}
    </section>
  );
}
