// The account's two files in the data folder: settings.json (the API address the person confirmed)
// and account-cache.json (the last verified profile, so a stored key shows its user before Ouro answers).
import path from 'node:path';
import { z } from 'zod';
import type { AccountUser } from '../../shared/account';
import type { Logger } from '../log';
import { readJson, removeFile, writeJsonAtomic } from '../storage/atomic-json';

// `confirmedApiBaseUrl`, not the old `apiBaseUrl`: an address saved before sign-in needed a native
// confirmation may have been chosen by page script, so it is not carried over.
const SettingsSchema = z.object({ confirmedApiBaseUrl: z.string().optional() });
const CacheSchema = z.object({
  apiBaseUrl: z.string(),
  user: z.object({ id: z.string(), username: z.string(), displayName: z.string().nullable(), email: z.string().nullable() }),
  keyName: z.string().nullable(),
});

export interface CachedProfile {
  user: AccountUser;
  keyName: string | null;
}

export interface AccountFiles {
  confirmedAddress(): Promise<string | undefined>;
  /** null: back to the launch's default address (nothing remembered). Failures are only logged. */
  saveConfirmedAddress(base: string | null): Promise<void>;
  /** The cached profile, only if it was cached for this API address. */
  cachedProfile(apiBaseUrl: string): Promise<CachedProfile | null>;
  /** Failures are only logged: the cache is a convenience. */
  cacheProfile(apiBaseUrl: string, profile: CachedProfile): Promise<void>;
  forgetProfile(): Promise<void>;
}

export function accountFiles(dataDir: string, log: Logger): AccountFiles {
  const settingsFile = path.join(dataDir, 'settings.json');
  const cacheFile = path.join(dataDir, 'account-cache.json');
  return {
    async confirmedAddress() {
      return (await readJson(settingsFile, SettingsSchema))?.confirmedApiBaseUrl;
    },
    async saveConfirmedAddress(base) {
      const settings = base === null ? {} : { confirmedApiBaseUrl: base };
      await writeJsonAtomic(settingsFile, settings).catch((error: unknown) => log.warn('Could not save settings', error));
    },
    async cachedProfile(apiBaseUrl) {
      const cache = await readJson(cacheFile, CacheSchema);
      return cache && cache.apiBaseUrl === apiBaseUrl ? { user: cache.user, keyName: cache.keyName } : null;
    },
    async cacheProfile(apiBaseUrl, { user, keyName }) {
      await writeJsonAtomic(cacheFile, { apiBaseUrl, user, keyName }).catch((error: unknown) => log.warn('Could not cache the profile', error));
    },
    forgetProfile: () => removeFile(cacheFile),
  };
}
