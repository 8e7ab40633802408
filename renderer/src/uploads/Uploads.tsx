// Everything upload-related in the window: the drop overlay (files and folders dropped anywhere),
// paste from the clipboard, "Upload files…" (the native dialog in Electron, a file input in the
// web host, or File → Upload Files…), the confirm sheet, and the Uploads tray in the status bar.
// Mount once, while signed in.
import { usePageCommand } from '../commands';
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { describeError } from '../../../shared/error-kinds';
import type { AddUploadsResult, RejectedFile, UploadDestination, UploadDestinations } from '../../../shared/uploads';
import { AppError } from '../../../shared/app-error';
import { placeName } from '../../../shared/display-names';
import { useOuroEvent } from '../events';
import { call } from '../ouro';
import { allTabular, emptySelection, grantOrStage, pastedName, takeTransfer, type Selection } from './collect-files';
import { isClaimedDrop } from '../drop-guard';
import { ConfirmSheet } from './ConfirmSheet';
import { useDestinations } from '../queries/destinations';
import { useAddUploads, useUploads } from './queries';
import { UploadsTray } from './UploadsTray';
import { useTrayState } from './use-tray-state';
import { waitingCount } from './WaitingNotice';
import './uploads.css';

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function describeTarget(data: UploadDestinations | undefined): string | null {
  if (!data) return null;
  const { orgId, teamId, visibility } = data.remembered;
  const org = data.organizations.find((o) => o.id === orgId);
  const team = org?.teams.find((t) => t.id === teamId);
  return `${placeName(org, team)} (${visibility})`;
}

export function Uploads() {
  const uploads = useUploads();
  const add = useAddUploads();
  // The overlay names where a drop will go (the last destination used).
  const destinations = useDestinations();
  const [dragging, setDragging] = useState(false);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [busy, setBusy] = useState(false);
  const [lastResult, setLastResult] = useState<AddUploadsResult | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const tray = useTrayState();
  const { reveal } = tray;
  // Anything the person must see about a drop opens the tray for a moment.
  const showProblem = useCallback(
    (error: unknown) => {
      setProblem(error);
      reveal();
    },
    [reveal],
  );
  // Another account's uploads waiting here (never sent as this one): the tray opens to say so.
  const waiting = waitingCount(uploads.data?.waiting ?? []);
  const waitingSeen = useRef(0);
  useEffect(() => {
    if (waiting > waitingSeen.current) reveal();
    waitingSeen.current = waiting;
  }, [waiting, reveal]);
  const input = useRef<HTMLInputElement>(null);
  // Read by the window listeners (registered once) to ignore drops while the sheet is open.
  const open = useRef(false);
  useEffect(() => {
    open.current = selection !== null;
  }, [selection]);

  const offer = useCallback((next: Selection) => {
    if (next.granted.length + next.files.length === 0) {
      const skipped = next.skipped.hidden + next.skipped.system;
      if (skipped > 0) {
        setLastResult({ added: 0, rejected: [], skipped: next.skipped });
        reveal();
      }
      return;
    }
    setSelection(next);
  }, [reveal]);

  // Window-level drag and drop. drop-guard.ts already cancels the browser's default for every
  // drop (so nothing navigates to file://); these listeners only add the overlay and the upload.
  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event) || open.current) return;
      depth++;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event) || open.current) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!hasFiles(event) || open.current || isClaimedDrop(event)) return;
      event.preventDefault();
      const take = takeTransfer(event.dataTransfer);
      take().then(offer, showProblem);
    };
    const paste = (event: ClipboardEvent) => {
      if (isEditable(event.target) || open.current) return;
      const files = Array.from(event.clipboardData?.files ?? []);
      if (files.length === 0) return;
      event.preventDefault();
      const take = takeTransfer(event.clipboardData);
      take().then((picked) => {
        // Clipboard images are all called image.png: name them by when they were pasted.
        picked.files = picked.files.map((f) => ({ file: f.file, name: pastedName(f.file) }));
        picked.names = [...picked.granted.map((g) => g.name), ...picked.files.map((f) => f.name)];
        offer(picked);
      }, showProblem);
    };
    // An item action queued a replacement or a download: show the tray for a moment.
    const revealTray = () => reveal();
    window.addEventListener('ouro:reveal-tray', revealTray);
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    document.addEventListener('paste', paste);
    return () => {
      window.removeEventListener('ouro:reveal-tray', revealTray);
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      document.removeEventListener('paste', paste);
    };
  }, [offer, showProblem, reveal]);

  const chooseFiles = useCallback(async () => {
    try {
      const chosen = await call('uploads:choose-files');
      if (chosen.supported) {
        // Main's own dialog: main granted the picks and sends back handles and names.
        if (chosen.files.length) offer({ ...emptySelection(), granted: chosen.files, names: chosen.files.map((f) => f.name) });
        return;
      }
    } catch (error) {
      setProblem(error);
      return;
    }
    // No native dialog (web host): the browser's own picker.
    input.current?.click();
  }, [offer]);
  useOuroEvent('uploads:pick-requested', () => void chooseFiles());
  usePageCommand('upload-files', () => void chooseFiles());

  const onInput = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    grantOrStage(files).then(offer, showProblem);
  };

  const confirm = async (destination: UploadDestination) => {
    if (!selection) return;
    setBusy(true);
    setProblem(null);
    try {
      const rejected: RejectedFile[] = [];
      const staged: string[] = [];
      for (const { file, name } of selection.files) {
        if (!window.ouro.stageFile) {
          rejected.push({ name, reason: 'not-staged', message: 'It has no location on disk; save it to a file first, then drop that file.' });
          continue;
        }
        const result = await window.ouro.stageFile(file, name);
        if (result.ok) staged.push(result.data.staged);
        else rejected.push({ name, reason: result.error.kind === 'too-large' ? 'too-large' : 'unreadable', message: describeError(result.error).message });
      }
      let outcome: AddUploadsResult = { added: 0, rejected: [], skipped: { hidden: 0, system: 0 } };
      if (selection.granted.length + staged.length > 0) {
        outcome = await add.mutateAsync({ granted: selection.granted.map((g) => g.id), staged, destination });
      }
      tray.reveal();
      setLastResult({
        added: outcome.added,
        rejected: [...rejected, ...outcome.rejected],
        skipped: { hidden: outcome.skipped.hidden + selection.skipped.hidden, system: outcome.skipped.system + selection.skipped.system },
      });
      setSelection(null);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };

  const target = describeTarget(destinations.data);
  const problemText = problem ? describeError(problem instanceof AppError ? problem.toData() : { kind: 'internal', message: String(problem) }) : null;
  return (
    <>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true" data-testid="drop-overlay">
          <div className="drop-overlay-target">
            <strong>Drop to upload to Ouro</strong>
            <span>{target ? `To ${target}; you can change this next.` : 'Files and folders; you choose where they go next.'}</span>
          </div>
        </div>
      )}
      <input ref={input} type="file" multiple hidden onChange={onInput} aria-hidden="true" tabIndex={-1} data-testid="upload-input" />
      <UploadsTray
        snapshot={uploads.data}
        state={tray.state}
        onState={tray.setState}
        onHold={tray.setHolding}
        lastResult={lastResult}
        onDismissResult={() => setLastResult(null)}
        onChooseFiles={() => void chooseFiles()}
        problem={problemText}
      />
      {selection && (
        <ConfirmSheet
          names={selection.names}
          offerDataset={allTabular(selection.names)}
          busy={busy}
          onConfirm={(destination) => void confirm(destination)}
          onCancel={() => setSelection(null)}
        />
      )}
    </>
  );
}
