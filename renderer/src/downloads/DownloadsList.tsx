// Downloads in the tray: each save and bulk download with its progress, Cancel while it runs,
// Show in Folder when done (where the host has a file manager), the reason when it failed.
import type { DownloadItem } from '../../../shared/actions';
import { describeError } from '../../../shared/error-kinds';
import { formatBytes } from '../../../shared/format-bytes';
import { call } from '../ouro';
import { useDownloads } from './use-downloads';

const stateLabel: Record<DownloadItem['state'], string> = { queued: 'Waiting', downloading: 'Downloading', done: 'Downloaded', failed: 'Failed', cancelled: 'Cancelled' };

function DownloadRow({ item, canShow }: { item: DownloadItem; canShow: boolean }) {
  const name = item.fileName || 'Preparing…';
  const running = item.state === 'queued' || item.state === 'downloading';
  const percent = item.state === 'done' ? 100 : item.total ? Math.min(100, Math.floor((item.bytes / item.total) * 100)) : 0;
  const friendly = item.error ? describeError(item.error) : null;
  return (
    <li className={`upload-item upload-${item.state === 'downloading' ? 'uploading' : item.state}`}>
      <div className="upload-line">
        <span className="upload-name" title={name}>
          {name}
        </span>
        <span className="upload-state">{stateLabel[item.state]}</span>
      </div>
      {running && (
        <div className="upload-bar" role="progressbar" aria-label={`Download progress of ${name}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <div className="upload-bar-fill" style={{ width: `${percent}%` }} />
        </div>
      )}
      {friendly ? (
        <div className="upload-error" role="note">
          <strong>{friendly.title}</strong> {friendly.message}
        </div>
      ) : (
        <div className="upload-detail">{item.total ? `${formatBytes(item.bytes)} of ${formatBytes(item.total)}` : formatBytes(item.bytes)}</div>
      )}
      <div className="upload-actions">
        {running && (
          <button type="button" aria-label={`Cancel download of ${name}`} onClick={() => void call('downloads:cancel', { id: item.id }).catch(() => {})}>
            Cancel
          </button>
        )}
        {item.state === 'done' && canShow && (
          <button type="button" aria-label={`Show ${name} in folder`} onClick={() => void call('downloads:show-in-folder', { id: item.id }).catch(() => {})}>
            Show in Folder
          </button>
        )}
      </div>
    </li>
  );
}

export function DownloadsList() {
  const downloads = useDownloads();
  const items = downloads.data?.items ?? [];
  if (items.length === 0) return null;
  const finished = items.some((i) => i.state === 'done' || i.state === 'failed' || i.state === 'cancelled');
  return (
    <section className="downloads-section" aria-labelledby="downloads-title">
      <div className="tray-header">
        <h2 id="downloads-title">Downloads</h2>
        <div className="spacer" />
        <button type="button" onClick={() => void call('downloads:clear-finished').catch(() => {})} disabled={!finished}>
          Clear finished
        </button>
      </div>
      <ul className="upload-list" aria-label="Downloads">
        {[...items].reverse().map((item) => (
          <DownloadRow key={item.id} item={item} canShow={downloads.data?.canShowInFolder ?? false} />
        ))}
      </ul>
    </section>
  );
}
