// The renderer's one view of my organizations and teams: the list filters, the names of
// organizations and teams everywhere, the drop overlay and the upload sheet all read it.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from '../ouro';
import { queryKeys } from './keys';

export function useDestinations() {
  return useQuery({ queryKey: queryKeys.destinations(), queryFn: () => call('uploads:destinations'), staleTime: 60_000 });
}

export interface DisplayNames {
  /** My organization's display name for this id, else the listed name (already formatted by main). */
  organization(id: string | null, listed: string | null): string;
  team(id: string | null, listed: string | null): string;
}

/** Names as the filters show them, so a row and its details never disagree with the filter. */
export function useDisplayNames(): DisplayNames {
  const { data } = useDestinations();
  return useMemo(() => {
    const orgs = new Map<string, string>();
    const teams = new Map<string, string>();
    for (const org of data?.organizations ?? []) {
      orgs.set(org.id, org.name);
      for (const team of org.teams) teams.set(team.id, team.name);
    }
    return {
      organization: (id, listed) => (id ? orgs.get(id) : undefined) ?? listed ?? '—',
      team: (id, listed) => (id ? teams.get(id) : undefined) ?? listed ?? '—',
    };
  }, [data]);
}
