// The Files or Datasets section: the toolbar and the virtualized list beside the selected item's
// details (PaneLayout), or a dataset's rows in the whole content area. Arrow keys move the
// selection and the open details follow it; clicks with Shift/Ctrl/Cmd select several (the
// details pane then sums them up); Esc closes the details and gives the focus back to the list.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AssetRow, SortOrder } from '../../../shared/browse';
import { AppError } from '../../../shared/app-error';
import { ItemActionsContext, SelectionSummary } from '../actions/DetailsActions';
import { useListActions } from '../actions/use-list-actions';
import { useAccount } from '../account/queries';
import { ErrorNotice } from '../components/ErrorNotice';
import { FreshnessMark } from '../components/FreshnessMark';
import { ChevronIcon } from '../components/icons';
import { VirtualList } from '../components/VirtualList';
import { DatasetDetailsPane } from '../datasets/DatasetDetailsPane';
import { DatasetGridView } from '../datasets/DatasetGridView';
import { PaneLayout } from '../layout/PaneLayout';
import { takeItemFor, useNavigationRequests } from '../navigation';
import { useDestinations } from '../queries/destinations';
import { queryKeys } from '../queries/keys';
import { AssetRowView } from './AssetRowView';
import { AssetToolbar } from './AssetToolbar';
import { EmptyState } from './EmptyState';
import { FileDetailsPane } from './FileDetailsPane';
import { loadChoices, saveChoices, type ListChoices } from './preferences';
import { useAssetList } from './queries';
import './details.css';
import './list.css';

export const ROW_HEIGHT = 40;

const nouns = { files: 'Files', datasets: 'Datasets' } as const;

/** A diagnostics switch for the benchmark's baseline: `?virtualize=0` renders every row. */
const virtualize = new URLSearchParams(window.location.search).get('virtualize') !== '0';

function countText(total: number | null, loaded: number, more: boolean, query: string, noun: string): string | null {
  const n = total ?? (more ? null : loaded);
  if (n === null) return null;
  if (query) return n === 1 ? '1 match' : `${n.toLocaleString()} matches`;
  return `${n.toLocaleString()} ${n === 1 ? noun.slice(0, -1).toLowerCase() : noun.toLowerCase()}`;
}

function ColumnHeaders({ section, sort, onSort }: { section: 'files' | 'datasets'; sort: SortOrder; onSort(sort: SortOrder): void }) {
  const byUpdate = sort === 'updated';
  return (
    <div className="list-header asset-row">
      <span />
      <span>Name</span>
      <span className="asset-size">{section === 'files' ? 'Size' : 'Rows'}</span>
      <span className="asset-owner">Owner</span>
      <span className="asset-team">Team</span>
      <span className="asset-visibility">Visibility</span>
      {/* Ouro sorts by last update (newest first), so this one header sorts; the others cannot. */}
      <button type="button" className={`header-sort asset-date${byUpdate ? ' active' : ''}`} aria-pressed={byUpdate} title={byUpdate ? 'Sorted by last update, newest first' : 'Sort by last update, newest first'} onClick={() => onSort(byUpdate ? 'recent' : 'updated')}>
        Updated {byUpdate && <ChevronIcon />}
      </button>
    </div>
  );
}

export function AssetSection({ section, sidebar }: { section: 'files' | 'datasets'; sidebar: ReactNode }) {
  const [choices, setChoicesState] = useState<ListChoices>(() => loadChoices(section));
  const [query, setQuery] = useState('');
  const [searchSort, setSearchSort] = useState<SortOrder>('relevant');
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [rowsOf, setRowsOf] = useState<string | null>(null);
  const destinations = useDestinations();
  const account = useAccount().data;
  const offline = account?.status === 'signed-in' && account.connection === 'offline';
  const listId = useId();
  const focusList = useRef(false);

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

  const listInput = {
    section,
    scope: choices.scope,
    sort,
    ...(query ? { query } : {}),
    ...(choices.orgId ? { orgId: choices.orgId } : {}),
    ...(choices.teamId ? { teamId: choices.teamId } : {}),
  };
  const list = useAssetList(listInput);
  // One array per list change (not per render): the selection indexes it by id.
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? null;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const openRow = useCallback((row: AssetRow) => setDetailsOpen(!!row), []);
  const listActions = useListActions({ items, listId, onOpen: openRow });
  // An item asked for (palette, link, notification) may lie beyond the loaded pages, where the
  // list's selection cannot hold it: its details show while nothing in the list is selected.
  const [requested, setRequested] = useState<string | null>(null);
  const focused = listActions.selection.focus;
  const { selectKey } = listActions;
  useNavigationRequests(() => {
    const item = takeItemFor(section);
    if (!item) return;
    setRowsOf(null);
    selectKey(item.id);
    setRequested(item.id);
    setDetailsOpen(true);
  });
  const selected = focused ?? requested;
  const multiple = listActions.selection.keys.length > 1;
  const { run, selectedRows } = listActions;
  const actionsApi = useMemo(() => ({ run, selectedRows }), [run, selectedRows]);

  const closeDetails = useCallback(() => {
    setDetailsOpen(false);
    focusList.current = true;
  }, []);
  // After the details close (and the drawer, if any, is gone), the list has the focus again.
  useEffect(() => {
    if (detailsOpen || rowsOf || !focusList.current) return;
    focusList.current = false;
    document.getElementById(listId)?.focus();
  }, [detailsOpen, rowsOf, listId]);

  const noun = nouns[section];
  // While offline the window's bar already says so (with Retry): a list that could not load says
  // it quietly instead of adding a second alert and a second Retry.
  const quietError = offline && list.error instanceof AppError && (list.error.kind === 'network' || list.error.kind === 'timeout');

  if (rowsOf) {
    return (
      <PaneLayout
        id={section}
        sidebar={sidebar}
        list={
          <main className="section-main" aria-label={noun}>
            <DatasetGridView id={rowsOf} onBack={() => {
              setRowsOf(null);
              setDetailsOpen(true);
            }} />
          </main>
        }
        details={null}
        detailsLabel=""
        onCloseDetails={closeDetails}
      />
    );
  }

  const details =
    detailsOpen && multiple ? (
      <SelectionSummary onClose={closeDetails} />
    ) : detailsOpen && selected ? (
      section === 'files' ? (
        <FileDetailsPane key={selected} id={selected} onClose={closeDetails} />
      ) : (
        <DatasetDetailsPane key={selected} id={selected} onClose={closeDetails} onOpenRows={() => setRowsOf(selected)} />
      )
    ) : null;

  const listPane = (
    <main className="section-main" aria-label={noun}>
      <AssetToolbar
        choices={choices}
        onChoices={setChoices}
        query={query}
        onQuery={onQuery}
        sort={sort}
        onSort={onSort}
        destinations={destinations.data}
        noun={noun}
        countText={list.data ? countText(total, items.length, !!list.hasNextPage, query, noun) : null}
        freshness={<FreshnessMark queryKey={queryKeys.assetLists.list(listInput)} />}
      />
      <div className="list-pane">
        <ColumnHeaders section={section} sort={sort} onSort={onSort} />
        {list.isPending && (
          <p role="status" className="list-status">
            Loading {noun.toLowerCase()}…
          </p>
        )}
        {list.isError && quietError && <p className="list-status muted">This list will load when Ouro can be reached again.</p>}
        {list.isError && !quietError && items.length === 0 && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
        {list.isError && !quietError && items.length > 0 && (
          <ErrorNotice error={list.error} onRetry={() => void (list.hasNextPage ? list.fetchNextPage() : list.refetch())} compact />
        )}
        {list.data && (
          <VirtualList<AssetRow>
            id={listId}
            label={noun}
            items={items}
            total={total}
            getKey={(row) => row.id}
            getLabel={(row) => row.name}
            renderRow={(row) => <AssetRowView row={row} query={query} />}
            rowHeight={ROW_HEIGHT}
            selectedKey={selected}
            isSelected={listActions.isSelected}
            onSelectionChange={listActions.selectOne}
            onOpen={(row) => {
              listActions.selectOne(row);
              setDetailsOpen(true);
            }}
            onRowClick={listActions.onRowClick}
            onRowContextMenu={listActions.onRowContextMenu}
            onRowPointerDown={listActions.onRowPointerDown}
            onRowDragStart={listActions.onRowDragStart}
            onKeyDownFirst={listActions.onKeyDownFirst}
            onEscape={detailsOpen ? closeDetails : undefined}
            hasMore={!!list.hasNextPage && !list.isError}
            isFetchingMore={list.isFetchingNextPage}
            onLoadMore={loadMore}
            empty={<EmptyState section={section} query={query} />}
            virtualize={virtualize}
          />
        )}
        {listActions.elements}
      </div>
    </main>
  );

  return (
    <ItemActionsContext.Provider value={actionsApi}>
    <PaneLayout
      id={section}
      sidebar={sidebar}
      list={listPane}
      details={details}
      detailsLabel={section === 'files' ? 'File details' : 'Dataset details'}
      onCloseDetails={closeDetails}
    />
    </ItemActionsContext.Provider>
  );
}
