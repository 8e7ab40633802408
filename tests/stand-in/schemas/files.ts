// Request bodies of the file routes, from ouro-api.md §4.3–§4.4 (ouro-js CreateFileSchema for the
// metadata a finished file must carry). A create whose bytes are stored names the object: its id,
// storage basename, bucket and path, with type, extension and size. Nothing is filled in for a
// client that left them out.
import { z } from 'zod';
import { createFields, rowPreview, updateFields, uuid, visibility } from './common';

/** `POST /files/upload` (the stand-in checks the base64 itself while streaming it to disk). */
export const FileUploadBody = z.looseObject({
  file_name: z.string().trim().min(1, 'field required'),
  file_base64: z.base64(),
  visibility: visibility.nullish(),
  content_type: z.string().nullish(),
});

/** The metadata of a file whose bytes are stored (§4.1, §4.3 step 3). */
export const StoredFileMetadata = z.looseObject({
  id: uuid,
  name: z.string().min(1),
  path: z.string().min(1),
  bucket: z.enum(['public-files', 'files']),
  type: z.string().min(1),
  mimeType: z.string().nullish(),
  extension: z.string().min(1),
  size: z.number().int().nonnegative(),
  width: z.number().nullish(),
  height: z.number().nullish(),
});

/** In-progress stubs carry `{type}` (ouro-js) or no metadata at all (ouro-py): both are accepted. */
export const StubFileMetadata = z.looseObject({ type: z.string().min(1) });

const FileCreateRecord = z
  .looseObject({
    ...createFields,
    asset_type: z.literal('file').optional(),
    state: z.enum(['success', 'in-progress']).optional(),
    // Optional as a key (zod 4 makes a bare z.unknown() key required): an ouro-py stub sends none;
    // the refinement below still requires it for a finished file.
    metadata: z.unknown().optional(),
    preview: rowPreview,
  })
  .superRefine((file, ctx) => {
    // A missing state means success, which needs the stored object's full metadata.
    const stub = file.state === 'in-progress';
    const schema = stub ? StubFileMetadata.nullish() : StoredFileMetadata;
    const result = schema.safeParse(file.metadata);
    if (result.success) return;
    for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: ['metadata', ...issue.path] } as Parameters<typeof ctx.addIssue>[0]);
  });

/** `POST /files/create` (§4.3). */
export const FileCreateBody = z.looseObject({ file: FileCreateRecord });

/** `PUT /files/{id}` (§4.4): metadata-only changes. */
export const FileUpdateBody = z.looseObject({
  file: z.looseObject({ ...updateFields, preview: rowPreview }),
});

/** `PUT /files/{id}/content` (§4.4): new bytes in place, optionally a new name. */
export const FileContentBody = z.looseObject({
  file_name: z.string().trim().min(1).nullish(),
  file_base64: z.base64(),
  content_type: z.string().nullish(),
  file: z.looseObject({ id: uuid.optional(), name: createFields.name.optional() }).nullish(),
});
