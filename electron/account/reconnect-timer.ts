// The background reconnection schedule while Ouro is unreachable: one pending attempt at a time,
// each waiting longer than the last (up to the final delay), reset once Ouro answers again.
export interface ReconnectTimer {
  /** Plans the next attempt unless one is already pending. */
  schedule(): void;
  /** Cancels a pending attempt and starts the back-off from the first delay again. */
  stop(): void;
}

export const DEFAULT_RETRY_DELAYS = [2_000, 5_000, 15_000, 30_000, 60_000];

export function createReconnectTimer(delays: readonly number[], attempt: () => void): ReconnectTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  return {
    schedule() {
      if (timer) return;
      const delay = delays[Math.min(attempts, delays.length - 1)] ?? 60_000;
      attempts += 1;
      timer = setTimeout(() => {
        timer = undefined;
        attempt();
      }, delay);
      // A pending retry must never keep the process alive (tests, quitting).
      timer.unref?.();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      attempts = 0;
    },
  };
}
