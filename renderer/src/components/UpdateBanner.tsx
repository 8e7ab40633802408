// When an update has been downloaded, a quiet banner offers to restart into it. It never
// interrupts: the person restarts when it suits them (or the update installs on the next quit).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useOuroEvent } from '../events';
import { call } from '../ouro';

const updateKey = ['app', 'update'] as const;

export function UpdateBanner() {
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: updateKey, queryFn: () => call('app:update-state'), staleTime: Infinity });
  useOuroEvent('app:update-ready', (next) => queryClient.setQueryData(updateKey, next));
  if (!state.data?.ready) return null;
  return (
    <div role="status" className="banner banner-update">
      <span>Ouro {state.data.version ?? ''} is ready to install.</span>
      <button type="button" onClick={() => void call('app:restart-to-update')}>
        Restart to update
      </button>
    </div>
  );
}
