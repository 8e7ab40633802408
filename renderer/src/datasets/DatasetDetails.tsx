// One dataset's details: what it is (description, owner, row count from /stats), its schema,
// its rows in a virtualized grid, and "Export CSV…". Errors show where they happened; a dataset
// that is gone says so ("It no longer exists") and offers the way back.
import type { DatasetDetails as Details } from '../../../shared/browse';
import { absoluteTime, formatCount, visibilityLabel } from '../browse/format';
import { ErrorNotice } from '../components/ErrorNotice';
import { DatasetExport } from './DatasetExport';
import { DatasetRowsGrid } from './DatasetRowsGrid';
import { useDatasetDetails } from './queries';

export interface DatasetDetailsProps {
  id: string;
  onBack(): void;
}

function SchemaTable({ details }: { details: Details }) {
  if (details.columns.length === 0) return <p className="muted">Ouro did not describe this dataset's columns.</p>;
  return (
    <div className="dataset-schema" tabIndex={0} role="region" aria-label={`Schema of ${details.name}`}>
      <table>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col">Semantic type</th>
          </tr>
        </thead>
        <tbody>
          {details.columns.map((column) => (
            <tr key={column.name}>
              <th scope="row">
                <code>{column.name}</code>
              </th>
              <td>{column.type}</td>
              <td>
                {column.semanticType ?? <span className="muted">—</span>}
                {column.enumValues && column.enumValues.length > 0 && <span className="muted"> ({column.enumValues.join(', ')})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DatasetDetails({ id, onBack }: DatasetDetailsProps) {
  const details = useDatasetDetails(id);
  if (details.isPending) return <p role="status">Loading dataset…</p>;
  if (details.isError && !details.data) {
    return <ErrorNotice error={details.error} onRetry={() => void details.refetch()} onBack={onBack} />;
  }
  const dataset = details.data;
  const meta: [string, string][] = [
    ['Rows', dataset.rowCount === null ? 'Unknown' : formatCount(dataset.rowCount, 'row')],
    ['Columns', formatCount(dataset.columns.length, 'column')],
    ['Owner', dataset.owner ?? '—'],
    ['Organization', dataset.orgName ?? '—'],
    ['Team', dataset.teamName ?? '—'],
    ['Visibility', dataset.visibility ? (visibilityLabel[dataset.visibility] ?? dataset.visibility) : '—'],
    ['Created', absoluteTime(dataset.createdAt)],
    ['Updated', absoluteTime(dataset.updatedAt)],
  ];

  return (
    <article className="details dataset-details" aria-labelledby="dataset-details-title">
      <header className="details-header">
        <button type="button" className="back" onClick={onBack}>
          Back to list
        </button>
        <h2 id="dataset-details-title">{dataset.name}</h2>
      </header>
      {/* A failed background refresh keeps what was loaded and says why it may be out of date. */}
      {details.isError && <ErrorNotice error={details.error} onRetry={() => void details.refetch()} onBack={onBack} compact />}
      {dataset.description ? <p>{dataset.description}</p> : <p className="muted">No description.</p>}
      <DatasetExport id={dataset.id} name={dataset.name} />
      <dl className="meta">
        {meta.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd data-testid={label === 'Rows' ? 'dataset-row-count' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="dataset-schema-title">
        <h3 id="dataset-schema-title">Schema</h3>
        <SchemaTable details={dataset} />
      </section>
      <section aria-labelledby="dataset-rows-title">
        <h3 id="dataset-rows-title">Rows</h3>
        <DatasetRowsGrid id={dataset.id} name={dataset.name} columns={dataset.columns} rowCount={dataset.rowCount} />
      </section>
    </article>
  );
}
