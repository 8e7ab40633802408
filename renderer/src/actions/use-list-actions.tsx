// The Files/Datasets list's selection and everything done to it: clicks with modifiers, the
// context menu (main's native one, or ours), the app menu's File items, the shortcuts, the copy
// event and dragging out. AssetSection renders; this decides.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { AssetRow } from '../../../shared/browse';
import { itemActionEnabled, itemActions, type ItemAction } from '../../../shared/item-actions';
import { useOuroEvent } from '../events';
import { call } from '../ouro';
import { ItemMenu, type MenuRequest } from './ItemMenu';
import { clickSelection, emptySelection, pruneSelection, selectAll, single, type ListSelection } from './selection';
import { useDragOut } from './use-drag-out';
import { useItemActions } from './use-item-actions';
import './actions.css';

export const isMac = /Mac/i.test(navigator.platform || navigator.userAgent);

function isTextField(element: Element | null): boolean {
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement || (element instanceof HTMLElement && element.isContentEditable);
}

export function useListActions({ items, listId, onOpen }: { items: AssetRow[]; listId: string; onOpen(row: AssetRow): void }) {
  const [chosen, setSelection] = useState<ListSelection>(emptySelection);
  const [menu, setMenu] = useState<MenuRequest | null>(null);
  const order = useMemo(() => items.map((r) => r.id), [items]);
  // Deleted or filtered-away rows leave the selection.
  const selection = useMemo(() => pruneSelection(chosen, order), [chosen, order]);
  const selectedSet = useMemo(() => new Set(selection.keys), [selection.keys]);
  const byId = useMemo(() => new Map(items.map((r) => [r.id, r])), [items]);
  const selectedRows = useMemo(() => selection.keys.map((k) => byId.get(k)).filter((r): r is AssetRow => !!r), [selection.keys, byId]);
  const actions = useItemActions({ onOpen });
  const drag = useDragOut(selectedRows);
  const latest = useRef({ selectedRows, actions });
  useEffect(() => {
    latest.current = { selectedRows, actions };
  });

  const counts = useMemo(() => {
    const files = selectedRows.filter((r) => r.assetType !== 'dataset').length;
    return { count: selectedRows.length, files, datasets: selectedRows.length - files };
  }, [selectedRows]);

  // The app menu's File items enable to match the selection and where the focus is (told only
  // when that changes: focus moves often).
  const reported = useRef('');
  useEffect(() => {
    const report = () => {
      const state = { ...counts, textFocused: isTextField(document.activeElement) };
      const key = JSON.stringify(state);
      if (key === reported.current) return;
      reported.current = key;
      void call('menu:selection-changed', state).catch(() => {});
    };
    report();
    document.addEventListener('focusin', report);
    return () => document.removeEventListener('focusin', report);
  }, [counts]);

  const run = useCallback((action: ItemAction, rows = latest.current.selectedRows) => {
    if (!itemActionEnabled(action, { count: rows.length, files: rows.filter((r) => r.assetType !== 'dataset').length })) return;
    void latest.current.actions.run(action, rows);
  }, []);

  useOuroEvent('menu:action', ({ action }) => {
    // A menu choice while a sheet is already open (a second Rename…) is ignored.
    if (latest.current.actions.busy()) return;
    run(action);
  });

  // Copy (Ctrl/Cmd-C, or Edit → Copy) with the list focused and no text selected: the links.
  useEffect(() => {
    const onCopy = (event: ClipboardEvent) => {
      const rows = latest.current.selectedRows;
      if (document.activeElement?.id !== listId || rows.length === 0 || !window.getSelection()?.isCollapsed) return;
      const links = rows.map((r) => r.url).filter((u): u is string => !!u);
      if (links.length === 0 || !event.clipboardData) return;
      event.preventDefault();
      event.clipboardData.setData('text/plain', links.join('\n'));
    };
    document.addEventListener('copy', onCopy);
    return () => document.removeEventListener('copy', onCopy);
  }, [listId]);

  const openMenu = useCallback(async (rows: AssetRow[], x: number, y: number) => {
    const files = rows.filter((r) => r.assetType !== 'dataset').length;
    const visibilities = new Set(rows.map((r) => r.visibility));
    const only = visibilities.size === 1 ? [...visibilities][0] : null;
    const checked = only === 'private' || only === 'organization' || only === 'public' ? (`visibility-${only}` as const) : undefined;
    const disabled = itemActions.filter((a) => !itemActionEnabled(a, { count: rows.length, files }));
    const request = { actions: [...itemActions], disabled, ...(checked ? { checked } : {}) };
    try {
      const answer = await call('menu:context', request);
      if (answer.supported) {
        if (answer.action) run(answer.action, rows);
        return;
      }
    } catch {
      // No menu from main: ours below.
    }
    setMenu({ ...request, x, y });
  }, [run]);

  const onRowContextMenu = useCallback(
    (row: AssetRow, event: MouseEvent) => {
      event.preventDefault();
      const inSelection = selection.keys.includes(row.id);
      const rows = inSelection ? selectedRows : [row];
      if (!inSelection) setSelection(single(row.id));
      void openMenu(rows, event.clientX, event.clientY);
    },
    [selection.keys, selectedRows, openMenu],
  );

  const onRowClick = useCallback(
    (row: AssetRow, event: MouseEvent) => {
      const toggle = isMac ? event.metaKey : event.ctrlKey;
      const next = clickSelection(selection, order, row.id, { range: event.shiftKey, toggle });
      setSelection(next);
      if (!event.shiftKey && !toggle) onOpen(row);
    },
    [selection, order, onOpen],
  );

  const onKeyDownFirst = useCallback(
    (event: KeyboardEvent<HTMLDivElement>): boolean => {
      const command = isMac ? event.metaKey : event.ctrlKey;
      const rows = latest.current.selectedRows;
      if (command && event.key.toLowerCase() === 'a') {
        setSelection((current) => selectAll(order, current));
        return true;
      }
      if (rows.length === 0) return false;
      if (event.key === 'F2' || (isMac && event.key === 'Enter' && !command)) return run('rename'), true;
      if (isMac && command && event.key === 'ArrowDown') return run('open'), true;
      // macOS: ⌫ or ⌘⌫ (its Delete key is Backspace); elsewhere the Delete key (Backspace is not).
      if (event.key === 'Delete' || (isMac && event.key === 'Backspace')) return run('delete'), true;
      if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
        const row = document.querySelector(`#${CSS.escape(listId)} [aria-selected="true"]`)?.getBoundingClientRect();
        void openMenu(rows, row ? row.left + 24 : 80, row ? row.bottom : 80);
        return true;
      }
      return false;
    },
    [order, run, listId, openMenu],
  );

  const closeMenu = useCallback(() => setMenu(null), []);
  const menuElement = menu ? (
    <ItemMenu
      request={menu}
      onClose={closeMenu}
      onChoose={(action) => {
        setMenu(null);
        run(action);
      }}
    />
  ) : null;

  const selectKey = useCallback((key: string) => setSelection(single(key)), []);

  return {
    selection,
    selectedRows,
    /** Keyboard moves, type-to-select: one row. */
    selectOne: (row: AssetRow) => setSelection(single(row.id)),
    /** An item chosen elsewhere (palette, link): selected by id; dropped if the list lacks it. */
    selectKey,
    clear: () => setSelection(emptySelection),
    isSelected: (key: string) => selectedSet.has(key),
    onRowClick,
    onRowContextMenu,
    onRowPointerDown: (row: AssetRow) => drag.prepare(selection.keys.includes(row.id) ? selectedRows : [row]),
    onRowDragStart: drag.onDragStart,
    dragReady: drag.ready,
    onKeyDownFirst,
    run,
    elements: (
      <>
        {menuElement}
        {actions.element}
      </>
    ),
  };
}
