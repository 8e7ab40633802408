// Entry point of the Ouro stand-in: starts a seeded, fault-injectable fake of the Ouro REST API on
// 127.0.0.1 and returns the handle tests use (URL, API keys, faults, request log, uploads, seed).
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthService } from './auth';
import type { StandInServices } from './context';
import { Faults } from './faults';
import { assetRoutes } from './handlers/assets';
import { conversationRoutes } from './handlers/conversations';
import { datasetRoutes } from './handlers/datasets';
import { fileRoutes } from './handlers/files';
import { notificationRoutes } from './handlers/notifications';
import { addNotification, type NotifySpec } from './notifications';
import { searchRoutes } from './handlers/search';
import { userRoutes } from './handlers/users';
import { Router } from './router';
import { seedStore } from './seed';
import { createStandInServer } from './server';
import type { RequestLogEntry, StandIn, StandInOptions, StoredUpload } from './types';

export type {
  FaultController,
  FaultSpec,
  RequestLogEntry,
  SeedSummary,
  StandIn,
  StandInOptions,
  StoredUpload,
  NotifySpec,
} from './types';

/** Stable keys so a developer's OURO_API_KEY keeps working across `npm run stand-in` restarts. */
function fixedKey(label: string): string {
  return createHash('sha256').update(`ouro-stand-in:${label}`).digest('hex');
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const ownsStorage = options.storageDir === undefined;
  const storageDir = options.storageDir ?? (await mkdtemp(join(tmpdir(), 'ouro-stand-in-')));
  await mkdir(storageDir, { recursive: true });

  const { store, summary } = seedStore(options.seedFiles ?? 0);
  const config = { bodyLimitBytes: options.bodyLimitBytes ?? null, tokenTtlSeconds: options.tokenTtlSeconds ?? 3600 };
  const auth = new AuthService(config.tokenTtlSeconds, options.now);
  const apiKey = auth.createKey(summary.users.alice.id, 'laptop-key', fixedKey('alice:laptop-key'));
  const otherApiKey = auth.createKey(summary.users.bob.id, 'bob-workstation', fixedKey('bob:bob-workstation'));
  const faults = new Faults(config, (seconds) => {
    auth.ttlSeconds = seconds;
  });
  const log: RequestLogEntry[] = [];
  const uploads: StoredUpload[] = [];
  const services: StandInServices = { store, auth, storageDir, uploads, config };
  const router = new Router().add([...userRoutes, ...searchRoutes, ...fileRoutes, ...assetRoutes, ...datasetRoutes, ...conversationRoutes, ...notificationRoutes]);

  let url = '';
  const clearLog = (): void => {
    log.length = 0; // keep the same array: callers hold `standIn.log`
  };
  const revokeKey = (key: string): void => auth.revoke(key);
  const listUploads = (): StoredUpload[] => uploads.map((u) => ({ ...u }));
  const notify = (spec: NotifySpec): { id: string } => ({ id: addNotification(store, spec).id });

  const server = createStandInServer({
    services,
    faults,
    router,
    log,
    baseUrl: () => url,
    quiet: options.quiet ?? false,
    control: {
      faults,
      log,
      clearLog,
      revokeKey,
      uploads: listUploads,
      seed: () => ({ ...summary, apiKey, otherApiKey, url }),
      notify,
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let closed: Promise<void> | null = null;
  return {
    url,
    apiKey,
    otherApiKey,
    faults,
    log,
    clearLog,
    revokeKey,
    uploads: listUploads,
    seed: summary,
    notify,
    close(): Promise<void> {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        if (ownsStorage) await rm(storageDir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}
