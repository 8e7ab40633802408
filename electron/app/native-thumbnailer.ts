// Electron's thumbnailer: nativeImage decodes and scales with the platform's native code, off
// the JavaScript thread's hot path. Images it cannot decode come back empty, and so do we.
import type { NativeImage } from 'electron';
import { fitWithin, type Thumbnailer } from '../browse/thumbnailer';

export function nativeThumbnailer(createFromBuffer: (buffer: Buffer) => NativeImage): Thumbnailer {
  return async (bytes, maxEdge) => {
    const image = createFromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (image.isEmpty()) return null;
    const { width, height } = image.getSize();
    const size = fitWithin(width, height, maxEdge);
    const scaled = size.width === width && size.height === height ? image : image.resize({ ...size, quality: 'good' });
    return { png: new Uint8Array(scaled.toPNG()), width: size.width, height: size.height };
  };
}
