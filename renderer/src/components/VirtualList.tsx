// A keyboard-navigable listbox that renders only the rows in view (plus a few), so lists of tens
// of thousands of items scroll smoothly with a bounded DOM, and asks for more rows as the end
// comes into view. Like a desktop file list: arrows, Page Up/Down, Home/End and typing a name
// move the selection; Enter or a click opens the selected item; Esc asks to close it. An owner may
// allow several selected rows (`isSelected`), handle clicks and keys first, and make rows draggable.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, type CSSProperties, type DragEvent, type KeyboardEvent, type MouseEvent, type PointerEvent, type ReactNode } from 'react';
import { useTypeToSelect } from './use-type-to-select';
import './virtual-list.css';

export interface VirtualListProps<T> {
  /** The listbox's accessible name. */
  label: string;
  /** The listbox element's id (to give it focus back, e.g. when details close). */
  id?: string;
  items: T[];
  getKey(item: T): string;
  /** The text type-to-select matches against (the item's name). */
  getLabel(item: T): string;
  renderRow(item: T, state: { selected: boolean }): ReactNode;
  rowHeight: number;
  selectedKey: string | null;
  /** The selection moved (keys, typing, a click). */
  onSelectionChange(item: T): void;
  /** Enter or a click on a row: open it. */
  onOpen(item: T): void;
  /** Esc in the list. */
  onEscape?(): void;
  hasMore: boolean;
  isFetchingMore: boolean;
  onLoadMore(): void;
  /** Shown when there are no items (and none coming). */
  empty?: ReactNode;
  /** Total count when the server knows it (for aria-setsize). */
  total?: number | null;
  /**
   * Render every row instead of only the visible ones. Only for the benchmark's baseline, which
   * measures what virtualization saves.
   */
  virtualize?: boolean;
  /** Several rows may be selected (Files, Datasets): which are. Default: only `selectedKey`. */
  isSelected?(key: string): boolean;
  /** A click on a row with its modifiers; default: select it and open it. */
  onRowClick?(item: T, event: MouseEvent): void;
  onRowContextMenu?(item: T, event: MouseEvent): void;
  onRowPointerDown?(item: T, event: PointerEvent): void;
  /** Rows can be dragged out (as files). */
  onRowDragStart?(item: T, event: DragEvent): void;
  /** Keys the owner handles before the list's own (rename, delete, select all); true = handled. */
  onKeyDownFirst?(event: KeyboardEvent<HTMLDivElement>): boolean;
}

const LOAD_AHEAD_ROWS = 30;

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, hasMore, isFetchingMore, onLoadMore, rowHeight, virtualize = true, getKey } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const count = items.length + (hasMore ? 1 : 0);
  const selectedIndex = props.selectedKey === null ? -1 : items.findIndex((item) => getKey(item) === props.selectedKey);

  // The app does not use the React Compiler, whose memoization this rule protects.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: virtualize ? count : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastVisible = virtualize ? (virtualItems.at(-1)?.index ?? 0) : items.length;
  // aria-activedescendant may only name a row that is in the DOM.
  const selectedRendered = selectedIndex >= 0 && (!virtualize || virtualItems.some((v) => v.index === selectedIndex));

  useEffect(() => {
    if (hasMore && !isFetchingMore && lastVisible >= items.length - LOAD_AHEAD_ROWS) onLoadMore();
  }, [hasMore, isFetchingMore, lastVisible, items.length, onLoadMore]);

  const select = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    const item = items[next];
    if (!item) return;
    props.onSelectionChange(item);
    if (virtualize) virtualizer.scrollToIndex(next, { align: 'auto' });
    else document.getElementById(`${baseId}-${next}`)?.scrollIntoView({ block: 'nearest' });
  };

  const typeToSelect = useTypeToSelect(items, props.getLabel, Math.max(0, selectedIndex), select);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (props.onKeyDownFirst?.(event)) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape' && props.onEscape) {
      event.preventDefault();
      props.onEscape();
      return;
    }
    if (items.length === 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const from = selectedIndex;
    const keys: Record<string, () => void> = {
      ArrowDown: () => select(from + 1),
      ArrowUp: () => select(from < 0 ? 0 : from - 1),
      PageDown: () => select(from + page),
      PageUp: () => select(from - page),
      Home: () => select(0),
      End: () => select(items.length - 1),
      Enter: () => {
        const item = items[from < 0 ? 0 : from];
        if (item) props.onOpen(item);
      },
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    } else if (typeToSelect(event)) {
      event.preventDefault();
    }
  };

  if (items.length === 0 && !hasMore) {
    return <div className="list-empty">{props.empty ?? <p>Nothing here yet.</p>}</div>;
  }

  const row = (index: number, style?: CSSProperties) => {
    const item = items[index];
    if (!item) {
      return (
        <div key="loading" className="list-row list-loading" style={style} role="presentation">
          {isFetchingMore ? 'Loading more…' : ''}
        </div>
      );
    }
    const key = getKey(item);
    const selected = props.isSelected ? props.isSelected(key) : index === selectedIndex;
    const { onRowClick, onRowContextMenu, onRowPointerDown, onRowDragStart } = props;
    return (
      <div
        key={key}
        id={`${baseId}-${index}`}
        role="option"
        aria-selected={selected}
        aria-posinset={index + 1}
        aria-setsize={props.total ?? (hasMore ? -1 : items.length)}
        className={`list-row${selected ? ' selected' : ''}`}
        style={style}
        onClick={(event) => {
          if (onRowClick) return onRowClick(item, event);
          props.onSelectionChange(item);
          props.onOpen(item);
        }}
        onContextMenu={onRowContextMenu ? (event) => onRowContextMenu(item, event) : undefined}
        onPointerDown={onRowPointerDown ? (event) => onRowPointerDown(item, event) : undefined}
        draggable={onRowDragStart ? true : undefined}
        onDragStart={onRowDragStart ? (event) => onRowDragStart(item, event) : undefined}
      >
        {props.renderRow(item, { selected })}
      </div>
    );
  };

  return (
    <div
      ref={scrollRef}
      id={props.id}
      className="list-scroll"
      role="listbox"
      aria-label={props.label}
      aria-multiselectable={props.isSelected ? true : undefined}
      aria-activedescendant={selectedRendered ? `${baseId}-${selectedIndex}` : undefined}
      aria-busy={isFetchingMore || undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      {virtualize ? (
        <div className="list-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualItems.map((v) => row(v.index, { position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${v.start}px)` }))}
        </div>
      ) : (
        <div>{Array.from({ length: count }, (_, index) => row(index, { height: rowHeight }))}</div>
      )}
    </div>
  );
}
