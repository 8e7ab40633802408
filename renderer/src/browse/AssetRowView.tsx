// One row of the Files or Datasets list: a thumbnail (images) or type badge, the name (search
// words marked, and the matching passage under it), size or row count, owner, team, visibility
// and a relative date. Every cell that can be cut off carries its full text as a tooltip.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { AssetRow } from '../../../shared/browse';
import { Highlight } from '../components/Highlight';
import { call } from '../ouro';
import { useDisplayNames } from '../queries/destinations';
import { queryKeys } from '../queries/keys';
import { absoluteTime, formatBytes, formatCount, relativeTime, typeBadge, typeFamily, visibilityLabel } from './format';
import { useDatasetRowCount } from './queries';

function DatasetRowCount({ row }: { row: AssetRow }) {
  // Listings carry no row count; /stats is asked only for rows actually on screen.
  const stats = useDatasetRowCount(row.id);
  const value = row.rowCount ?? stats.data?.count ?? null;
  return <>{stats.isPending && row.rowCount === null ? '…' : formatCount(value, 'row')}</>;
}

/** An image file's thumbnail, made by main, asked for only while the row is on screen. */
function Thumbnail({ row, badge }: { row: AssetRow; badge: ReactNode }) {
  const thumbnail = useQuery({
    queryKey: queryKeys.file.thumbnail(row.id),
    queryFn: () => call('files:thumbnail', { id: row.id, ...(row.updatedAt ? { version: row.updatedAt } : {}) }),
    staleTime: Infinity,
    gcTime: 10 * 60_000,
  });
  const url = thumbnail.data?.dataUrl;
  if (!url) return badge;
  return <img className="thumb" src={url} alt="" width={28} height={28} />;
}

export function AssetRowView({ row, query }: { row: AssetRow; query: string }) {
  const names = useDisplayNames();
  const family = typeFamily(row.extension, row.assetType);
  const badge = (
    <span className={`type-badge type-${family}`} aria-hidden="true">
      {typeBadge(row.extension, row.assetType)}
    </span>
  );
  const team = names.team(row.teamId, row.teamName);
  const visibility = row.visibility ? (visibilityLabel[row.visibility] ?? row.visibility) : '—';
  const size = row.assetType === 'dataset' ? null : formatBytes(row.size);
  return (
    <div className="asset-row">
      <span className="asset-icon" aria-hidden="true">
        {family === 'image' && row.assetType !== 'dataset' ? <Thumbnail row={row} badge={badge} /> : badge}
      </span>
      <span className="asset-name" title={row.name}>
        <span className="name-text">
          <Highlight text={row.name} query={query} />
        </span>
        <span className="visually-hidden">
          {row.assetType === 'dataset' ? ', dataset' : `, ${row.extension ? `${row.extension.toUpperCase()} ` : ''}file`}
        </span>
        {row.snippet && row.snippet !== row.name && (
          <span className="snippet" title={row.snippet}>
            <Highlight text={row.snippet} query={query} />
          </span>
        )}
      </span>
      <span className="asset-size" title={size ?? undefined}>
        {row.assetType === 'dataset' ? <DatasetRowCount row={row} /> : size}
      </span>
      <span className="asset-owner" title={row.owner ?? undefined}>
        {row.owner ?? '—'}
      </span>
      <span className="asset-team" title={team}>
        {team}
      </span>
      <span className="asset-visibility" title={visibility}>
        {visibility}
      </span>
      <span className="asset-date" title={absoluteTime(row.updatedAt)}>
        {relativeTime(row.updatedAt)}
      </span>
    </div>
  );
}
