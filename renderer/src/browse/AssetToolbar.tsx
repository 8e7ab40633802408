// The Files/Datasets toolbar: search (debounced), scope, organization, team and sort.
import { useEffect, useId, useState } from 'react';
import type { Scope, SortOrder } from '../../../shared/browse';
import type { UploadDestinations } from '../../../shared/uploads';
import type { ListChoices } from './preferences';

const SEARCH_DEBOUNCE_MS = 250;

const scopeLabels: Record<Scope, string> = { personal: 'Mine', org: 'My organizations', all: 'All of Ouro' };
const sortLabels: Record<SortOrder, string> = { recent: 'Recent', updated: 'Updated', popular: 'Popular', relevant: 'Relevant' };

export interface AssetToolbarProps {
  choices: ListChoices;
  onChoices(next: ListChoices): void;
  query: string;
  onQuery(query: string): void;
  sort: SortOrder;
  onSort(sort: SortOrder): void;
  destinations: UploadDestinations | undefined;
  noun: string;
}

export function AssetToolbar({ choices, onChoices, query, onQuery, sort, onSort, destinations, noun }: AssetToolbarProps) {
  const [text, setText] = useState(query);
  const ids = { search: useId(), scope: useId(), org: useId(), team: useId(), sort: useId() };

  useEffect(() => {
    if (text.trim() === query) return;
    const timer = setTimeout(() => onQuery(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, query, onQuery]);

  const orgs = destinations?.organizations ?? [];
  const teams = orgs.flatMap((org) => org.teams.map((team) => ({ ...team, orgId: org.id }))).filter((team) => !choices.orgId || team.orgId === choices.orgId);
  const orgName = (id: string) => orgs.find((org) => org.id === id)?.name ?? '';

  return (
    <div className="toolbar" aria-label={`${noun} filters`} role="group">
      <div className="field search-field">
        <label htmlFor={ids.search}>Search</label>
        <input
          id={ids.search}
          type="search"
          placeholder={`Search ${noun.toLowerCase()}`}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setText('');
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.scope}>Scope</label>
        <select id={ids.scope} value={choices.scope} onChange={(event) => onChoices({ ...choices, scope: event.target.value as Scope })}>
          {(Object.keys(scopeLabels) as Scope[]).map((scope) => (
            <option key={scope} value={scope}>
              {scopeLabels[scope]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.org}>Organization</label>
        <select
          id={ids.org}
          value={choices.orgId ?? ''}
          onChange={(event) => onChoices({ ...choices, orgId: event.target.value || null, teamId: null })}
        >
          <option value="">All organizations</option>
          {orgs.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.team}>Team</label>
        <select id={ids.team} value={choices.teamId ?? ''} onChange={(event) => onChoices({ ...choices, teamId: event.target.value || null })}>
          <option value="">All teams</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {choices.orgId || !team.orgId ? team.name : `${team.name} (${orgName(team.orgId)})`}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.sort}>Sort</label>
        <select id={ids.sort} value={sort} onChange={(event) => onSort(event.target.value as SortOrder)}>
          {(Object.keys(sortLabels) as SortOrder[])
            .filter((option) => option !== 'relevant' || query)
            .map((option) => (
              <option key={option} value={option}>
                {sortLabels[option]}
              </option>
            ))}
        </select>
      </div>
    </div>
  );
}
