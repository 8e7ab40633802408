// The command palette (Ctrl/Cmd-K): recent items first, the server's search as you type
// (debounced; main cancels a superseded search), commands, and a pasted Ouro link or id opened.
// cmdk gives the accessible combobox/listbox and keyboard handling; what is listed comes from
// palette-model.ts, so cmdk's own filtering is off.
import { useQuery } from '@tanstack/react-query';
import { Command } from 'cmdk';
import { useEffect, useState, type JSX } from 'react';
import { AppError } from '../../../shared/app-error';
import type { ItemType } from '../../../shared/links';
import type { PaletteItem } from '../../../shared/palette';
import { useOffline } from '../account/queries';
import { hasPageCommandHandler, runPageCommand, usePageCommand } from '../commands';
import { ConversationsIcon, DatasetsIcon, FilesIcon, SearchIcon } from '../components/icons';
import { goToView, openItem } from '../navigation';
import { call } from '../ouro';
import { queryKeys } from '../queries/keys';
import { osPrefersDark, setThemeChoice, toggledTheme, useTheme } from '../theme/theme';
import { looksLikeLink, paletteSections, type PaletteCommand, type PaletteEntry } from './palette-model';
import './palette.css';

const SEARCH_DEBOUNCE_MS = 180;
const typeIcons: Record<ItemType, () => JSX.Element> = { file: FilesIcon, dataset: DatasetsIcon, conversation: ConversationsIcon };
const typeLabels: Record<ItemType, string> = { file: 'File', dataset: 'Dataset', conversation: 'Conversation' };
const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
export const PALETTE_SHORTCUT = isMac ? '⌘K' : 'Ctrl+K';

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function useCommands(): { commands: PaletteCommand[]; run(id: string): void } {
  const { choice } = useTheme();
  const commands: PaletteCommand[] = [
    { id: 'upload', label: 'Upload files…', keywords: 'add send' },
    ...(hasPageCommandHandler('sync-folder') ? [{ id: 'sync', label: 'Sync a folder…', keywords: 'watch folder' }] : []),
    { id: 'go-files', label: 'Go to Files' },
    { id: 'go-datasets', label: 'Go to Datasets' },
    { id: 'go-conversations', label: 'Go to Conversations', keywords: 'messages chat' },
    { id: 'go-notifications', label: 'Go to Notifications', keywords: 'mentions inbox' },
    { id: 'toggle-theme', label: 'Toggle theme', keywords: 'dark light appearance' },
    ...(choice !== 'system' ? [{ id: 'system-theme', label: 'Use the system theme', keywords: 'dark light appearance auto' }] : []),
    { id: 'sign-out', label: 'Sign out…', keywords: 'log out account' },
  ];
  const run = (id: string) => {
    switch (id) {
      case 'upload':
        return runPageCommand('upload-files');
      case 'sync':
        return runPageCommand('sync-folder');
      case 'go-files':
        return goToView('files');
      case 'go-datasets':
        return goToView('datasets');
      case 'go-conversations':
        return goToView('conversations');
      case 'go-notifications':
        return goToView('notifications');
      case 'toggle-theme':
        return setThemeChoice(toggledTheme(choice, osPrefersDark()));
      case 'system-theme':
        return setThemeChoice('system');
      case 'sign-out':
        return runPageCommand('sign-out');
    }
  };
  return { commands, run };
}

function ItemRow({ item, recent }: { item: PaletteItem; recent: boolean }) {
  const Icon = typeIcons[item.type];
  return (
    <>
      <span className={`palette-icon type-${item.type}`}>
        <Icon />
      </span>
      <span className="palette-text">
        <span className="palette-name">{item.name}</span>
        {item.detail && <span className="palette-detail">{item.detail}</span>}
      </span>
      <span className="palette-hint">{recent ? `Recent ${typeLabels[item.type].toLowerCase()}` : typeLabels[item.type]}</span>
    </>
  );
}

export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const offline = useOffline();
  const { commands, run } = useCommands();
  const query = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  const link = looksLikeLink(query);

  const show = (next: boolean) => {
    setOpen(next);
    setText('');
  };
  usePageCommand('open-palette', () => show(true));
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setText('');
        setOpen((shown) => !shown);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const recent = useQuery({ queryKey: queryKeys.palette.recent(), queryFn: () => call('palette:recent'), enabled: open, staleTime: 0 });
  const search = useQuery({
    queryKey: queryKeys.palette.search(query),
    queryFn: () => call('palette:search', { query, limit: 20 }),
    enabled: open && query.length > 0 && !link && !offline,
    staleTime: 30_000,
  });
  const resolve = useQuery({ queryKey: queryKeys.palette.resolve(query), queryFn: () => call('palette:resolve', { text: query }), enabled: open && link && !offline });
  // A superseded search answers `cancelled` (main dropped it for a newer one): not an error to show.
  const searchError = search.error instanceof AppError && search.error.kind !== 'cancelled' ? search.error : null;
  const typing = text.trim() !== query;
  // Only what answers the text on screen: a late answer for older text is never shown.
  const results = !typing && search.data?.query === query ? search.data.items : [];
  const resolved = !typing && resolve.data?.found ? resolve.data.item : null;
  const sections = paletteSections(text, { commands, recent: recent.data ?? [], results, resolved });

  // The first entry is the active one whenever what leads the list changes (recent items arrive
  // after the commands; results after the recent ones), so Enter opens what is shown first.
  const ordered = [...sections.link, ...sections.recent, ...sections.commands, ...sections.results];
  const firstKey = ordered[0]?.key ?? '';
  const [active, setActive] = useState('');
  const [leading, setLeading] = useState('');
  if (firstKey !== leading) {
    setLeading(firstKey);
    setActive(firstKey);
  }

  const choose = (entry: PaletteEntry) => {
    show(false);
    if (entry.kind === 'command') run(entry.command.id);
    else openItem({ type: entry.item.type, id: entry.item.id });
  };
  const group = (heading: string, entries: PaletteEntry[]) =>
    entries.length > 0 && (
      <Command.Group heading={heading}>
        {entries.map((entry) => (
          <Command.Item key={entry.key} value={entry.key} onSelect={() => choose(entry)} className="palette-item">
            {entry.kind === 'command' ? <span className="palette-name">{entry.command.label}</span> : <ItemRow item={entry.item} recent={entry.recent} />}
          </Command.Item>
        ))}
      </Command.Group>
    );

  const searching = (search.isFetching || resolve.isFetching || typing) && query.length > 0;
  const status = offline && text.trim()
    ? "You're offline: searching Ouro needs Ouro. Recent items and commands still work."
    : resolve.data && !resolve.data.found && !typing
      ? resolve.data.message
      : searchError
        ? searchError.message
        : null;

  return (
    <>
      <button type="button" className="palette-button" onClick={() => show(true)} aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'} title={`Search and commands (${PALETTE_SHORTCUT})`}>
        <SearchIcon />
        <span>Search or jump to…</span>
        <kbd>{PALETTE_SHORTCUT}</kbd>
      </button>
      <Command.Dialog
        open={open}
        onOpenChange={show}
        label="Command palette"
        shouldFilter={false}
        value={active}
        onValueChange={setActive}
        loop
        overlayClassName="palette-overlay"
        contentClassName="palette-dialog"
      >
        <div className="palette-input">
          <SearchIcon />
          <Command.Input value={text} onValueChange={setText} placeholder="Search files, datasets and conversations, paste a link, or type a command"/>
        </div>
        <Command.List className="palette-list" aria-label="Results">
          {searching && <Command.Loading label="Searching">Searching…</Command.Loading>}
          {status && (
            <p className="palette-status" role="status">
              {status}
            </p>
          )}
          {group('Open link', sections.link)}
          {group('Recent', sections.recent)}
          {group('Commands', sections.commands)}
          {group(`Results for “${query}”`, sections.results)}
          {!searching && !status && <Command.Empty>Nothing found.</Command.Empty>}
        </Command.List>
      </Command.Dialog>
    </>
  );
}
