// Which Ouro API the app talks to. Production unless the launch says otherwise (--api-url, then
// OURO_BACKEND_URL, then OURO_BASE_URL); the page may only *ask* for another, and main asks the
// person in a native dialog showing the host before the key goes anywhere near it. Plain http is
// only for this computer: the key crosses in every exchange.
import { AppError } from '../../shared/app-error';

export const PRODUCTION_API_BASE = 'https://api.ouro.foundation';
export const API_URL_FLAG = '--api-url';

type Env = Record<string, string | undefined>;

/** Shows the host an address would send the key to; true only when the person agrees. */
export type ConfirmApiAddress = (address: { host: string; url: string }) => Promise<boolean>;

/** localhost, 127.0.0.0/8 and ::1: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  // URL has already normalised IPv4 forms (127.1, 0x7f.0.0.1) to dotted decimal.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * A usable API base: http(s), no credentials, query or fragment, http only on loopback. Returns
 * it without a trailing slash; throws an Error naming `what` (e.g. "OURO_BACKEND_URL").
 */
export function parseApiAddress(raw: string, what = 'The API address'): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`${what} is not a valid URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${what} must start with https://`);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new Error(`${what} must use https:// (plain http:// is only allowed for this computer, e.g. http://127.0.0.1:8003)`);
  }
  if (url.username || url.password) throw new Error(`${what} must not contain a user name or password`);
  if (url.search || url.hash) throw new Error(`${what} must not have a query or fragment`);
  return url.toString().replace(/\/+$/, '');
}

/** The same rule for input from the page: a specific invalid-input error. */
export function parseRequestedAddress(raw: string): string {
  try {
    return parseApiAddress(raw, 'The API URL');
  } catch (error) {
    const message = error instanceof Error ? error.message : 'The API URL is not valid';
    throw new AppError({ kind: 'invalid-input', message, issues: [`API URL: ${message}`] });
  }
}

export function hostOf(base: string): string {
  return new URL(base).host;
}

/** `--api-url=<url>` or `--api-url <url>` in argv, if present. */
export function flagValue(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith(`${API_URL_FLAG}=`)) return arg.slice(API_URL_FLAG.length + 1);
    if (arg === API_URL_FLAG) return argv[i + 1];
  }
  return undefined;
}

export interface LaunchAddress {
  url: string;
  /** Set by the launch (flag or environment) rather than the production default. */
  explicit: boolean;
}

/** The flag, then OURO_BACKEND_URL, then OURO_BASE_URL (ouro-py's order), then production. */
export function launchApiAddress(env: Env, argv: readonly string[] = []): LaunchAddress {
  const candidates: Array<[string, string | undefined]> = [
    [API_URL_FLAG, flagValue(argv)],
    ['OURO_BACKEND_URL', env.OURO_BACKEND_URL],
    ['OURO_BASE_URL', env.OURO_BASE_URL],
  ];
  for (const [what, value] of candidates) {
    if (value?.trim()) return { url: parseApiAddress(value, what), explicit: true };
  }
  return { url: PRODUCTION_API_BASE, explicit: false };
}
