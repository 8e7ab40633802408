// The content hash a sync folder's index keeps: sha256 of the file's bytes, streamed (never the
// whole file in memory). Uploads hash as they send (upload-body.ts), so this is used only where
// the bytes are not being sent anyway: telling a touch from a change, and spotting renames.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export async function sha256File(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
