// The Files/Datasets toolbar, one compact row: search (debounced), scope, a "Filters" popover
// (organization, team, sort) and the result count; the active filters show below as removable
// chips. Nothing in the row changes width with the choices made, so the list never jumps.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Scope, SortOrder } from '../../../shared/browse';
import { placeName } from '../../../shared/display-names';
import type { UploadDestinations } from '../../../shared/uploads';
import { CloseIcon, FilterIcon, SearchIcon } from '../components/icons';
import { Popover } from '../components/Popover';
import type { ListChoices } from './preferences';
import './toolbar.css';

const SEARCH_DEBOUNCE_MS = 250;

const scopeLabels: Record<Scope, string> = { personal: 'Mine', org: 'My organizations', all: 'All of Ouro' };
export const sortLabels: Record<SortOrder, string> = { recent: 'Recently added', updated: 'Recently updated', popular: 'Popular', relevant: 'Most relevant' };

export interface AssetToolbarProps {
  choices: ListChoices;
  onChoices(next: ListChoices): void;
  query: string;
  onQuery(query: string): void;
  sort: SortOrder;
  onSort(sort: SortOrder): void;
  destinations: UploadDestinations | undefined;
  noun: string;
  /** "128 files", "3 matches": what the list holds, when known. */
  countText: string | null;
  /** "Updated 5 min ago" beside the count while the rows are a kept answer (FreshnessMark). */
  freshness?: ReactNode;
}

export function AssetToolbar({ choices, onChoices, query, onQuery, sort, onSort, destinations, noun, countText, freshness }: AssetToolbarProps) {
  const [text, setText] = useState(query);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersButton = useRef<HTMLButtonElement>(null);
  const ids = { search: useId(), scope: useId(), org: useId(), team: useId(), sort: useId(), filters: useId() };

  useEffect(() => {
    if (text.trim() === query) return;
    const timer = setTimeout(() => onQuery(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, query, onQuery]);

  const orgs = destinations?.organizations ?? [];
  const teams = orgs.flatMap((org) => org.teams.map((team) => ({ team, org }))).filter(({ org }) => !choices.orgId || org.id === choices.orgId);
  const chosenOrg = orgs.find((org) => org.id === choices.orgId);
  const chosenTeam = teams.find(({ team }) => team.id === choices.teamId);
  const active = (choices.orgId ? 1 : 0) + (choices.teamId ? 1 : 0);

  return (
    <>
      <div className="toolbar" role="group" aria-label={`${noun} filters`}>
        <div className="search-box">
          <SearchIcon />
          <label htmlFor={ids.search} className="visually-hidden">
            Search
          </label>
          <input
            id={ids.search}
            type="search"
            placeholder={`Search ${noun.toLowerCase()}`}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && text) {
                event.preventDefault();
                setText('');
              }
            }}
          />
        </div>
        <label htmlFor={ids.scope} className="visually-hidden">
          Scope
        </label>
        <select id={ids.scope} className="scope-select" value={choices.scope} onChange={(event) => onChoices({ ...choices, scope: event.target.value as Scope })}>
          {(Object.keys(scopeLabels) as Scope[]).map((scope) => (
            <option key={scope} value={scope}>
              {scopeLabels[scope]}
            </option>
          ))}
        </select>
        <div className="filters-anchor">
          <button
            ref={filtersButton}
            type="button"
            className="filters-button"
            aria-expanded={filtersOpen}
            aria-controls={filtersOpen ? ids.filters : undefined}
            onClick={() => setFiltersOpen((open) => !open)}
          >
            <FilterIcon /> Filters{active > 0 && <span className="count-badge">{active}</span>}
          </button>
          <Popover anchor={filtersButton} open={filtersOpen} onClose={() => setFiltersOpen(false)} label={`${noun} filters and sort`} id={ids.filters} className="filters-popover">
            <div className="form-field">
              <label htmlFor={ids.org}>Organization</label>
              <select id={ids.org} value={choices.orgId ?? ''} onChange={(event) => onChoices({ ...choices, orgId: event.target.value || null, teamId: null })}>
                <option value="">Any organization</option>
                {orgs.map((org) => (
                  <option key={org.id} value={org.id}>
                    {org.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-field">
              <label htmlFor={ids.team}>Team</label>
              <select id={ids.team} value={choices.teamId ?? ''} onChange={(event) => onChoices({ ...choices, teamId: event.target.value || null })}>
                <option value="">Any team</option>
                {teams.map(({ team, org }) => (
                  <option key={team.id} value={team.id}>
                    {choices.orgId ? team.name : placeName(org, team)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-field">
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
            <div className="popover-actions">
              <button type="button" onClick={() => onChoices({ ...choices, orgId: null, teamId: null })} disabled={active === 0}>
                Clear filters
              </button>
              <button type="button" className="primary" onClick={() => setFiltersOpen(false)}>
                Done
              </button>
            </div>
          </Popover>
        </div>
        {freshness}
        <span className="toolbar-count" role="status">
          {countText}
        </span>
      </div>
      {active > 0 && (
        <ul className="chips" aria-label="Active filters">
          {choices.orgId && (
            <li>
              <button type="button" className="chip" onClick={() => onChoices({ ...choices, orgId: null, teamId: null })} aria-label={`Remove filter Organization: ${chosenOrg?.name ?? 'organization'}`}>
                <span className="chip-label">Organization:</span> <span className="chip-value">{chosenOrg?.name ?? '…'}</span> <CloseIcon />
              </button>
            </li>
          )}
          {choices.teamId && (
            <li>
              <button type="button" className="chip" onClick={() => onChoices({ ...choices, teamId: null })} aria-label={`Remove filter Team: ${chosenTeam?.team.name ?? 'team'}`}>
                <span className="chip-label">Team:</span> <span className="chip-value">{chosenTeam?.team.name ?? '…'}</span> <CloseIcon />
              </button>
            </li>
          )}
        </ul>
      )}
    </>
  );
}
