// The drag handle on a grid column's right edge: a focusable vertical separator that a pointer
// drags and the arrow keys nudge (Shift for bigger steps). Widths start from the column's type.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { DatasetColumnInfo } from '../../../shared/browse';

export const MIN_COLUMN_WIDTH = 64;
export const MAX_COLUMN_WIDTH = 800;

/** A first width that fits typical values of the column's type without cutting them. */
export function initialWidth(column: DatasetColumnInfo): number {
  const type = column.type.toLowerCase();
  const byType = /timestamp|date|time/.test(type) ? 200 : /bool/.test(type) ? 96 : /int|numeric|double|real|float|decimal|serial/.test(type) ? 112 : /uuid/.test(type) ? 290 : 168;
  // Never narrower than the header's own name.
  return Math.min(MAX_COLUMN_WIDTH, Math.max(byType, column.name.length * 8 + 40));
}

const clamp = (width: number) => Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, Math.round(width)));

export function ColumnResizer({ name, width, onResize }: { name: string; width: number; onResize(width: number): void }) {
  const drag = useRef<{ x: number; width: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(clamp(drag.current.width + event.clientX - drag.current.x));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 64 : 16;
    const next = event.key === 'ArrowRight' ? width + step : event.key === 'ArrowLeft' ? width - step : null;
    if (next === null) return;
    event.preventDefault();
    // The grid's own arrow keys must not also move the row or scroll.
    event.stopPropagation();
    onResize(clamp(next));
  };

  return (
    <div
      className="column-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize column ${name}`}
      aria-valuenow={width}
      aria-valuemin={MIN_COLUMN_WIDTH}
      aria-valuemax={MAX_COLUMN_WIDTH}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
      onClick={(event) => event.stopPropagation()}
    />
  );
}
