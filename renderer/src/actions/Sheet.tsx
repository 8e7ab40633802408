// A modal sheet for the item actions (Rename, Edit details, Move to…, Delete): labelled, focus
// starts on its first field (or the safe button), Tab stays inside, Esc cancels, and focus goes
// back to where it was (the list) when it closes.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import './sheets.css';

export interface SheetProps {
  title: string;
  /** alertdialog for a destructive confirmation, dialog for a form. */
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
  /** The buttons; the first enabled field or `[data-autofocus]` gets the focus. */
  footer: ReactNode;
  onCancel(): void;
  onSubmit?(): void;
  wide?: boolean;
}

const FOCUSABLE = 'input:not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [tabindex="0"]';

export function Sheet({ title, role = 'dialog', children, footer, onCancel, onSubmit, wide }: SheetProps) {
  const titleId = useId();
  const ref = useRef<HTMLFormElement>(null);
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  });

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const root = ref.current;
    const first = root?.querySelector<HTMLElement>('[data-autofocus]') ?? root?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    if (first instanceof HTMLInputElement) first.select();
    return () => previous?.focus?.();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel.current();
    } else if (event.key === 'Tab') {
      const focusable = Array.from(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? []);
      if (focusable.length === 0) return;
      const at = focusable.indexOf(document.activeElement as HTMLElement);
      const next = event.shiftKey ? (at <= 0 ? focusable.length - 1 : at - 1) : at === focusable.length - 1 ? 0 : at + 1;
      event.preventDefault();
      focusable[next]?.focus();
    }
    // Keys typed here are the sheet's, not the list's behind it.
    event.stopPropagation();
  };

  return (
    <div className="modal-backdrop">
      <form
        ref={ref}
        className={`modal action-sheet${wide ? ' wide' : ''}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit?.();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <div className="action-sheet-body">{children}</div>
        <div className="modal-actions">{footer}</div>
      </form>
    </div>
  );
}
