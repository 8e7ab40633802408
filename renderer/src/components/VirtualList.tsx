// A keyboard-navigable listbox that renders only the rows in view (plus a few), so lists of
// tens of thousands of items scroll smoothly with a bounded DOM. Asks for more rows as the end
// comes into view (infinite scroll).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';

export interface VirtualListProps<T> {
  /** The listbox's accessible name. */
  label: string;
  items: T[];
  getKey(item: T): string;
  renderRow(item: T, state: { selected: boolean }): ReactNode;
  rowHeight: number;
  selectedKey: string | null;
  /** Click or Enter on a row. */
  onSelect(item: T): void;
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
}

const LOAD_AHEAD_ROWS = 30;

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, hasMore, isFetchingMore, onLoadMore, rowHeight, virtualize = true } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const [active, setActive] = useState(0);
  const count = items.length + (hasMore ? 1 : 0);

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

  useEffect(() => {
    if (hasMore && !isFetchingMore && lastVisible >= items.length - LOAD_AHEAD_ROWS) onLoadMore();
  }, [hasMore, isFetchingMore, lastVisible, items.length, onLoadMore]);

  // Keep the active row valid when the list shrinks (new search, new filters).
  const activeIndex = Math.min(active, Math.max(0, items.length - 1));

  const move = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    setActive(next);
    if (virtualize) virtualizer.scrollToIndex(next, { align: 'auto' });
    else document.getElementById(`${baseId}-${next}`)?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      PageDown: () => move(activeIndex + page),
      PageUp: () => move(activeIndex - page),
      Home: () => move(0),
      End: () => move(items.length - 1),
      Enter: () => {
        const item = items[activeIndex];
        if (item) props.onSelect(item);
      },
    };
    const action = keys[event.key];
    if (action && items.length > 0) {
      event.preventDefault();
      action();
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
    const key = props.getKey(item);
    const selected = key === props.selectedKey;
    return (
      <div
        key={key}
        id={`${baseId}-${index}`}
        role="option"
        aria-selected={selected}
        aria-posinset={index + 1}
        aria-setsize={props.total ?? (hasMore ? -1 : items.length)}
        className={`list-row${selected ? ' selected' : ''}${index === activeIndex ? ' active' : ''}`}
        style={style}
        onClick={() => {
          setActive(index);
          props.onSelect(item);
        }}
      >
        {props.renderRow(item, { selected })}
      </div>
    );
  };

  return (
    <div
      ref={scrollRef}
      className="list-scroll"
      role="listbox"
      aria-label={props.label}
      aria-activedescendant={items.length ? `${baseId}-${activeIndex}` : undefined}
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
