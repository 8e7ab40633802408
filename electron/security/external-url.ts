// Links leave the app only to the OS browser, and only as http(s): never file:, javascript:,
// smb: or custom schemes that could launch other programs.
export function safeExternalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null; // credentials in links are a phishing trick
  return url.toString();
}
