// A small non-modal popover under a button (the Filters panel, the account menu): opens below
// its anchor, closes on Esc (focus back to the button) or a click outside, and moves focus
// into itself when it opens (to the control marked data-autofocus, else the first one).
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

export interface PopoverProps {
  anchor: RefObject<HTMLElement | null>;
  open: boolean;
  onClose(): void;
  /** Accessible name; the popover is a labelled dialog (or a menu, with role="menu"). */
  label: string;
  role?: 'dialog' | 'menu';
  id?: string;
  align?: 'start' | 'end';
  className?: string;
  children: ReactNode;
}

export function Popover({ anchor, open, onClose, label, role = 'dialog', id, align = 'start', className, children }: PopoverProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const root = ref.current;
    const first = root?.querySelector<HTMLElement>('[data-autofocus]') ?? root?.querySelector<HTMLElement>('select, input, button:not([disabled]), [role="menuitem"], [tabindex="0"]');
    first?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!root?.contains(target) && !anchor.current?.contains(target)) onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, onClose, anchor]);

  if (!open) return null;
  return (
    <div
      ref={ref}
      id={id}
      role={role}
      aria-label={label}
      className={`popover popover-${align}${className ? ` ${className}` : ''}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
          anchor.current?.focus();
        }
      }}
    >
      {children}
    </div>
  );
}
