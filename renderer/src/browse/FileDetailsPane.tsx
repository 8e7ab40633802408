// A file's details: what it is, Download… / Open in Ouro / Copy link, the edit actions, its facts
// and a preview. A file dropped on the pane replaces this file's content (the id stays).
import { useState, type DragEvent } from 'react';
import { AppError } from '../../../shared/app-error';
import { describeError } from '../../../shared/error-kinds';
import { DetailsActions } from '../actions/DetailsActions';
import { replaceWithFile } from '../actions/replace-file';
import { claimDrop } from '../drop-guard';
import type { FileDetails as FileRecord } from '../../../shared/browse';
import { OFFLINE_REASON, useOffline } from '../account/queries';
import { ErrorNotice } from '../components/ErrorNotice';
import { FreshnessMark } from '../components/FreshnessMark';
import { queryKeys } from '../queries/keys';
import { CopyDesktopLinkButton } from '../links/CopyDesktopLinkButton';
import { SaveStatus } from '../downloads/SaveStatus';
import { useSaveDownload } from '../downloads/use-save-download';
import { call } from '../ouro';
import { commonFacts, DetailsHeader, FactList, type Fact } from './DetailsParts';
import { formatBytes } from './format';
import { FilePreviewView } from './FilePreviewView';
import { useFileRecord, useFilePreview } from './queries';
import { useDisplayNames } from '../queries/destinations';

function Actions({ file }: { file: FileRecord }) {
  const save = useSaveDownload('files:download', file.id);
  const [copied, setCopied] = useState<string | null>(null);
  const offline = useOffline();

  const copyLink = async () => {
    if (!file.url) return;
    try {
      await navigator.clipboard.writeText(file.url);
      setCopied('Link copied');
    } catch {
      setCopied('Could not copy the link');
    }
  };

  return (
    <div className="detail-actions">
      <div className="button-row">
        <button type="button" className="primary" onClick={save.start} disabled={save.saving || offline} title={offline ? OFFLINE_REASON : undefined}>
          {save.saving ? 'Downloading…' : 'Download…'}
        </button>
        <button type="button" onClick={() => file.url && void call('app:open-external', { url: file.url })} disabled={!file.url || offline} title={offline ? OFFLINE_REASON : undefined}>
          Open in Ouro
        </button>
        <button type="button" onClick={() => void copyLink()} disabled={!file.url}>
          Copy link
        </button>
        <CopyDesktopLinkButton item={{ type: 'file', id: file.id }} onCopied={setCopied} />
      </div>
      {offline && <p className="offline-reason">You're offline: downloading and opening in Ouro need Ouro.</p>}
      <SaveStatus save={save} label={`Downloading ${file.name}`} />
      {copied && <p className="muted" role="status">{copied}</p>}
    </div>
  );
}

export function FileDetailsPane({ id, onClose }: { id: string; onClose(): void }) {
  const details = useFileRecord(id);
  const preview = useFilePreview(id);
  const names = useDisplayNames();
  const [dropTarget, setDropTarget] = useState(false);
  const [replaceProblem, setReplaceProblem] = useState<string | null>(null);
  if (details.isPending) return <p role="status" className="details-loading">Loading details…</p>;
  if (details.isError) return <ErrorNotice error={details.error} onRetry={() => void details.refetch()} onBack={onClose} />;
  const file = details.data;
  const facts: Fact[] = [
    ['Type', file.mimeType ?? (file.extension ? `.${file.extension}` : '—')],
    ['Size', formatBytes(file.size)],
    ...commonFacts(file, names),
  ];
  if (file.width && file.height) facts.push(['Dimensions', `${file.width} × ${file.height}`]);
  if (file.license) facts.push(['License', file.license]);

  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');
  const onDrop = (event: DragEvent) => {
    setDropTarget(false);
    if (!hasFiles(event)) return;
    event.preventDefault();
    // This drop is the pane's: the window's upload sheet leaves it alone.
    claimDrop(event.nativeEvent);
    const dropped = Array.from(event.dataTransfer.files);
    if (dropped.length !== 1 || !dropped[0]) {
      setReplaceProblem('Drop one file to replace this one’s content.');
      return;
    }
    setReplaceProblem(null);
    replaceWithFile(file.id, dropped[0]).then(
      () => window.dispatchEvent(new CustomEvent('ouro:reveal-tray')),
      (error: unknown) => setReplaceProblem(describeError(error instanceof AppError ? error.toData() : { kind: 'internal', message: String(error) }).message),
    );
  };

  return (
    <article
      className={`details${dropTarget ? ' replace-drop' : ''}`}
      aria-labelledby="file-details-title"
      data-testid="file-details"
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDropTarget(true);
      }}
      onDragLeave={() => setDropTarget(false)}
      onDrop={onDrop}
    >
      <DetailsHeader titleId="file-details-title" title={file.name} subtitle={`${file.extension ? `${file.extension.toUpperCase()} file` : 'File'} · ${formatBytes(file.size)}`} onClose={onClose} />
      <div className="details-body">
        <FreshnessMark queryKey={queryKeys.file.record(id)} />
        <Actions file={file} />
        <DetailsActions id={file.id} />
        {dropTarget && <p className="replace-drop-hint" role="status">Drop to replace “{file.name}” (it keeps its link and id)</p>}
        {replaceProblem && <p className="field-problem" role="alert">{replaceProblem}</p>}
        {file.description && <p className="details-description">{file.description}</p>}
        <section aria-label="Preview" className="preview">
          <h3>Preview</h3>
          {preview.isPending && <p role="status">Loading preview…</p>}
          {preview.isError && <ErrorNotice error={preview.error} onRetry={() => void preview.refetch()} compact />}
          {preview.data && <FilePreviewView preview={preview.data} name={file.name} />}
        </section>
        <section aria-labelledby="file-facts-title">
          <h3 id="file-facts-title">Information</h3>
          <FactList facts={facts} />
        </section>
      </div>
    </article>
  );
}
