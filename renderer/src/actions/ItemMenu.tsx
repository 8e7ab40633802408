// The context menu where main has no native one (web host): role="menu" at the pointer, with the
// same actions and labels as Electron's, arrow keys/Home/End to move, Enter to choose, Esc or a
// click outside to close — focus goes back to the list either way.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { itemActionLabels, type ItemAction } from '../../../shared/item-actions';

export interface MenuRequest {
  x: number;
  y: number;
  actions: ItemAction[];
  disabled: ItemAction[];
  checked?: ItemAction;
}

const isVisibility = (a: ItemAction) => a.startsWith('visibility-');
/** Where a separator goes: before these. */
const GROUP_STARTS = new Set<ItemAction>(['rename', 'replace', 'copy-link', 'delete']);

export function ItemMenu({ request, onChoose, onClose }: { request: MenuRequest; onChoose(action: ItemAction): void; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: request.x, top: request.y });

  // Keep the whole menu inside the window.
  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    setPosition({ left: Math.max(4, Math.min(request.x, window.innerWidth - box.width - 4)), top: Math.max(4, Math.min(request.y, window.innerHeight - box.height - 4)) });
  }, [request.x, request.y]);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      previous?.focus?.();
    };
  }, [onClose]);

  const items = () => Array.from(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? []);
  const onKeyDown = (event: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => list[(index + list.length) % list.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(at < 0 ? list.length - 1 : at - 1),
      Home: () => move(0),
      End: () => move(list.length - 1),
      Escape: onClose,
      Tab: onClose,
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      event.stopPropagation();
      action();
    }
  };

  const visibility = request.actions.filter(isVisibility);
  const item = (action: ItemAction) => {
    const disabled = request.disabled.includes(action);
    const radio = isVisibility(action);
    return (
      <div
        key={action}
        role={radio ? 'menuitemradio' : 'menuitem'}
        aria-checked={radio ? request.checked === action : undefined}
        aria-disabled={disabled || undefined}
        tabIndex={-1}
        className={`menu-item${action === 'delete' ? ' danger' : ''}`}
        onClick={() => !disabled && onChoose(action)}
        onKeyDown={(event) => {
          if ((event.key === 'Enter' || event.key === ' ') && !disabled) {
            event.preventDefault();
            onChoose(action);
          }
        }}
      >
        {radio && <span className="menu-check" aria-hidden="true">{request.checked === action ? '✓' : ''}</span>}
        {radio ? itemActionLabels[action] : itemActionLabels[action]}
      </div>
    );
  };

  return (
    <div ref={ref} role="menu" aria-label="Item actions" className="item-menu" style={{ left: position.left, top: position.top }} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
      {request.actions.filter((a) => !isVisibility(a)).map((action, index) => (
        <div key={action} role="none">
          {index > 0 && GROUP_STARTS.has(action) && <div role="separator" className="menu-separator" />}
          {item(action)}
          {action === 'move' && visibility.length > 0 && (
            <div role="group" aria-label="Visibility" className="menu-group">
              <div className="menu-group-label" aria-hidden="true">Visibility</div>
              {visibility.map(item)}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
