// The keyboard of every modal sheet (upload confirm, sync folders, item actions): focus starts on
// `[data-autofocus]` or the first control and stays inside (Tab wraps at the ends), Escape closes,
// and focus goes back where it was when the sheet closes. One hook, so every sheet behaves alike.
import { useEffect, useRef, type KeyboardEvent } from 'react';

const FOCUSABLE = 'button, select, input, textarea, [href], [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.hasAttribute('disabled'));
}

export interface ModalKeyOptions {
  /** Select the text of a first field that is an input (Rename: ready to type over). */
  selectText?: boolean;
  /** Keys typed in the sheet are its own: none reach the list behind it. */
  containKeys?: boolean;
}

export function useModalKeys<T extends HTMLElement>(onClose: () => void, options: ModalKeyOptions = {}) {
  const ref = useRef<T>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  const { selectText } = options;
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const root = ref.current;
    const first = root?.querySelector<HTMLElement>('[data-autofocus]') ?? (root ? focusables(root)[0] : undefined);
    first?.focus();
    if (selectText && first instanceof HTMLInputElement) first.select();
    return () => previous?.focus?.();
    // Once, when the sheet opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const onKeyDown = (event: KeyboardEvent<T>) => {
    if (options.containKeys) event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close.current();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const items = focusables(ref.current);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };
  return { ref, onKeyDown };
}
