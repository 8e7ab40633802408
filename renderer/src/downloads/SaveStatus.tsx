// What a save in flight or finished shows under its button: a progress bar (indeterminate when
// Ouro sent no length), one status line, and the error with a way to try again.
import { ErrorNotice } from '../components/ErrorNotice';
import type { SaveDownload } from './use-save-download';

export function SaveStatus({ save, label }: { save: SaveDownload; label: string }) {
  return (
    <div className="save-status">
      {save.saving && <progress aria-label={label} {...(save.progress?.total ? { max: save.progress.total, value: save.progress.bytes } : {})} />}
      <p role="status" className="muted">
        {save.statusText}
      </p>
      {save.error !== null && save.error !== undefined && <ErrorNotice error={save.error} onRetry={save.start} compact />}
    </div>
  );
}
