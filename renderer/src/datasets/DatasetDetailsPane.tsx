// One dataset's details: what it is (description, owner, row count from /stats), its schema,
// its rows in a virtualized grid, and "Export CSV…". Errors show where they happened; a dataset
// that is gone says so ("It no longer exists") and offers the way back.
import type { DatasetDetails as DatasetRecord } from '../../../shared/browse';
import { commonFacts, DetailsHeader, FactList, type Fact } from '../browse/DetailsParts';
import { formatCount } from '../browse/format';
import { ErrorNotice } from '../components/ErrorNotice';
import { DatasetExport } from './DatasetExport';
import { DatasetRowsGrid } from './DatasetRowsGrid';
import { useDatasetRecord } from './queries';
import './datasets.css';

export interface DatasetDetailsPaneProps {
  id: string;
  onBack(): void;
}

function SchemaTable({ details }: { details: DatasetRecord }) {
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

export function DatasetDetailsPane({ id, onBack }: DatasetDetailsPaneProps) {
  const details = useDatasetRecord(id);
  if (details.isPending) return <p role="status">Loading dataset…</p>;
  if (details.isError && !details.data) {
    return <ErrorNotice error={details.error} onRetry={() => void details.refetch()} onBack={onBack} />;
  }
  const dataset = details.data;
  const facts: Fact[] = [
    ['Rows', dataset.rowCount === null ? 'Unknown' : formatCount(dataset.rowCount, 'row')],
    ['Columns', formatCount(dataset.columns.length, 'column')],
    ...commonFacts(dataset),
  ];

  return (
    <article className="details dataset-details" aria-labelledby="dataset-details-title">
      <DetailsHeader titleId="dataset-details-title" title={dataset.name} onBack={onBack} />
      {/* A failed background refresh keeps what was loaded and says why it may be out of date. */}
      {details.isError && <ErrorNotice error={details.error} onRetry={() => void details.refetch()} onBack={onBack} compact />}
      {dataset.description ? <p>{dataset.description}</p> : <p className="muted">No description.</p>}
      <DatasetExport id={dataset.id} name={dataset.name} />
      <FactList facts={facts} testIds={{ Rows: 'dataset-row-count' }} />
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
