// The ticking "now" behind relative times in the conversations list: one clock for the whole
// list, so rendering stays pure and "5 minutes ago" does not go stale while the app is open.
import { useEffect, useState } from 'react';

export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
