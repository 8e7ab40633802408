// Reads the real OS keychain the way a person would check it, with libsecret's secret-tool.
import { spawnSync } from 'node:child_process';
import { keychainService } from '../../electron/app/app-identity';

// Both hosts under test are development runs (the web host; Electron started unpackaged), which
// keep their keys apart from an installed Ouro's.
export const SERVICE = keychainService('development');

/** The stored secret for an API base URL, or null when there is none. */
export function keychainLookup(account: string): string | null {
  const result = spawnSync('secret-tool', ['lookup', 'service', SERVICE, 'account', account], { encoding: 'utf8' });
  if (result.error) throw new Error(`secret-tool is not available: ${result.error.message}`);
  return result.status === 0 && result.stdout ? result.stdout : null;
}

export function keychainClear(account: string): void {
  spawnSync('secret-tool', ['clear', 'service', SERVICE, 'account', account]);
}
