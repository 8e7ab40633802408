// Whether the Uploads tray is open: the person's own choice (pinned open, or closed), or a peek
// of a few seconds after a drop, which stays while the pointer or the focus is inside it.
import { useCallback, useEffect, useState } from 'react';
import type { TrayState } from './UploadsTray';

/** How long the tray opens by itself after a drop, unless the pointer or focus is in it. */
const PEEK_MS = 6_000;

/** The tray's open state: the person's choice (pinned or closed), or a short peek after a drop. */
export function useTrayState() {
  const [state, setState] = useState<TrayState>('closed');
  const [holding, setHolding] = useState(false);
  const [peekId, setPeekId] = useState(0);
  useEffect(() => {
    if (state !== 'peek' || holding) return;
    const timer = setTimeout(() => setState('closed'), PEEK_MS);
    return () => clearTimeout(timer);
  }, [state, holding, peekId]);
  const reveal = useCallback(() => {
    setState((current) => (current === 'pinned' ? current : 'peek'));
    setPeekId((n) => n + 1);
  }, []);
  return { state, setState, setHolding, reveal };
}
