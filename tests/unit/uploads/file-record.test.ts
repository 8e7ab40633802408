// The file record's metadata (ouro-api.md §4.3 step 3, ouro-py's _build_file_metadata): the stored
// object's id, storage name, bucket and path always, merged over whatever the server extracted,
// with type, mimeType, extension and size resolved by the documented fallbacks.
import { describe, expect, it } from 'vitest';
import { completeMetadata, fileCreateBody, storageName } from '../../../electron/uploads/file-upload';
import { FileCreateBody } from '../../stand-in/schemas';

const stored = { id: '47294019-79eb-40bb-8119-f7cf7feab902', bucket: 'public-files', path: 'fab63291-9f4a-4437-a823-9a4bfcf52e27/1f6fd9b2-bb4d-49f2-bfcc-003170571247.cif' };
const job = { name: 'structure.cif', size: 816 };

describe('completeMetadata', () => {
  it('names the stored object: id, the storage basename (not the file name), bucket and path', () => {
    expect(storageName(stored.path)).toBe('1f6fd9b2-bb4d-49f2-bfcc-003170571247.cif');
    expect(completeMetadata({ type: 'chemical/x-cif', size: 816, extension: 'cif' }, job, stored)).toEqual({
      id: stored.id,
      name: '1f6fd9b2-bb4d-49f2-bfcc-003170571247.cif',
      bucket: 'public-files',
      path: stored.path,
      type: 'chemical/x-cif',
      mimeType: 'chemical/x-cif',
      extension: 'cif',
      size: 816,
    });
  });

  it('keeps what the server extracted (dimensions, its own keys) but never lets it rename the object', () => {
    const merged = completeMetadata({ type: 'image/png', width: 64, height: 48, size: 10, name: 'x.png', path: 'elsewhere', bucket: 'files', colour_space: 'sRGB' }, { name: 'a.png', size: 10 }, stored);
    expect(merged).toMatchObject({ width: 64, height: 48, colour_space: 'sRGB', name: '1f6fd9b2-bb4d-49f2-bfcc-003170571247.cif', path: stored.path, bucket: 'public-files' });
  });

  it.each([
    ['nothing extracted: the local guess, the name, the byte count', {}, 'notes.md', 5, { type: 'text/markdown', mimeType: 'text/markdown', extension: 'md', size: 5 }],
    ['no guess for the name: octet-stream, extension from the type', {}, 'dump.weird', 9, { type: 'application/octet-stream', extension: 'weird', size: 9 }],
    ['no extension on the name: from the type, else bin', { type: 'image/png' }, 'screenshot', 3, { type: 'image/png', extension: 'png' }],
    ['nothing at all to go on: bin', {}, 'README', 7, { type: 'application/octet-stream', mimeType: 'application/octet-stream', extension: 'bin', size: 7 }],
    ['the alternative keys ouro-py reads', { mime_type: 'text/csv', contentLength: 42 }, 'data', 1, { type: 'text/csv', mimeType: 'text/csv', extension: 'csv', size: 42 }],
    ['mimeType without type', { mimeType: 'application/pdf' }, 'paper.pdf', 1, { type: 'application/pdf', mimeType: 'application/pdf' }],
    ['a size sent as digits, an extension with a dot', { size: '816', extension: '.CIF' }, 's.cif', 1, { size: 816, extension: 'cif' }],
    ['blank and null values are not taken', { type: '  ', extension: null, size: null }, 'a.txt', 2, { type: 'text/plain', extension: 'txt', size: 2 }],
  ])('%s', (_label, server, name, size, expected) => {
    const metadata = completeMetadata(server as Record<string, unknown>, { name, size }, stored);
    expect(metadata).toMatchObject(expected);
    expect(Object.values(metadata)).not.toContain(null);
  });

  it('the create body passes the stand-in schema; without the storage fields it would not', () => {
    const body = fileCreateBody({ path: '/x/structure.cif', name: 'structure.cif', size: 816, visibility: 'public' }, stored, { metadata: { type: 'chemical/x-cif' }, preview: null });
    expect(FileCreateBody.safeParse(body).success).toBe(true);
    const { path: _path, ...withoutPath } = body.file['metadata'] as Record<string, unknown>;
    expect(FileCreateBody.safeParse({ file: { ...body.file, metadata: withoutPath } }).success).toBe(false);
  });
});
