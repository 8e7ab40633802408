// The app:// protocol's answers: a file of the built renderer with the app's CSP and nosniff, or
// 404 for anything outside the renderer folder or missing. Electron's protocol.handle calls it.
import { readFile } from 'node:fs/promises';
import { mimeTypeFor, resolveAppFile } from '../security/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

export function rendererProtocolHandler(rendererDir: string, read: (file: string) => Promise<Uint8Array<ArrayBuffer>> = readFile): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await read(file);
      return new Response(body, {
        headers: { 'Content-Type': mimeTypeFor(file), 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
