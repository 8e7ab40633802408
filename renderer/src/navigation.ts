// Where the page is asked to go: an item to open (from the palette, an ouro:// link, a
// notification) or a view to show. One pending request at a time; the browse screen switches to
// the right view and the section that shows the item takes the request (and clears it), so a
// request is carried out once, by whichever section mounts for it.
import { useEffect, useRef } from 'react';
import type { ItemRef, ItemType } from '../../shared/links';

export const views = ['files', 'datasets', 'conversations', 'notifications'] as const;
export type View = (typeof views)[number];

export type NavigationRequest = { seq: number; view: View; item: ItemRef | null };

const viewOfType: Record<ItemType, View> = { file: 'files', dataset: 'datasets', conversation: 'conversations' };

let pending: NavigationRequest | null = null;
let seq = 0;
const listeners = new Set<() => void>();

function set(next: NavigationRequest | null): void {
  pending = next;
  for (const listener of listeners) listener();
}

/** Opens an item: its section, selected, with its details (or the conversation's messages). */
export function openItem(item: ItemRef): void {
  set({ seq: ++seq, view: viewOfType[item.type], item });
}

export function goToView(view: View): void {
  set({ seq: ++seq, view, item: null });
}

/** Takes the pending request's item if it belongs in `view` (so it is opened once). */
export function takeItemFor(view: View): ItemRef | null {
  if (!pending?.item || pending.view !== view) return null;
  const { item } = pending;
  set({ ...pending, item: null });
  return item;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Calls `handler` with the pending request now (if any) and on every new one, while mounted. */
export function useNavigationRequests(handler: (request: NavigationRequest) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    let seen = -1;
    const changed = () => {
      if (pending && pending.seq !== seen) {
        seen = pending.seq;
        latest.current(pending);
      }
    };
    changed();
    return subscribe(changed);
  }, []);
}
