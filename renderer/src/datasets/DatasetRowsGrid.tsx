// A dataset's rows as an accessible, virtualized grid: only the rows in view are in the DOM, and
// only the 1,000-row blocks under them are fetched (and cached per block), so a 100,000-row table
// browses without ever being loaded whole. Columns are resizable (drag a header's edge, or focus
// it and use the arrow keys); a value too long for its cell ends in an ellipsis and shows whole
// as a tooltip. Keyboard: arrows, Page Up/Down, Home/End move the active row; Left/Right scroll.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { DatasetColumnInfo } from '../../../shared/browse';
import { ErrorNotice } from '../components/ErrorNotice';
import { ColumnResizer, initialWidth } from './ColumnResizer';
import { ROWS_BLOCK_SIZE, useRowBlocks } from './queries';

// Compact, like a spreadsheet: 20+ rows fit even in an 800×600 window.
const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 26;
const HORIZONTAL_STEP = 120;

export interface DatasetRowsGridProps {
  id: string;
  /** For the grid's accessible name. */
  name: string;
  columns: DatasetColumnInfo[];
  /** From /stats; null when Ouro did not say, and then the grid grows as blocks arrive. */
  rowCount: number | null;
}

export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Blocks covering rows first..last (inclusive). */
function blocksFor(first: number, last: number): number[] {
  if (last < first) return [];
  const out: number[] = [];
  for (let b = Math.floor(first / ROWS_BLOCK_SIZE); b <= Math.floor(last / ROWS_BLOCK_SIZE); b++) out.push(b);
  return out;
}

export function DatasetRowsGrid({ id, name, columns, rowCount }: DatasetRowsGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const [active, setActive] = useState(0);
  const [widths, setWidths] = useState(() => columns.map(initialWidth));
  // Without a count from /stats, the furthest extent the loaded blocks have shown us.
  const [discovered, setDiscovered] = useState(ROWS_BLOCK_SIZE);
  const count = Math.max(0, rowCount ?? discovered);

  // The React Compiler is not used in this app, so nothing memoizes the virtualizer's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // The sticky header sits above the rows inside the same scroller.
    scrollMargin: HEADER_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const blocks = blocksFor(items[0]?.index ?? 0, items.at(-1)?.index ?? -1);
  // While the grid is being flung (End, a dragged scrollbar), rows pass by faster than they could
  // be read: fetch only where it comes to rest. Blocks already cached still show meanwhile.
  const results = useRowBlocks(id, blocks, !virtualizer.isScrolling);
  const byBlock = new Map(blocks.map((block, i) => [block, results[i]]));

  if (rowCount === null) {
    // A last block (no more after it) gives the exact count; otherwise grow to what we have seen.
    let exact: number | null = null;
    let extent = discovered;
    for (const [block, result] of byBlock) {
      const page = result?.data;
      if (!page) continue;
      const end = block * ROWS_BLOCK_SIZE + page.rows.length;
      if (!page.hasMore) exact = end;
      extent = Math.max(extent, end + (page.hasMore ? ROWS_BLOCK_SIZE : 0));
    }
    const next = exact ?? extent;
    // Adjusting state while rendering (not in an effect) avoids painting a frame with the old count.
    if (next !== discovered) setDiscovered(next);
  }

  const failed = results.find((r) => r.isError);
  const activeIndex = Math.min(active, Math.max(0, count - 1));
  const cellId = (row: number) => `${baseId}-r${row}`;
  const activeRendered = items.some((item) => item.index === activeIndex);

  const move = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const scroller = scrollRef.current;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      PageDown: () => move(activeIndex + page),
      PageUp: () => move(activeIndex - page),
      Home: () => move(0),
      End: () => move(count - 1),
      ArrowRight: () => scroller?.scrollBy({ left: HORIZONTAL_STEP }),
      ArrowLeft: () => scroller?.scrollBy({ left: -HORIZONTAL_STEP }),
    };
    const action = keys[event.key];
    if (action && count > 0) {
      event.preventDefault();
      action();
    }
  };

  if (count === 0) return <p className="muted">This dataset has no rows.</p>;

  const template = { gridTemplateColumns: widths.map((w) => `${w}px`).join(' ') || '1fr' };
  const minWidth = `${widths.reduce((sum, w) => sum + w, 0)}px`;
  const resize = (index: number, width: number) => setWidths((current) => current.map((w, i) => (i === index ? width : w)));

  return (
    <div className="dataset-grid-wrap">
      {failed && <ErrorNotice error={failed.error} onRetry={() => void failed.refetch()} />}
      <div
        ref={scrollRef}
        className="dataset-grid"
        role="grid"
        aria-label={`Rows of ${name}`}
        aria-rowcount={rowCount === null ? -1 : rowCount + 1}
        aria-colcount={columns.length}
        aria-readonly="true"
        aria-activedescendant={activeRendered ? cellId(activeIndex) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" className="dataset-grid-head" style={{ minWidth, height: HEADER_HEIGHT }}>
          <div role="row" aria-rowindex={1} className="dataset-grid-row" style={template}>
            {columns.map((column, c) => (
              <div
                key={column.name}
                role="columnheader"
                aria-colindex={c + 1}
                // Named by the column alone, not by its resize handle.
                aria-label={column.name}
                className="dataset-grid-cell dataset-grid-header"
                title={`${column.name} (${column.type})`}
              >
                <span className="dataset-grid-header-name">{column.name}</span>
                <ColumnResizer name={column.name} width={widths[c] ?? 120} onResize={(width) => resize(c, width)} />
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="dataset-grid-body" style={{ height: virtualizer.getTotalSize(), minWidth }}>
          {items.map((item) => {
            const block = Math.floor(item.index / ROWS_BLOCK_SIZE);
            const row = byBlock.get(block)?.data?.rows[item.index % ROWS_BLOCK_SIZE];
            const isActive = item.index === activeIndex;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-busy={row ? undefined : true}
                className={`dataset-grid-row${isActive ? ' active' : ''}${row ? '' : ' loading'}`}
                style={{ ...template, height: ROW_HEIGHT, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
                onClick={() => setActive(item.index)}
              >
                {columns.map((column, c) => {
                  // Rows still arriving say so in every column, so no cell looks empty by mistake.
                  const value = row ? formatCell(row[column.name]) : 'Loading…';
                  return (
                    <div
                      key={column.name}
                      id={c === 0 ? cellId(item.index) : undefined}
                      role="gridcell"
                      aria-colindex={c + 1}
                      className={`dataset-grid-cell${row && (row[column.name] === null || row[column.name] === undefined) ? ' null' : ''}`}
                      title={row && value ? value : undefined}
                    >
                      {value}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
