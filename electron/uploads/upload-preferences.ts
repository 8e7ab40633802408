// Upload preferences (`uploads-preferences.json`): the last destination, per account (its
// organization and team ids mean nothing to another account), and the uploads-at-a-time setting.
import path from 'node:path';
import { z } from 'zod';
import { uploadVisibilities, type UploadDestination } from '../../shared/uploads';
import { readJson, writeJsonAtomic } from '../storage/atomic-json';

const DestinationSchema = z.object({
  orgId: z.string().optional(),
  teamId: z.string().optional(),
  visibility: z.enum(uploadVisibilities),
  asDataset: z.boolean().optional(),
});

// The older file had one `destination` for whoever was signed in; it is not carried over.
const PreferencesSchema = z.object({
  destinations: z.record(z.string(), DestinationSchema).optional(),
  concurrency: z.number().int().min(1).max(16).optional(),
});

const DEFAULT_DESTINATION: UploadDestination = { visibility: 'private' };

export interface UploadPreferences {
  load(): Promise<{ concurrency: number | undefined }>;
  destination(account: string | null): UploadDestination;
  remember(account: string, destination: UploadDestination): Promise<void>;
  /** Sign-out: every account's choices go. */
  forget(): Promise<void>;
}

export function createUploadPreferences(dataDir: string, onError: (error: unknown) => void): UploadPreferences {
  const file = path.join(dataDir, 'uploads-preferences.json');
  let destinations: Record<string, UploadDestination> = {};
  let concurrency: number | undefined;

  const save = () =>
    writeJsonAtomic(file, { destinations, ...(concurrency ? { concurrency } : {}) }).catch(onError);

  return {
    async load() {
      const saved = await readJson(file, PreferencesSchema);
      destinations = saved?.destinations ?? {};
      concurrency = saved?.concurrency;
      return { concurrency };
    },
    destination(account) {
      return (account && destinations[account]) || DEFAULT_DESTINATION;
    },
    async remember(account, destination) {
      destinations = { ...destinations, [account]: destination };
      await save();
    },
    async forget() {
      destinations = {};
      await save();
    },
  };
}
