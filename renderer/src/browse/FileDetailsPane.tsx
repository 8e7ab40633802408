// A file's details: what it is, a preview, and Download… / Open in Ouro / Copy link.
import { useState } from 'react';
import type { FileDetails as FileRecord, FilePreview } from '../../../shared/browse';
import { ErrorNotice } from '../components/ErrorNotice';
import { SaveStatus } from '../downloads/SaveStatus';
import { useSaveDownload } from '../downloads/use-save-download';
import { call } from '../ouro';
import { commonFacts, DetailsHeader, FactList, type Fact } from './DetailsParts';
import { formatBytes } from './format';
import { useFileRecord, useFilePreview } from './queries';

function Preview({ preview, name }: { preview: FilePreview; name: string }) {
  switch (preview.kind) {
    case 'image':
      return <img className="preview-image" src={preview.dataUrl} alt={`Preview of ${name}`} />;
    case 'text':
      return (
        <>
          <pre className="preview-text" tabIndex={0} aria-label={`Contents of ${name}`}>
            <code>{preview.text}</code>
          </pre>
          {preview.truncated && <p className="muted">Showing the first 64 KB. Download the file to see all of it.</p>}
        </>
      );
    case 'csv':
      return (
        <div className="preview-table" tabIndex={0} role="region" aria-label={`First rows of ${name}`}>
          <table>
            <thead>
              <tr>
                {preview.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, index) => (
                <tr key={index}>
                  {row.map((cell, column) => (
                    <td key={column}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'none':
      return <p className="muted">{preview.reason}</p>;
  }
}

function Actions({ file }: { file: FileRecord }) {
  const save = useSaveDownload('files:download', file.id);
  const [copied, setCopied] = useState<string | null>(null);

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
        <button type="button" className="primary" onClick={save.start} disabled={save.saving}>
          {save.saving ? 'Downloading…' : 'Download…'}
        </button>
        <button type="button" onClick={() => file.url && void call('app:open-external', { url: file.url })} disabled={!file.url}>
          Open in Ouro
        </button>
        <button type="button" onClick={() => void copyLink()} disabled={!file.url}>
          Copy link
        </button>
      </div>
      <SaveStatus save={save} label={`Downloading ${file.name}`} />
      {copied && <p className="muted" role="status">{copied}</p>}
    </div>
  );
}

export function FileDetailsPane({ id, onBack }: { id: string; onBack(): void }) {
  const details = useFileRecord(id);
  const preview = useFilePreview(id);
  if (details.isPending) return <p role="status">Loading details…</p>;
  if (details.isError) return <ErrorNotice error={details.error} onRetry={() => void details.refetch()} onBack={onBack} />;
  const file = details.data;
  const facts: Fact[] = [
    ['Type', file.mimeType ?? (file.extension ? `.${file.extension}` : '—')],
    ['Size', formatBytes(file.size)],
    ...commonFacts(file),
  ];
  if (file.width && file.height) facts.push(['Dimensions', `${file.width} × ${file.height}`]);
  if (file.license) facts.push(['License', file.license]);

  return (
    <article className="details" aria-labelledby="file-details-title">
      <DetailsHeader titleId="file-details-title" title={file.name} onBack={onBack} />
      {file.description && <p>{file.description}</p>}
      <Actions file={file} />
      <FactList facts={facts} />
      <section aria-label="Preview" className="preview">
        <h3>Preview</h3>
        {preview.isPending && <p role="status">Loading preview…</p>}
        {preview.isError && <ErrorNotice error={preview.error} onRetry={() => void preview.refetch()} compact />}
        {preview.data && <Preview preview={preview.data} name={file.name} />}
      </section>
    </article>
  );
}
