// Delete's confirmation: what Ouro's dry run said would go — each item and what is inside it —
// and what it refused (no permission, already gone), before anything is deleted.
import type { DeletePreview } from '../../../shared/actions';
import { describeError } from '../../../shared/error-kinds';
import { SheetButtons } from './EditSheets';
import { Sheet } from './Sheet';

function childName(child: { name: string | null; assetType: string | null }): string {
  return child.name ?? `an unnamed ${child.assetType ?? 'item'}`;
}

export function DeleteSheet({ preview, busy, onConfirm, onCancel }: { preview: DeletePreview; busy: boolean; onConfirm(): void; onCancel(): void }) {
  const count = preview.items.length;
  const title = count === 0 ? 'Nothing can be deleted' : count === 1 ? `Delete “${preview.items[0]?.name ?? ''}”?` : `Delete ${count} items?`;
  return (
    <Sheet
      title={title}
      role="alertdialog"
      onCancel={onCancel}
      onSubmit={() => count > 0 && onConfirm()}
      wide
      footer={count > 0 ? <SheetButtons label="Delete" danger busy={busy} onCancel={onCancel} /> : <button type="button" onClick={onCancel} data-autofocus>Close</button>}
    >
      {count > 0 && <p>They are deleted from Ouro for everyone. This cannot be undone.</p>}
      {count > 0 && (
        <ul className="delete-list" aria-label="Items to delete">
          {preview.items.map((item) => (
            <li key={item.id}>
              <strong>{item.name}</strong>
              {item.childrenKnown && item.children.length > 0 && (
                <>
                  <span className="muted"> and {item.children.length === 1 ? '1 item' : `${item.children.length} items`} inside it:</span>
                  <ul className="delete-children">
                    {item.children.map((child) => (
                      <li key={child.id}>{childName(child)}</li>
                    ))}
                  </ul>
                </>
              )}
              {!item.childrenKnown && <span className="muted"> — items inside it may also be deleted.</span>}
            </li>
          ))}
        </ul>
      )}
      {preview.refused.length > 0 && (
        <div className="delete-refused">
          <p>{preview.refused.length === 1 ? 'This one will not be deleted:' : `These ${preview.refused.length} will not be deleted:`}</p>
          <ul aria-label="Not deleted">
            {preview.refused.map((r) => (
              <li key={r.id}>
                {r.name ?? `A ${r.assetType}`}: {describeError(r.error).title}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Sheet>
  );
}
