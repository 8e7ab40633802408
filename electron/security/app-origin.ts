// The renderer is served from a custom privileged scheme rather than file://, so it has a real
// origin that CSP, the trusted-sender check and navigation guards can all compare against.
export const APP_SCHEME = 'app';
export const APP_HOST = 'ouro';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
