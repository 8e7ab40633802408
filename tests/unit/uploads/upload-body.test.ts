// The streamed upload body: its Content-Length is exact for any name and size, and the chunked
// base64 equals base64 of the whole file, whatever the chunk size.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { base64Chunks, base64Length, planBase64Body, planUploadBody } from '../../../electron/uploads/upload-body';
import { contentBodyFields } from '../../../electron/uploads/content-replace';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ouro-body-'));

function fileOf(bytes: Buffer): string {
  const file = path.join(dir, `f-${bytes.length}-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, bytes);
  return file;
}

async function wholeBody(name: string, bytes: Buffer, chunkBytes: number): Promise<{ body: Buffer; declared: number }> {
  const plan = planUploadBody({ fileName: name, visibility: 'private', contentType: null }, bytes.length);
  const parts: Buffer[] = [plan.prefix];
  for await (const chunk of base64Chunks(fileOf(bytes), bytes.length, chunkBytes)) parts.push(Buffer.from(chunk.text, 'latin1'));
  parts.push(plan.suffix);
  return { body: Buffer.concat(parts), declared: plan.contentLength };
}

describe('upload body', () => {
  it('the content-replacement body is the same stream with its own fields: exact length, valid JSON', async () => {
    const bytes = randomBytes(1001);
    const plan = planBase64Body(contentBodyFields({ name: 'Résumé "v2".csv' }), bytes.length);
    const parts: Buffer[] = [plan.prefix];
    for await (const chunk of base64Chunks(fileOf(bytes), bytes.length, 300)) parts.push(Buffer.from(chunk.text, 'latin1'));
    parts.push(plan.suffix);
    const body = Buffer.concat(parts);
    expect(body.length).toBe(plan.contentLength);
    expect(JSON.parse(body.toString('utf8'))).toEqual({ file_name: 'Résumé "v2".csv', content_type: 'text/csv', file_base64: bytes.toString('base64') });
    expect(JSON.parse(Buffer.concat([planBase64Body({}, 0).prefix, planBase64Body({}, 0).suffix]).toString())).toEqual({ file_base64: '' });
  });

  it('base64Length is 4·⌈n/3⌉', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(base64Length)).toEqual([0, 4, 4, 4, 8, 8, 8, 12]);
  });

  it.each([
    ['plain.txt', 0],
    ['a.bin', 1],
    ['b.bin', 2],
    ['c.bin', 3],
    ['quote "and" \\ backslash.txt', 10],
    ['résumé 数据 ✓ 🎉.csv', 1000],
    ['control\u0001\nchars\t.txt', 31],
    ['lone \ud800 surrogate.txt', 7],
  ])('declares exactly the bytes it sends for %j (%i bytes)', async (name, size) => {
    const bytes = randomBytes(size);
    const { body, declared } = await wholeBody(name, bytes, 9);
    expect(body.length).toBe(declared);
    const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    expect(parsed['file_name']).toBe(JSON.parse(JSON.stringify(name)));
    expect(Buffer.from(String(parsed['file_base64']), 'base64').equals(bytes)).toBe(true);
  });

  it.each([1, 2, 3, 4, 5, 7, 100, 65_537])('chunking by %i bytes gives the same base64 as encoding at once (odd sizes)', async (chunk) => {
    for (const size of [0, 1, 2, 3, 4, 5, 301, 1000, 4099]) {
      const bytes = randomBytes(size);
      let text = '';
      let covered = 0;
      for await (const part of base64Chunks(fileOf(bytes), size, chunk)) {
        // Every chunk but the last encodes whole 3-byte groups, so no padding inside the stream.
        if (covered + part.fileBytes < size) expect(part.text).not.toContain('=');
        text += part.text;
        covered += part.fileBytes;
      }
      expect(text).toBe(bytes.toString('base64'));
      expect(covered).toBe(size);
    }
  });

  it('refuses to send a file whose size changed since it was planned', async () => {
    const file = fileOf(randomBytes(100));
    const read = async (expected: number) => {
      for await (const part of base64Chunks(file, expected, 30)) void part;
    };
    await expect(read(99)).rejects.toMatchObject({ kind: 'file-unreadable', message: expect.stringContaining('changed') });
    await expect(read(101)).rejects.toMatchObject({ kind: 'file-unreadable', message: expect.stringContaining('changed') });
  });

  it('a missing file is file-unreadable', async () => {
    const read = async () => {
      for await (const part of base64Chunks(path.join(dir, 'missing'), 1)) void part;
    };
    await expect(read()).rejects.toMatchObject({ kind: 'file-unreadable', message: expect.stringContaining('ENOENT') });
  });
});
