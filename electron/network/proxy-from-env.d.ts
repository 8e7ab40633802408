// proxy-from-env ships no types; this is its one export (README: an empty string means no proxy).
declare module 'proxy-from-env' {
  export function getProxyForUrl(url: string): string;
}
