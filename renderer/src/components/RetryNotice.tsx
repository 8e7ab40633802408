// When main is waiting to retry on its own (Ouro said 429, or was briefly unreachable), say so
// and count down, so a pause never looks like a hang.
import { useEffect, useState } from 'react';
import type { RetryNotice as Notice } from '../../../shared/browse';
import { useOuroEvent } from '../events';

const wording: Record<Notice['kind'], string> = {
  'rate-limited': 'Ouro asked us to slow down.',
  server: 'Ouro is having trouble.',
  network: "Can't reach Ouro.",
};

export function RetryNotice() {
  const [notice, setNotice] = useState<(Notice & { until: number }) | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useOuroEvent('requests:retrying', (payload) => setNotice({ ...payload, until: Date.now() + payload.retryInSeconds * 1000 }));

  useEffect(() => {
    if (!notice) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      // Keep it up a moment past the wait, for the retried request to land.
      if (Date.now() > notice.until + 1500) setNotice(null);
    }, 250);
    return () => clearInterval(timer);
  }, [notice]);

  if (!notice) return null;
  const left = Math.max(0, Math.ceil((notice.until - now) / 1000));
  return (
    <div role="alert" className="banner banner-retry">
      {wording[notice.kind]} {left > 0 ? `Retrying automatically in ${left} s.` : 'Retrying now…'}
    </div>
  );
}
