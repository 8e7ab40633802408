// Type-to-select, as in desktop file lists: typing letters quickly selects the next item whose
// name starts with them; a pause starts a new search. Typing one letter again cycles through
// the items starting with it.
import { useRef, type KeyboardEvent } from 'react';

const RESET_AFTER_MS = 800;

export function useTypeToSelect<T>(items: readonly T[], labelOf: (item: T) => string, currentIndex: number, select: (index: number) => void) {
  const typed = useRef({ text: '', at: 0 });
  return (event: KeyboardEvent): boolean => {
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return false;
    if (event.key === ' ' && typed.current.text === '') return false;
    const now = event.timeStamp || performance.now();
    const fresh = now - typed.current.at > RESET_AFTER_MS;
    const text = (fresh ? '' : typed.current.text) + event.key.toLowerCase();
    typed.current = { text, at: now };
    // The same letter again moves on to the next match; a longer prefix may stay on this one.
    const repeating = text.length > 1 && [...text].every((c) => c === text[0]);
    const needle = repeating ? text[0] ?? text : text;
    const start = needle.length === 1 ? currentIndex + 1 : currentIndex;
    for (let step = 0; step < items.length; step++) {
      const index = (start + step) % items.length;
      const item = items[index];
      if (item !== undefined && labelOf(item).toLowerCase().startsWith(needle)) {
        select(index);
        return true;
      }
    }
    return true;
  };
}
