// The renderer's Content-Security-Policy, sent as a header by both hosts (and mirrored in the
// HTML's meta tag). The renderer never talks to Ouro directly: connect-src is 'self' only.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
