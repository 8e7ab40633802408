// The pieces every details pane shares: the header with its close button, and the facts list.
import type { ReactNode } from 'react';
import type { AssetRow } from '../../../shared/browse';
import { CloseIcon } from '../components/icons';
import type { DisplayNames } from '../queries/destinations';
import { absoluteTime, visibilityLabel } from './format';

export type Fact = [label: string, value: string];

/** Who owns it, where it lives, who can see it, and when: the same for files and datasets. */
export function commonFacts(row: AssetRow, names: DisplayNames): Fact[] {
  return [
    ['Owner', row.owner ?? '—'],
    ['Organization', names.organization(row.orgId, row.orgName)],
    ['Team', names.team(row.teamId, row.teamName)],
    ['Visibility', row.visibility ? (visibilityLabel[row.visibility] ?? row.visibility) : '—'],
    ['Created', absoluteTime(row.createdAt)],
    ['Updated', absoluteTime(row.updatedAt)],
  ];
}

export function DetailsHeader({ titleId, title, subtitle, onClose }: { titleId: string; title: string; subtitle?: string; onClose(): void }) {
  return (
    <header className="details-header">
      <div className="details-title">
        <h2 id={titleId} title={title}>
          {title}
        </h2>
        {subtitle && <p className="muted">{subtitle}</p>}
      </div>
      <button type="button" className="icon-button" aria-label="Close details" title="Close details (Esc)" onClick={onClose}>
        <CloseIcon />
      </button>
    </header>
  );
}

export function FactList({ facts, testIds = {} }: { facts: Fact[]; testIds?: Record<string, string> }): ReactNode {
  return (
    <dl className="meta">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd data-testid={testIds[label]} title={value}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
