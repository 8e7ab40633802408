// The pieces every details pane shares: the header with its way back, and the facts list.
import type { ReactNode } from 'react';
import type { AssetRow } from '../../../shared/browse';
import { absoluteTime, visibilityLabel } from './format';

export type Fact = [label: string, value: string];

/** Who owns it, where it lives, who can see it, and when: the same for files and datasets. */
export function commonFacts(row: AssetRow): Fact[] {
  return [
    ['Owner', row.owner ?? '—'],
    ['Organization', row.orgName ?? '—'],
    ['Team', row.teamName ?? '—'],
    ['Visibility', row.visibility ? (visibilityLabel[row.visibility] ?? row.visibility) : '—'],
    ['Created', absoluteTime(row.createdAt)],
    ['Updated', absoluteTime(row.updatedAt)],
  ];
}

export function DetailsHeader({ titleId, title, onBack }: { titleId: string; title: string; onBack(): void }) {
  return (
    <header className="details-header">
      <button type="button" className="back" onClick={onBack}>
        Back to list
      </button>
      <h2 id={titleId}>{title}</h2>
    </header>
  );
}

export function FactList({ facts, testIds = {} }: { facts: Fact[]; testIds?: Record<string, string> }): ReactNode {
  return (
    <dl className="meta">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd data-testid={testIds[label]}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
