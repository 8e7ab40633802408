// The item actions in the details pane: for the one item shown, or for a whole multi-selection
// (with a summary of what is selected). Same actions, same rules as the menus.
import { createContext, useContext, type ReactNode } from 'react';
import type { AssetRow } from '../../../shared/browse';
import { itemActionEnabled, itemActionLabels, type ItemAction } from '../../../shared/item-actions';
import { formatBytes } from '../browse/format';
import { CloseIcon } from '../components/icons';

export interface ItemActionsApi {
  run(action: ItemAction, rows?: AssetRow[]): void;
  selectedRows: AssetRow[];
}

export const ItemActionsContext = createContext<ItemActionsApi | null>(null);

const visibilityChoices = [
  ['visibility-private', 'Private'],
  ['visibility-organization', 'Organization'],
  ['visibility-public', 'Public'],
] as const;

function ActionButtons({ rows, actions, api }: { rows: AssetRow[]; actions: ItemAction[]; api: ItemActionsApi }) {
  const files = rows.filter((r) => r.assetType !== 'dataset').length;
  const shown = actions.filter((a) => itemActionEnabled(a, { count: rows.length, files }));
  const visibilities = new Set(rows.map((r) => r.visibility));
  const current = visibilities.size === 1 ? [...visibilities][0] : null;
  return (
    <div className="item-actions">
      <div className="button-row">
        {shown.map((action) => (
          <button key={action} type="button" className={action === 'delete' ? 'danger-quiet' : undefined} onClick={() => api.run(action, rows)}>
            {itemActionLabels[action]}
          </button>
        ))}
      </div>
      <div className="visibility-row">
        <span className="muted small" aria-hidden="true">
          Visibility
        </span>
        <div className="segmented" role="group" aria-label="Visibility">
          {visibilityChoices.map(([action, label]) => (
            <button key={action} type="button" aria-pressed={current === action.slice('visibility-'.length)} onClick={() => api.run(action, rows)}>
              {label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}

/** The edit actions under a single item's details. */
export function DetailsActions({ id }: { id: string }): ReactNode {
  const api = useContext(ItemActionsContext);
  const row = api?.selectedRows.find((r) => r.id === id);
  if (!api || !row) return null;
  return <ActionButtons rows={[row]} actions={['rename', 'edit-details', 'move', 'replace', 'delete']} api={api} />;
}

/** The details pane when several items are selected. */
export function SelectionSummary({ onClose }: { onClose(): void }) {
  const api = useContext(ItemActionsContext);
  const rows = api?.selectedRows ?? [];
  if (!api) return null;
  const bytes = rows.reduce((sum, r) => sum + (r.size ?? 0), 0);
  const datasets = rows.filter((r) => r.assetType === 'dataset').length;
  const parts = [datasets < rows.length ? `${rows.length - datasets} ${rows.length - datasets === 1 ? 'file' : 'files'}` : null, datasets > 0 ? `${datasets} ${datasets === 1 ? 'dataset' : 'datasets'}` : null].filter(Boolean);
  return (
    <article className="details" aria-labelledby="selection-title">
      <header className="details-header">
        <div className="details-title">
          <h2 id="selection-title">{rows.length} items selected</h2>
          <p className="muted">
            {parts.join(', ')}
            {bytes > 0 ? ` · ${formatBytes(bytes)}` : ''}
          </p>
        </div>
        <button type="button" className="icon-button" aria-label="Close details" title="Close details (Esc)" onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      <div className="details-body">
        <ActionButtons rows={rows} actions={['download', 'move', 'copy-link', 'delete']} api={api} />
        <section aria-labelledby="selection-list-title">
          <h3 id="selection-list-title">Selected</h3>
          <ul className="selection-list">
            {rows.slice(0, 50).map((r) => (
              <li key={r.id} title={r.name}>
                {r.name}
              </li>
            ))}
            {rows.length > 50 && <li className="muted">and {rows.length - 50} more</li>}
          </ul>
        </section>
      </div>
    </article>
  );
}
