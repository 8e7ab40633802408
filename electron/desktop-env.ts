// Environment settings for the cache and notifications, read the same way by both hosts:
// OURO_CACHE_MAX_MB (the answer cache's budget) and OURO_NOTIFICATIONS_POLL_MS (how often the
// unread count is polled; tests shorten it).
type Env = Record<string, string | undefined>;

export interface DesktopEnvOptions {
  cacheBudgetBytes?: number;
  notificationPollMs?: number;
}

function positive(raw: string | undefined, min: number, max: number): number | undefined {
  if (!raw?.trim()) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

export function desktopOptionsFromEnv(env: Env): DesktopEnvOptions {
  const megabytes = positive(env.OURO_CACHE_MAX_MB, 1, 100_000);
  const pollMs = positive(env.OURO_NOTIFICATIONS_POLL_MS, 200, 24 * 3_600_000);
  return {
    ...(megabytes !== undefined ? { cacheBudgetBytes: Math.round(megabytes * 1024 * 1024) } : {}),
    ...(pollMs !== undefined ? { notificationPollMs: Math.round(pollMs) } : {}),
  };
}
