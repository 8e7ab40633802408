// One row of the Files or Datasets list: type badge, name, size or row count, owner, team,
// visibility and a relative date.
import type { AssetRow } from '../../../shared/browse';
import { formatBytes, formatCount, relativeTime, typeBadge, typeFamily, visibilityLabel } from './format';
import { useDatasetRowCount } from './queries';

function DatasetRowCount({ row }: { row: AssetRow }) {
  // Listings carry no row count; /stats is asked only for rows actually on screen.
  const stats = useDatasetRowCount(row.id);
  const value = row.rowCount ?? stats.data?.count ?? null;
  return <>{stats.isPending && row.rowCount === null ? '…' : formatCount(value, 'row')}</>;
}

export function AssetRowView({ row }: { row: AssetRow }) {
  const family = typeFamily(row.extension, row.assetType);
  return (
    <div className="asset-row">
      <span className={`type-badge type-${family}`} aria-hidden="true">
        {typeBadge(row.extension, row.assetType)}
      </span>
      <span className="asset-name">
        <span className="name-text">{row.name}</span>
        <span className="visually-hidden">
          {row.assetType === 'dataset' ? ', dataset' : `, ${row.extension ? `${row.extension.toUpperCase()} ` : ''}file`}
        </span>
        {row.snippet && <span className="snippet">{row.snippet}</span>}
      </span>
      <span className="asset-size">{row.assetType === 'dataset' ? <DatasetRowCount row={row} /> : formatBytes(row.size)}</span>
      <span className="asset-owner">{row.owner ?? '—'}</span>
      <span className="asset-team">{row.teamName ?? '—'}</span>
      <span className="asset-visibility">{row.visibility ? (visibilityLabel[row.visibility] ?? row.visibility) : '—'}</span>
      <span className="asset-date" title={row.updatedAt ?? undefined}>
        {relativeTime(row.updatedAt)}
      </span>
    </div>
  );
}
