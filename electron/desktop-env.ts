// Environment settings for the cache, notifications and outbox, read the same way by both hosts:
// OURO_CACHE_MAX_MB (the answer cache's budget), OURO_NOTIFICATIONS_POLL_MS (how often the
// unread count is polled; tests shorten it) and OURO_OUTBOX_RETRY_MS (the wait before a message
// that met a server error is tried again; tests lengthen it to retry by hand).
type Env = Record<string, string | undefined>;

export interface DesktopEnvOptions {
  cacheBudgetBytes?: number;
  notificationPollMs?: number;
  outboxRetryDelaysMs?: number[];
}

function positive(raw: string | undefined, min: number, max: number): number | undefined {
  if (!raw?.trim()) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

export function desktopOptionsFromEnv(env: Env): DesktopEnvOptions {
  const megabytes = positive(env.OURO_CACHE_MAX_MB, 1, 100_000);
  const pollMs = positive(env.OURO_NOTIFICATIONS_POLL_MS, 200, 24 * 3_600_000);
  const outboxRetryMs = positive(env.OURO_OUTBOX_RETRY_MS, 100, 24 * 3_600_000);
  return {
    ...(megabytes !== undefined ? { cacheBudgetBytes: Math.round(megabytes * 1024 * 1024) } : {}),
    ...(pollMs !== undefined ? { notificationPollMs: Math.round(pollMs) } : {}),
    ...(outboxRetryMs !== undefined ? { outboxRetryDelaysMs: [Math.round(outboxRetryMs)] } : {}),
  };
}
