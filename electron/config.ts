// Where the app's inputs come from: the Ouro API base and the app-data folder. Both hosts
// (Electron's main.ts and the web host) resolve them the same way.
import os from 'node:os';
import path from 'node:path';

export const PRODUCTION_API_BASE = 'https://api.ouro.foundation';
export const APP_DIR_NAME = 'Ouro';

type Env = Record<string, string | undefined>;

/** OURO_BACKEND_URL, then OURO_BASE_URL (ouro-py's order), then production. No trailing slash. */
export function resolveApiBaseUrl(env: Env): string {
  const raw = [env.OURO_BACKEND_URL, env.OURO_BASE_URL].map((v) => v?.trim()).find((v) => v);
  if (!raw) return PRODUCTION_API_BASE;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`OURO_BACKEND_URL is not a valid URL: ${raw}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`OURO_BACKEND_URL must be http(s): ${raw}`);
  }
  return url.toString().replace(/\/+$/, '');
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
}

function positiveInt(raw: string | undefined): number | undefined {
  const value = Number(raw);
  return raw && Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * What both hosts read from the environment. OURO_API_KEY is taken out of process.env so no
 * child process (or crash reporter, or log of the environment) inherits it.
 */
export function takeHostConfig(env: Env): HostConfig {
  const envApiKey = env.OURO_API_KEY?.trim() || undefined;
  delete env.OURO_API_KEY;
  return {
    apiBaseUrl: resolveApiBaseUrl(env),
    apiBaseFromEnv: Boolean(env.OURO_BACKEND_URL?.trim() || env.OURO_BASE_URL?.trim()),
    envApiKey,
    httpTimeoutMs: positiveInt(env.OURO_HTTP_TIMEOUT_MS),
  };
}
