// A file dropped anywhere the app does not handle it must not make the page navigate to
// file://…: cancel the browser's default for every drag-over and drop on the window.
export function preventStrayDrops(target: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
  const cancel = (event: Event) => event.preventDefault();
  target.addEventListener('dragover', cancel);
  target.addEventListener('drop', cancel);
  return () => {
    target.removeEventListener('dragover', cancel);
    target.removeEventListener('drop', cancel);
  };
}

const claimed = new WeakSet<Event>();

/** A drop a part of the page handled itself (a replace, a conversation): the window's upload sheet skips it. */
export function claimDrop(event: Event): void {
  claimed.add(event);
}

export function isClaimedDrop(event: Event): boolean {
  return claimed.has(event);
}
