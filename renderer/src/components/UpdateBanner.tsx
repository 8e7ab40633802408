// When an update has been downloaded, a quiet banner offers to restart into it. It never
// interrupts: the person restarts when it suits them (or the update installs on the next quit).
import { call } from '../ouro';
import { useUpdateState } from '../queries/app';

export function UpdateBanner() {
  const state = useUpdateState();
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
