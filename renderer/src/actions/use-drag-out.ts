// Dragging rows out of the window as files. Electron: main caches the bytes as soon as it hears
// about the items (`drag:prepare`, called on pointer-down and on every selection change) and the
// preload's startDrag hands the OS real files. Web host: `drag:prepare` returns short-lived links
// and the row's dragstart sets Chromium's `DownloadURL` drag data (one item per drag).
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { DragLink } from '../../../shared/actions';
import type { AssetRow } from '../../../shared/browse';
import { call } from '../ouro';
import { refOf } from './use-item-actions';

const PREPARE_DEBOUNCE_MS = 120;
/** Re-prepare a little before the links expire. */
const EXPIRY_MARGIN_MS = 20_000;

export function useDragOut(selectedRows: AssetRow[]) {
  const links = useRef(new Map<string, DragLink>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [ready, setReady] = useState(false);

  const prepare = useCallback((rows: AssetRow[]) => {
    clearTimeout(timer.current);
    const now = Date.now();
    const missing = rows.filter((r) => (links.current.get(r.id)?.expiresAt ?? 0) - EXPIRY_MARGIN_MS < now).slice(0, 100);
    if (missing.length === 0) return setReady(true);
    setReady(false);
    timer.current = setTimeout(() => {
      call('drag:prepare', { items: missing.map(refOf) }).then(
        (prepared) => {
          if (prepared.mode === 'download-url') for (const link of prepared.items) links.current.set(link.id, link);
          setReady(true);
        },
        // A drag that cannot be prepared simply carries no file; nothing to tell the person yet.
        () => setReady(false),
      );
    }, PREPARE_DEBOUNCE_MS);
  }, []);

  const ids = selectedRows.map((r) => r.id).join(',');
  useEffect(() => {
    if (selectedRows.length > 0) prepare(selectedRows);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-prepare when the ids change, not on every render
  }, [ids, prepare]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onDragStart = useCallback(
    (row: AssetRow, event: DragEvent) => {
      const rows = selectedRows.some((r) => r.id === row.id) ? selectedRows : [row];
      if (window.ouro.startDrag) {
        event.preventDefault();
        window.ouro.startDrag(rows.slice(0, 100).map(refOf));
        return;
      }
      const link = links.current.get(row.id);
      if (!link || link.expiresAt < Date.now()) {
        // Not ready yet: prepare it for the next drag rather than drag nothing useful.
        prepare([row]);
        return;
      }
      event.dataTransfer.setData('DownloadURL', `${link.mimeType}:${link.fileName}:${new URL(link.url, window.location.href).toString()}`);
      if (row.url) event.dataTransfer.setData('text/uri-list', row.url);
      event.dataTransfer.effectAllowed = 'copy';
    },
    [selectedRows, prepare],
  );

  return { prepare, onDragStart, ready };
}
