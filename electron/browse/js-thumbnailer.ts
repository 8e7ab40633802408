// The pure-JavaScript thumbnailer (jimp: PNG, JPEG, GIF, BMP, TIFF) for the web host and the
// tests, where Electron's nativeImage is not available. Electron uses app/native-thumbnailer.ts.
import { Jimp } from 'jimp';
import { fitWithin, type Thumbnailer } from './thumbnailer';

export const jsThumbnailer: Thumbnailer = async (bytes, maxEdge) => {
  let image: Awaited<ReturnType<typeof Jimp.read>>;
  try {
    image = await Jimp.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return null;
  }
  const size = fitWithin(image.bitmap.width, image.bitmap.height, maxEdge);
  if (size.width !== image.bitmap.width || size.height !== image.bitmap.height) image.resize({ w: size.width, h: size.height });
  const png = await image.getBuffer('image/png');
  return { png: new Uint8Array(png), width: size.width, height: size.height };
};
