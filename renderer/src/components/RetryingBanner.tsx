// When main is waiting to retry on its own (Ouro said 429, or was briefly unreachable), say so
// and count down, so a pause never looks like a hang.
import { skipToken, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { queryKeys } from '../queries/keys';
import type { RetryingNotice } from '../queries/main-events';

const wording: Record<RetryingNotice['kind'], string> = {
  'rate-limited': 'Ouro asked us to slow down.',
  server: 'Ouro is having trouble.',
  network: "Can't reach Ouro.",
};

/** Keep it up a moment past the wait, for the retried request to land. */
const LINGER_MS = 1500;

export function RetryingBanner() {
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
  return (
    <div role="alert" className="banner banner-retry">
      {wording[notice.kind]} {left > 0 ? `Retrying automatically in ${left} s.` : 'Retrying now…'}
    </div>
  );
}
