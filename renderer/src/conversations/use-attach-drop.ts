// A file dropped on a conversation: uploaded by the normal upload queue (shown in the Uploads
// tray, to the last destination used), then, once Ouro has it, a message linking it is sent
// through the outbox like any other.
import { useCallback, useRef, useState, type DragEvent } from 'react';
import { AppError } from '../../../shared/app-error';
import { describeError } from '../../../shared/error-kinds';
import type { UploadItem } from '../../../shared/uploads';
import { claimDrop } from '../drop-guard';
import { useOuroEvent } from '../events';
import { call } from '../ouro';
import { takeTransfer } from '../uploads/collect-files';

export interface Attaching {
  uploadId: string;
  name: string;
  problem: string | null;
}

const linkText = (name: string, url: string) => `[${name.replace(/[[\]]/g, '')}](${url})`;

export function useAttachDrop(send: (text: string) => void) {
  const [attaching, setAttaching] = useState<Attaching[]>([]);
  const [dragOver, setDragOver] = useState(false);
  const waiting = useRef(new Set<string>());

  const settle = useCallback(
    (items: readonly UploadItem[]) => {
      for (const item of items) {
        if (!waiting.current.has(item.id)) continue;
        if (item.state === 'done' && item.assetUrl) {
          waiting.current.delete(item.id);
          setAttaching((list) => list.filter((a) => a.uploadId !== item.id));
          send(linkText(item.name, item.assetUrl));
        } else if (item.state === 'failed' || item.state === 'cancelled') {
          waiting.current.delete(item.id);
          const problem = item.error ? describeError(item.error).message : 'The upload was cancelled.';
          setAttaching((list) => list.map((a) => (a.uploadId === item.id ? { ...a, problem } : a)));
        }
      }
    },
    [send],
  );

  useOuroEvent('uploads:changed', (delta) => {
    if (waiting.current.size === 0) return;
    if (delta.resync) void call('uploads:list').then((snapshot) => settle(snapshot.items), () => {});
    else settle(delta.items);
  });

  const onDrop = useCallback(async (event: DragEvent) => {
    setDragOver(false);
    if (!Array.from(event.dataTransfer.types).includes('Files')) return;
    event.preventDefault();
    claimDrop(event.nativeEvent);
    const take = takeTransfer(event.dataTransfer);
    try {
      const selection = await take();
      const staged: string[] = [];
      const names = [...selection.granted.map((g) => g.name)];
      for (const { file, name } of selection.files) {
        const result = window.ouro.stageFile ? await window.ouro.stageFile(file, name) : null;
        if (result?.ok) {
          staged.push(result.data.staged);
          names.push(name);
        }
      }
      if (staged.length + selection.granted.length === 0) return;
      const destination = (await call('uploads:destinations')).remembered;
      const added = await call('uploads:add', { granted: selection.granted.map((g) => g.id), staged, destination: { ...destination, asDataset: false } });
      const ids = added.ids ?? [];
      for (const id of ids) waiting.current.add(id);
      setAttaching((list) => [...list, ...ids.map((uploadId, i) => ({ uploadId, name: names[i] ?? 'file', problem: null }))]);
      window.dispatchEvent(new CustomEvent('ouro:reveal-tray'));
      // Already finished (a tiny file) before we started listening: look once.
      void call('uploads:list').then((snapshot) => settle(snapshot.items), () => {});
    } catch (error) {
      const message = describeError(error instanceof AppError ? error.toData() : { kind: 'internal', message: String(error) }).message;
      setAttaching((list) => [...list, { uploadId: crypto.randomUUID(), name: 'The dropped file', problem: message }]);
    }
  }, [settle]);

  const dismiss = (uploadId: string) => setAttaching((list) => list.filter((a) => a.uploadId !== uploadId));

  return {
    attaching,
    dismiss,
    dragOver,
    dropProps: {
      onDragOver: (event: DragEvent) => {
        if (!Array.from(event.dataTransfer.types).includes('Files')) return;
        event.preventDefault();
        setDragOver(true);
      },
      onDragLeave: (event: DragEvent) => {
        if (!(event.currentTarget as Node).contains(event.relatedTarget as Node | null)) setDragOver(false);
      },
      onDrop: (event: DragEvent) => void onDrop(event),
    },
  };
}
