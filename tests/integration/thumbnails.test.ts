// `files:thumbnail` against the stand-in: an image becomes a small PNG made from the file's own
// bytes, cached on disk per account (the second ask makes no request), other files get none with
// the reason, and signing out removes the account's thumbnails.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Jimp } from 'jimp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsThumbnailer } from '../../electron/browse/js-thumbnailer';
import { startStandIn, type StandIn } from '../stand-in/index';
import { testServices } from '../helpers/services';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ quiet: true });
});
afterAll(() => standIn.close());

const context = { host: 'web' as const };
const seeded = (name: string) => {
  const file = standIn.seed.files.find((f) => f.name === name);
  if (!file) throw new Error(`no seeded ${name}`);
  return file;
};

describe('files:thumbnail', () => {
  it('makes a PNG of an image from its bytes, then serves it from the disk cache', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-thumbs-'));
    const services = testServices({ dataDir, apiBaseUrl: standIn.url, fetch: globalThis.fetch });
    await services.start();
    await services.account.signIn({ apiKey: standIn.apiKey });
    const file = seeded('diffraction-pattern.png');
    const first = await services.handlers['files:thumbnail']({ id: file.id, version: 'v1' }, context);
    if (first.dataUrl === null) throw new Error(`no thumbnail: ${first.reason}`);
    expect(first.dataUrl).toMatch(/^data:image\/png;base64,/);
    const image = await Jimp.read(Buffer.from(first.dataUrl.split(',')[1] ?? '', 'base64'));
    expect(Math.max(image.bitmap.width, image.bitmap.height)).toBeLessThanOrEqual(64);

    const before = standIn.log.length;
    const second = await services.handlers['files:thumbnail']({ id: file.id, version: 'v1' }, context);
    expect(second).toEqual(first);
    expect(standIn.log.length).toBe(before);

    const folder = path.join(dataDir, 'thumbnails');
    expect(readdirSync(folder)).toHaveLength(1);
    await services.account.signOut();
    expect(existsSync(folder) ? readdirSync(folder) : []).toHaveLength(0);
    await services.dispose();
  });

  it('gives no thumbnail, with the reason, for a file that is not an image', async () => {
    const services = testServices({ apiBaseUrl: standIn.url, fetch: globalThis.fetch });
    await services.start();
    await services.account.signIn({ apiKey: standIn.apiKey });
    expect(await services.handlers['files:thumbnail']({ id: seeded('lab-notes.txt').id }, context)).toEqual({ dataUrl: null, reason: 'not-an-image' });
    await services.dispose();
  });
});

describe('jsThumbnailer', () => {
  it('scales a large image down and answers null for bytes that are not an image', async () => {
    const big = new Jimp({ width: 640, height: 320, color: 0x3366ccff });
    const png = await big.getBuffer('image/png');
    const thumb = await jsThumbnailer(new Uint8Array(png), 64);
    expect(thumb).toMatchObject({ width: 64, height: 32 });
    expect(await jsThumbnailer(new Uint8Array([1, 2, 3, 4, 5]), 64)).toBeNull();
  });
});
