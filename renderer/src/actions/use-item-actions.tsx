// Runs an item action on the selected rows — from the context menu, the app menu, a shortcut or
// the details pane alike — and owns the sheets and the result notice it may need. Edits are
// optimistic with rollback; Delete goes preview → confirm sheet → delete.
import { copyDesktopLink } from '../links/CopyDesktopLinkButton';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AssetChanges, AssetRef, DeletePreview, EditVisibility } from '../../../shared/actions';
import { AppError } from '../../../shared/app-error';
import type { AssetRow } from '../../../shared/browse';
import { describeError, type AppErrorData } from '../../../shared/error-kinds';
import type { ItemAction } from '../../../shared/item-actions';
import { useOuroEvent } from '../events';
import { call } from '../ouro';
import { refreshInfiniteLists } from '../queries/infinite-lists';
import { queryKeys } from '../queries/keys';
import { patchRows, removeRows, restoreLists, settleRow } from './asset-cache';
import { ActionNotice, type Notice } from './ActionNotice';
import { DeleteSheet } from './DeleteSheet';
import { DescriptionSheet, MoveSheet, RenameSheet } from './EditSheets';
import { chooseReplacement } from './replace-file';

type SheetState =
  | { kind: 'rename'; row: AssetRow }
  | { kind: 'details'; row: AssetRow; description: string }
  | { kind: 'move'; rows: AssetRow[] }
  | { kind: 'delete'; preview: DeletePreview; busy: boolean };

export const refOf = (row: AssetRow): AssetRef => ({ id: row.id, assetType: row.assetType === 'dataset' ? 'dataset' : 'file' });

function errorData(error: unknown): AppErrorData {
  return error instanceof AppError ? error.toData() : { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}

function failureNotice(error: unknown, what: string): Notice {
  const friendly = describeError(errorData(error));
  return { tone: 'error', title: friendly.title, message: `${what}: ${friendly.message}` };
}

const names = (list: readonly string[]) => (list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1) ?? ''}`);

export function useItemActions({ onOpen }: { onOpen(row: AssetRow): void }) {
  const queryClient = useQueryClient();
  const [sheet, setSheet] = useState<SheetState | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const sheetOpen = useRef(false);
  useEffect(() => {
    sheetOpen.current = sheet !== null;
  }, [sheet]);

  // A replacement finished: the file's record, preview and thumbnail are the new content's.
  useOuroEvent('uploads:changed', (delta) => {
    for (const item of delta.items) {
      if (item.kind !== 'replace' || item.state !== 'done' || !item.targetId) continue;
      void queryClient.invalidateQueries({ queryKey: ['file', item.targetId] });
      refreshInfiniteLists(queryClient, (key) => key[0] === 'asset-lists');
    }
  });

  const update = useCallback(
    async (rows: AssetRow[], changes: AssetChanges, patch: (row: AssetRow) => AssetRow, what: string) => {
      const undo = patchRows(queryClient, rows.map((r) => r.id), patch);
      const failed: string[] = [];
      let firstError: unknown = null;
      for (const row of rows) {
        try {
          settleRow(queryClient, await call('assets:update', { ...refOf(row), changes }));
        } catch (error) {
          failed.push(row.name);
          firstError ??= error;
          // Roll back just this row, to what it was before the change.
          const before = undo.flatMap(([, data]) => data?.pages.flatMap((p) => p.items) ?? []).find((r) => r.id === row.id);
          if (before) patchRows(queryClient, [row.id], () => before);
        }
      }
      if (failed.length === rows.length) restoreLists(queryClient, undo);
      if (firstError) setNotice(failureNotice(firstError, `${what} ${names(failed)} was not saved`));
      else setNotice({ tone: 'info', title: `${what} saved`, message: rows.length === 1 ? `“${rows[0]?.name ?? ''}” is updated on Ouro.` : `${rows.length} items are updated on Ouro.` });
    },
    [queryClient],
  );

  const startDelete = useCallback(async (rows: AssetRow[]) => {
    try {
      const preview = await call('assets:delete-preview', { items: rows.map(refOf) });
      setSheet({ kind: 'delete', preview, busy: false });
    } catch (error) {
      setNotice(failureNotice(error, 'Nothing was deleted'));
    }
  }, []);

  const confirmDelete = useCallback(
    async (preview: DeletePreview) => {
      setSheet({ kind: 'delete', preview, busy: true });
      try {
        const result = await call('assets:delete', { token: preview.token, ids: preview.items.map((i) => i.id) });
        removeRows(queryClient, result.results.filter((r) => r.status === 'deleted').map((r) => r.id));
        setSheet(null);
        if (result.failed > 0) {
          const reasons = result.results.filter((r) => r.status === 'failed').map((r) => `${r.name}: ${r.error ? describeError(r.error).title : 'not deleted'}`);
          setNotice({ tone: 'error', title: `Could not delete ${names(result.notDeleted)}`, message: `${result.deleted} deleted. ${reasons.join('. ')}.` });
        } else {
          setNotice({ tone: 'info', title: result.deleted === 1 ? 'Deleted' : `${result.deleted} items deleted`, message: names(result.results.map((r) => r.name)) });
        }
      } catch (error) {
        setSheet(null);
        const data = errorData(error);
        // The sheet sat open too long or was confirmed twice: show what would go again.
        if (data.kind === 'not-confirmed') {
          const rows = preview.items.map((i) => ({ id: i.id, assetType: i.assetType }));
          void call('assets:delete-preview', { items: rows }).then((fresh) => setSheet({ kind: 'delete', preview: fresh, busy: false }), (e: unknown) => setNotice(failureNotice(e, 'Nothing was deleted')));
          return;
        }
        setNotice(failureNotice(error, 'Nothing was deleted'));
      }
    },
    [queryClient],
  );

  const run = useCallback(
    async (action: ItemAction, rows: AssetRow[]) => {
      const [first] = rows;
      if (!first || sheetOpen.current) return;
      setNotice(null);
      switch (action) {
        case 'open':
          return onOpen(first);
        case 'rename':
          return setSheet({ kind: 'rename', row: first });
        case 'edit-details': {
          const record = await call(first.assetType === 'dataset' ? 'datasets:get' : 'files:get', { id: first.id }).catch(() => null);
          return setSheet({ kind: 'details', row: first, description: record?.description ?? '' });
        }
        case 'move':
          return setSheet({ kind: 'move', rows });
        case 'visibility-private':
        case 'visibility-organization':
        case 'visibility-public': {
          const visibility = action.slice('visibility-'.length) as EditVisibility;
          return update(rows, { visibility }, (r) => ({ ...r, visibility }), 'Visibility');
        }
        case 'delete':
          return startDelete(rows);
        case 'copy-link': {
          const links = rows.map((r) => r.url).filter((u): u is string => !!u);
          try {
            await navigator.clipboard.writeText(links.join('\n'));
            setNotice({ tone: 'info', title: links.length === 1 ? 'Link copied' : `${links.length} links copied`, message: '' });
          } catch {
            setNotice({ tone: 'error', title: 'Could not copy the link', message: 'The clipboard refused it.' });
          }
          return;
        }
        case 'copy-desktop-link': {
          const said = await copyDesktopLink({ type: first.assetType === 'dataset' ? 'dataset' : 'file', id: first.id });
          setNotice({ tone: said.startsWith('Could not') ? 'error' : 'info', title: said, message: '' });
          return;
        }
        case 'open-in-ouro':
          if (first.url) await call('app:open-external', { url: first.url }).catch((e: unknown) => setNotice(failureNotice(e, 'Could not open it')));
          return;
        case 'download':
          try {
            if (rows.length === 1) await call(first.assetType === 'dataset' ? 'datasets:export' : 'files:download', { id: first.id });
            else {
              const started = await call('downloads:bulk', { items: rows.map(refOf) });
              if (started.started) setNotice({ tone: 'info', title: `Downloading ${started.count} items`, message: `Into ${started.folderName}. Follow them under Downloads.` });
            }
            window.dispatchEvent(new CustomEvent('ouro:reveal-tray'));
          } catch (error) {
            setNotice(failureNotice(error, 'The download did not start'));
          }
          return;
        case 'replace':
          try {
            if (await chooseReplacement(first.id)) window.dispatchEvent(new CustomEvent('ouro:reveal-tray'));
          } catch (error) {
            setNotice(failureNotice(error, `“${first.name}” was not replaced`));
          }
          return;
      }
    },
    [onOpen, startDelete, update],
  );

  const close = () => setSheet(null);
  let element: ReactNode = null;
  if (sheet?.kind === 'rename') {
    const row = sheet.row;
    element = <RenameSheet row={row} onCancel={close} onSave={(name) => (close(), void update([row], { name }, (r) => ({ ...r, name }), 'The new name'))} />;
  } else if (sheet?.kind === 'details') {
    const row = sheet.row;
    element = <DescriptionSheet row={row} initial={sheet.description} onCancel={close} onSave={(description) => (close(), void update([row], { description }, (r) => r, 'The description'))} />;
  } else if (sheet?.kind === 'move') {
    const rows = sheet.rows;
    element = (
      <MoveSheet
        rows={rows}
        onCancel={close}
        onMove={(to) => (close(), void update(rows, { move: { orgId: to.orgId, teamId: to.teamId } }, (r) => ({ ...r, orgId: to.orgId, teamId: to.teamId, teamName: to.teamName }), 'The move'))}
      />
    );
  } else if (sheet?.kind === 'delete') {
    const preview = sheet.preview;
    element = <DeleteSheet preview={preview} busy={sheet.busy} onCancel={close} onConfirm={() => void confirmDelete(preview)} />;
  }

  return {
    run,
    /** A rename or other sheet is open: a second request (F2 and the menu accelerator) is ignored. */
    busy: () => sheetOpen.current,
    element: (
      <>
        {element}
        <ActionNotice notice={notice} onDismiss={() => setNotice(null)} />
      </>
    ),
    invalidateRecord: (row: AssetRow) => void queryClient.invalidateQueries({ queryKey: row.assetType === 'dataset' ? queryKeys.dataset.record(row.id) : queryKeys.file.record(row.id) }),
  };
}
