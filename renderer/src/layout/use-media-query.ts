// Whether a CSS media query matches, kept current as the window is resized.
import { useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
  );
}

/** Below this width the details pane becomes a drawer over the list instead of a third column. */
export const NARROW_QUERY = '(max-width: 999px)';
