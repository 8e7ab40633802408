// The `uploads:*` channels, each a thin call into the upload service.
import { Readable } from 'node:stream';
import type { Handlers } from '../ipc/handlers';
import type { UploadService } from './upload-service';

type UploadChannel = Extract<keyof Handlers, `uploads:${string}`>;

export function createUploadHandlers(uploads: UploadService): Pick<Handlers, UploadChannel> {
  return {
    'uploads:list': () => uploads.list(),
    'uploads:add': (input) => uploads.add({ paths: input.paths, staged: input.staged, destination: input.destination }),
    'uploads:cancel': ({ id }) => uploads.cancel(id),
    'uploads:cancel-all': () => uploads.cancelAll(),
    'uploads:retry': ({ id }) => uploads.retry(id),
    'uploads:clear-finished': () => uploads.clearFinished(),
    'uploads:choose-files': () => uploads.chooseFiles(),
    'uploads:destinations': () => uploads.destinations(),
    'uploads:stage-bytes': async ({ name, bytes }) => {
      const staged = await uploads.stage(name, Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]));
      return { staged: staged.token, size: staged.size };
    },
  };
}
