// Uploads another account queued are never shown or sent here (main keeps them to their own
// account); this says they exist, that they wait for that account, and offers to drop them.
// Dropping says so too.
import { useState } from 'react';
import type { WaitingUploads } from '../../../shared/uploads';
import { useDropWaiting } from './queries';

function plural(count: number, one: string, many: string): string {
  return count === 1 ? `1 ${one}` : `${count.toLocaleString()} ${many}`;
}

export function waitingCount(waiting: readonly WaitingUploads[]): number {
  return waiting.reduce((sum, w) => sum + w.count, 0);
}

export function WaitingNotice({ waiting }: { waiting: readonly WaitingUploads[] }) {
  const drop = useDropWaiting();
  const [dropped, setDropped] = useState<number | null>(null);
  if (dropped !== null) {
    return (
      <div className="notice" role="status">
        <p>
          Dropped {plural(dropped, 'upload', 'uploads')} queued by another account; {dropped === 1 ? 'it was' : 'they were'} never sent.
        </p>
        <button type="button" onClick={() => setDropped(null)}>
          Dismiss
        </button>
      </div>
    );
  }
  const total = waitingCount(waiting);
  if (total === 0) return null;
  return (
    <div className="notice notice-warning" role="status">
      <p>
        {waiting.map((w) => `${plural(w.count, 'upload', 'uploads')} queued by ${w.account}`).join('; ')}{' '}
        {total === 1 ? 'waits for that account to sign in again. It is not sent as you.' : 'wait for that account to sign in again. They are not sent as you.'}
      </p>
      <button type="button" disabled={drop.isPending} onClick={() => drop.mutate(undefined, { onSuccess: setDropped })}>
        Drop {total === 1 ? 'it' : 'them'}
      </button>
    </div>
  );
}
