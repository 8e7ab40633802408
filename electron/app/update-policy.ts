// Whether this run of the app may look for updates. A pure decision, so every case is a unit test:
// development runs, unpackaged runs and runs with updates switched off never contact GitHub.

export type UpdatePolicy = { enabled: true } | { enabled: false; reason: string };

export interface UpdatePolicyInput {
  /** app.isPackaged: false for `npm start` and for the e2e build driven outside an installer. */
  isPackaged: boolean;
  env: Record<string, string | undefined>;
}

/** Set to 1/true/yes to switch updates off (managed machines, tests, packagers who ship their own). */
export const DISABLE_UPDATES_ENV = 'OURO_DISABLE_AUTO_UPDATE';

const TRUTHY = new Set(['1', 'true', 'yes', 'on']);

export function updatePolicy({ isPackaged, env }: UpdatePolicyInput): UpdatePolicy {
  if (TRUTHY.has((env[DISABLE_UPDATES_ENV] ?? '').trim().toLowerCase())) {
    return { enabled: false, reason: `Updates are turned off (${DISABLE_UPDATES_ENV} is set).` };
  }
  if (env.NODE_ENV === 'development') {
    return { enabled: false, reason: 'Updates are off in development.' };
  }
  if (!isPackaged) {
    return { enabled: false, reason: 'Updates are only available in the installed app.' };
  }
  return { enabled: true };
}
