// What turns an image's bytes into a small PNG. Electron's main process uses nativeImage
// (app/native-thumbnailer.ts: native decoders, no work on the JS thread); the web host and the
// tests use the pure-JS one (browse/js-thumbnailer.ts). Both answer null for bytes they cannot decode.
export interface ThumbnailImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Scales the image to fit inside `maxEdge` × `maxEdge` (never up). */
export type Thumbnailer = (bytes: Uint8Array, maxEdge: number) => Promise<ThumbnailImage | null>;

/** The size that fits `width` × `height` inside `maxEdge`, keeping the aspect ratio, at least 1 px. */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
