// "Export CSV…": main asks where to save and streams Ouro's CSV straight to disk (see
// useSaveDownload); Ouro's CSV often comes without a length, so the bar may be indeterminate.
import { SaveStatus } from '../downloads/SaveStatus';
import { useSaveDownload } from '../downloads/use-save-download';

export function DatasetExport({ id, name }: { id: string; name: string }) {
  const save = useSaveDownload('datasets:export', id);
  return (
    <div className="detail-actions">
      <div className="button-row">
        <button type="button" className="primary" onClick={save.start} disabled={save.saving}>
          Export CSV…
        </button>
      </div>
      <SaveStatus save={save} label={`Exporting ${name}`} />
    </div>
  );
}
