// Where the app's inputs come from: the Ouro API base and the app-data folder. Both hosts
// (Electron's main.ts and the web host) resolve them the same way.
import os from 'node:os';
import path from 'node:path';
import { launchApiAddress, PRODUCTION_API_BASE } from './account/api-address';

export { PRODUCTION_API_BASE };
export const APP_DIR_NAME = 'Ouro';

type Env = Record<string, string | undefined>;

/** --api-url, then OURO_BACKEND_URL, then OURO_BASE_URL (ouro-py's order), then production. No trailing slash. */
export function resolveApiBaseUrl(env: Env, argv: readonly string[] = []): string {
  return launchApiAddress(env, argv).url;
}

/** OURO_DESKTOP_DATA_DIR when set (tests give each run its own), otherwise the OS default. */
export function resolveDataDir(env: Env, fallback: string): string {
  const dir = env.OURO_DESKTOP_DATA_DIR?.trim();
  return dir ? path.resolve(dir) : fallback;
}

/**
 * The folder Electron's app.getPath('userData') would pick, for hosts that run without Electron;
 * `dirName` names the app's folder inside the OS's app-data folder.
 */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: Env = process.env, home = os.homedir(), dirName = APP_DIR_NAME): string {
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', dirName);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), dirName);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), dirName);
}

export interface HostConfig {
  apiBaseUrl: string;
  apiBaseFromEnv: boolean;
  envApiKey: string | undefined;
  httpTimeoutMs: number | undefined;
  /** How long the account waits before each try to reach Ouro again (OURO_RECONNECT_DELAYS_MS). */
  retryDelaysMs: number[] | undefined;
}

function positiveInt(raw: string | undefined): number | undefined {
  const value = Number(raw);
  return raw && Number.isInteger(value) && value > 0 ? value : undefined;
}

/** "2000,5000,15000": positive whole milliseconds, the last repeating; anything else is ignored. */
export function delayList(raw: string | undefined): number[] | undefined {
  if (!raw?.trim()) return undefined;
  const delays = raw.split(',').map((part) => positiveInt(part.trim()));
  return delays.every((delay) => delay !== undefined) ? (delays as number[]) : undefined;
}

/**
 * What both hosts read from the environment and command line. OURO_API_KEY is taken out of
 * process.env at once, so no child process started from here on (or crash reporter, or log of
 * the environment) inherits it. It stays visible in /proc/<pid>/environ: that is the block the
 * process was started with, and deleting from process.env does not touch it (README, "Trust
 * boundaries", says why we do not re-exec to hide it).
 */
export function takeHostConfig(env: Env, argv: readonly string[] = []): HostConfig {
  const envApiKey = env.OURO_API_KEY?.trim() || undefined;
  delete env.OURO_API_KEY;
  const launch = launchApiAddress(env, argv);
  return {
    apiBaseUrl: launch.url,
    apiBaseFromEnv: launch.explicit,
    envApiKey,
    httpTimeoutMs: positiveInt(env.OURO_HTTP_TIMEOUT_MS),
    // Tests set it, like the timeout, so the app's own reconnect never races a test of Retry.
    retryDelaysMs: delayList(env.OURO_RECONNECT_DELAYS_MS),
  };
}

/**
 * takeHostConfig for a host that reports start-up failures later (Electron, once it can show an
 * error box): OURO_API_KEY still leaves process.env at once, and a bad --api-url or
 * OURO_BACKEND_URL comes back as the Error to report.
 */
export function takeHostConfigOrError(env: Env, argv: readonly string[] = []): HostConfig | Error {
  try {
    return takeHostConfig(env, argv);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
