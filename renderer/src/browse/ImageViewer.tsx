// An image enlarged over the window: a modal dialog showing it as large as fits, closed by Esc,
// the Close button or a click outside the image; focus returns to what opened it.
import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { CloseIcon } from '../components/icons';

export function ImageViewer({ src, name, onClose }: { src: string; name: string; onClose(): void }) {
  const titleId = useId();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => previous?.focus?.();
  }, []);
  // On <body>, so no pane's overflow or stacking can clip it; React events still bubble to the details.
  return createPortal(
    <div
      className="viewer-backdrop"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        } else if (event.key === 'Tab') {
          // One control: focus stays on it.
          event.preventDefault();
        }
      }}
    >
      <div className="viewer-bar">
        <h2 id={titleId} title={name}>
          {name}
        </h2>
        <button ref={close} type="button" className="icon-button" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <img className="viewer-image" src={src} alt={name} />
    </div>,
    document.body,
  );
}
