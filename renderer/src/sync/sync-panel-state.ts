// Whether the Sync folders panel is open, shared by its openers (the sidebar, the Uploads tray,
// File → Sync a Folder…) without threading props through the layout.
import { useSyncExternalStore } from 'react';

type PanelRequest = { open: boolean; add: number };
let state: PanelRequest = { open: false, add: 0 };
const listeners = new Set<() => void>();
const set = (next: PanelRequest) => {
  state = next;
  for (const listener of listeners) listener();
};

export const syncPanel = {
  open: () => set({ ...state, open: true }),
  close: () => set({ ...state, open: false }),
  /** Opens the panel and starts adding a folder (main's folder dialog first). */
  add: () => set({ open: true, add: state.add + 1 }),
};

export function useSyncPanel(): PanelRequest {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
