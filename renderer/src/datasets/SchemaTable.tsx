// A dataset's columns: name, type and semantic type (with enum values), as a scrollable table.
import type { DatasetDetails as DatasetRecord } from '../../../shared/browse';

export function SchemaTable({ details }: { details: DatasetRecord }) {
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
