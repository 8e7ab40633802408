// One dataset's details: what it is (description, owner, row count from /stats), Open rows (the
// full-size grid, DatasetGridView), Export CSV…, its facts and schema. Errors show where they
// happened; a dataset that is gone says so ("It no longer exists") and offers the way back.
import { commonFacts, DetailsHeader, FactList, type Fact } from '../browse/DetailsParts';
import { formatCount } from '../browse/format';
import { OFFLINE_REASON, useOffline } from '../account/queries';
import { DetailsActions } from '../actions/DetailsActions';
import { ErrorNotice } from '../components/ErrorNotice';
import { FreshnessMark } from '../components/FreshnessMark';
import { CopyDesktopLinkButton } from '../links/CopyDesktopLinkButton';
import { queryKeys } from '../queries/keys';
import { useState } from 'react';
import { useDisplayNames } from '../queries/destinations';
import { SaveStatus } from '../downloads/SaveStatus';
import { useSaveDownload } from '../downloads/use-save-download';
import { useDatasetRecord } from './queries';
import { SchemaTable } from './SchemaTable';
import './datasets.css';

export interface DatasetDetailsPaneProps {
  id: string;
  onClose(): void;
  onOpenRows(): void;
}

export function DatasetDetailsPane({ id, onClose, onOpenRows }: DatasetDetailsPaneProps) {
  const details = useDatasetRecord(id);
  const names = useDisplayNames();
  const save = useSaveDownload('datasets:export', id);
  const offline = useOffline();
  const [copied, setCopied] = useState<string | null>(null);
  if (details.isPending) return <p role="status" className="details-loading">Loading dataset…</p>;
  if (details.isError && !details.data) {
    return <ErrorNotice error={details.error} onRetry={() => void details.refetch()} onBack={onClose} />;
  }
  const dataset = details.data;
  const rows = dataset.rowCount === null ? 'Unknown' : formatCount(dataset.rowCount, 'row');
  const facts: Fact[] = [['Rows', rows], ['Columns', formatCount(dataset.columns.length, 'column')], ...commonFacts(dataset, names)];

  return (
    <article className="details dataset-details" aria-labelledby="dataset-details-title">
      <DetailsHeader titleId="dataset-details-title" title={dataset.name} subtitle={`Dataset · ${rows}`} onClose={onClose} />
      <div className="details-body">
        {/* A failed background refresh keeps what was loaded and says why it may be out of date. */}
        <FreshnessMark queryKey={queryKeys.dataset.record(id)} />
        {details.isError && !offline && <ErrorNotice error={details.error} onRetry={() => void details.refetch()} onBack={onClose} compact />}
        <div className="detail-actions">
          <div className="button-row">
            <button type="button" className="primary" onClick={onOpenRows} disabled={offline} title={offline ? OFFLINE_REASON : undefined}>
              Open rows
            </button>
            <button type="button" onClick={save.start} disabled={save.saving || offline} title={offline ? OFFLINE_REASON : undefined}>
              Export CSV…
            </button>
            <CopyDesktopLinkButton item={{ type: 'dataset', id: dataset.id }} onCopied={setCopied} />
          </div>
          {offline && <p className="offline-reason">You're offline: rows and exports need Ouro.</p>}
          {copied && <p className="muted" role="status">{copied}</p>}
          <SaveStatus save={save} label={`Exporting ${dataset.name}`} />
        </div>
        <DetailsActions id={dataset.id} />
        {dataset.description ? <p className="details-description">{dataset.description}</p> : <p className="muted">No description.</p>}
        <section aria-labelledby="dataset-facts-title">
          <h3 id="dataset-facts-title">Information</h3>
          <FactList facts={facts} testIds={{ Rows: 'dataset-row-count' }} />
        </section>
        <section aria-labelledby="dataset-schema-title">
          <h3 id="dataset-schema-title">Schema</h3>
          <SchemaTable details={dataset} />
        </section>
      </div>
    </article>
  );
}
