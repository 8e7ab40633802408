// A modal sheet for the item actions (Rename, Edit details, Move to…, Delete): labelled, focus
// starts on its first field (or the safe button), Tab stays inside, Esc cancels, and focus goes
// back to where it was (the list) when it closes.
import { useId, type ReactNode } from 'react';
import { useModalKeys } from '../components/use-modal-keys';
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


export function Sheet({ title, role = 'dialog', children, footer, onCancel, onSubmit, wide }: SheetProps) {
  const titleId = useId();
  // Keys typed here are the sheet's, not the list's behind it.
  const { ref, onKeyDown } = useModalKeys<HTMLFormElement>(onCancel, { selectText: true, containKeys: true });

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
