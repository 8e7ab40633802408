// The window's one notice about reaching Ouro, in the title bar so it never moves the layout:
// offline (with the one Retry), or main waiting to retry by itself after a 429 or a brief
// outage, counting down so a pause never looks like a hang.
import { skipToken, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AccountState } from '../../../shared/account';
import { useReconnect } from '../account/queries';
import { queryKeys } from '../queries/keys';
import type { RetryingNotice } from '../queries/main-events';
import { AlertIcon } from './icons';

const wording: Record<RetryingNotice['kind'], string> = {
  'rate-limited': 'Ouro asked us to slow down.',
  server: 'Ouro is having trouble.',
  network: "Can't reach Ouro.",
};

/** Keep it up a moment past the wait, for the retried request to land. */
const LINGER_MS = 1500;

function useRetrying(): { text: string } | null {
  // Filled by `requests:retrying` (queries/main-events.ts); nothing to fetch.
  const notice = useQuery<RetryingNotice>({ queryKey: queryKeys.notices.retrying(), queryFn: skipToken }).data;
  const [now, setNow] = useState(() => Date.now());
  const until = notice ? notice.receivedAt + notice.retryInSeconds * 1000 : 0;
  useEffect(() => {
    if (!notice) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() > until + LINGER_MS) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [notice, until]);
  if (!notice || now > until + LINGER_MS) return null;
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  return { text: `${wording[notice.kind]} ${left > 0 ? `Retrying automatically in ${left} s.` : 'Retrying now…'}` };
}

export function ConnectionNotice({ account }: { account: AccountState | undefined }) {
  const reconnect = useReconnect();
  const retrying = useRetrying();
  const offline = account?.status === 'signed-in' && account.connection === 'offline';
  if (offline) {
    return (
      <div role="alert" className="connection-notice offline">
        <AlertIcon />
        <span>You're offline. Ouro Desktop will keep trying to reach Ouro.</span>
        <button type="button" onClick={() => reconnect.mutate()} disabled={reconnect.isPending}>
          Retry
        </button>
      </div>
    );
  }
  if (!retrying) return null;
  return (
    <div role="alert" className="connection-notice retrying">
      <AlertIcon />
      <span>{retrying.text}</span>
    </div>
  );
}
