// The Files or Datasets section: toolbar, the virtualized list, and the selected item's details.
import { useCallback, useState } from 'react';
import type { AssetRow, SortOrder } from '../../../shared/browse';
import { ErrorNotice } from '../components/ErrorNotice';
import { VirtualList } from '../components/VirtualList';
import { DatasetDetailsPane } from '../datasets/DatasetDetailsPane';
import { AssetRowView } from './AssetRowView';
import { AssetToolbar } from './AssetToolbar';
import { FileDetailsPane } from './FileDetailsPane';
import { loadChoices, saveChoices, type ListChoices } from './preferences';
import { useDestinations } from '../queries/destinations';
import { useAssetList } from './queries';

export const ROW_HEIGHT = 44;

const nouns = { files: 'Files', datasets: 'Datasets' } as const;

/** A diagnostics switch for the benchmark's baseline: `?virtualize=0` renders every row. */
const virtualize = new URLSearchParams(window.location.search).get('virtualize') !== '0';

function EmptyState({ section, query }: { section: 'files' | 'datasets'; query: string }) {
  const noun = section === 'files' ? 'files' : 'datasets';
  if (query) {
    return (
      <div className="empty">
        <p>
          <strong>No {noun} match “{query}”.</strong>
        </p>
        <p className="muted">Try other words, or widen the scope to My organizations or All of Ouro.</p>
      </div>
    );
  }
  return (
    <div className="empty">
      <p>
        <strong>No {noun} here yet.</strong>
      </p>
      <p className="muted">
        {section === 'files'
          ? 'Drop files onto this window to upload them, or change the scope to see files shared with you.'
          : 'Drop a CSV file onto this window and choose “Upload as a dataset”, or change the scope to see shared datasets.'}
      </p>
    </div>
  );
}

export function AssetSection({ section }: { section: 'files' | 'datasets' }) {
  const [choices, setChoicesState] = useState<ListChoices>(() => loadChoices(section));
  const [query, setQuery] = useState('');
  const [searchSort, setSearchSort] = useState<SortOrder>('relevant');
  const [selected, setSelected] = useState<string | null>(null);
  const destinations = useDestinations();

  const setChoices = (next: ListChoices) => {
    setChoicesState(next);
    saveChoices(section, next);
  };
  // Searching sorts by relevance unless the person picks otherwise; browsing uses the saved sort.
  const sort = query ? searchSort : choices.sort;
  const onSort = (next: SortOrder) => (query ? setSearchSort(next) : setChoices({ ...choices, sort: next }));
  const onQuery = useCallback((next: string) => {
    setQuery(next);
    setSearchSort('relevant');
  }, []);

  const list = useAssetList({
    section,
    scope: choices.scope,
    sort,
    ...(query ? { query } : {}),
    ...(choices.orgId ? { orgId: choices.orgId } : {}),
    ...(choices.teamId ? { teamId: choices.teamId } : {}),
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? null;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const back = () => setSelected(null);
  const noun = nouns[section];

  return (
    <div className={`section-body${selected ? ' with-details' : ''}`}>
      <div className="list-pane">
        <AssetToolbar
          choices={choices}
          onChoices={setChoices}
          query={query}
          onQuery={onQuery}
          sort={sort}
          onSort={onSort}
          destinations={destinations.data}
          noun={noun}
        />
        <div className="list-header" aria-hidden="true">
          <span />
          <span>Name</span>
          <span>{section === 'files' ? 'Size' : 'Rows'}</span>
          <span>Owner</span>
          <span>Team</span>
          <span>Visibility</span>
          <span>Updated</span>
        </div>
        {list.isPending && <p role="status" className="list-status">Loading {noun.toLowerCase()}…</p>}
        {list.isError && items.length === 0 && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
        {list.isError && items.length > 0 && (
          <ErrorNotice error={list.error} onRetry={() => void (list.hasNextPage ? list.fetchNextPage() : list.refetch())} compact />
        )}
        {list.data && (
          <VirtualList<AssetRow>
            label={noun}
            items={items}
            total={total}
            getKey={(row) => row.id}
            renderRow={(row) => <AssetRowView row={row} />}
            rowHeight={ROW_HEIGHT}
            selectedKey={selected}
            onSelect={(row) => setSelected(row.id)}
            hasMore={!!list.hasNextPage && !list.isError}
            isFetchingMore={list.isFetchingNextPage}
            onLoadMore={loadMore}
            empty={<EmptyState section={section} query={query} />}
            virtualize={virtualize}
          />
        )}
      </div>
      {selected && (
        <div className="details-pane">
          {section === 'files' ? <FileDetailsPane key={selected} id={selected} onBack={back} /> : <DatasetDetailsPane key={selected} id={selected} onBack={back} />}
        </div>
      )}
    </div>
  );
}
