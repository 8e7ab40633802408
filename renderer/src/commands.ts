// Commands one part of the page asks another to carry out — the palette asking the Uploads area
// to open its file picker or the account menu to confirm a sign-out, anything asking for the
// palette — without either importing the other. In-page only: main's requests arrive as events
// (events.ts). A command is offered only while something handles it (`hasPageCommandHandler`).
import { useEffect, useRef } from 'react';

export const pageCommands = ['open-palette', 'upload-files', 'sync-folder', 'sign-out'] as const;
export type PageCommand = (typeof pageCommands)[number];

const EVENT = 'ouro:page-command';
const handlers = new Map<PageCommand, number>();

export function runPageCommand(command: PageCommand): void {
  window.dispatchEvent(new CustomEvent<PageCommand>(EVENT, { detail: command }));
}

/** Whether a mounted component carries out `command` (e.g. "Sync a folder…" once that feature exists). */
export function hasPageCommandHandler(command: PageCommand): boolean {
  return (handlers.get(command) ?? 0) > 0;
}

/** Runs `handler` whenever `command` is asked for, while the component is mounted. */
export function usePageCommand(command: PageCommand, handler: () => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const listener = (event: Event) => {
      if ((event as CustomEvent<PageCommand>).detail === command) latest.current();
    };
    window.addEventListener(EVENT, listener);
    handlers.set(command, (handlers.get(command) ?? 0) + 1);
    return () => {
      window.removeEventListener(EVENT, listener);
      handlers.set(command, (handlers.get(command) ?? 1) - 1);
    };
  }, [command]);
}
