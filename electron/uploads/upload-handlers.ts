// The `uploads:*` channels, each a thin call into the upload service. `uploads:add` passes on
// the page's grant handles and staging tokens: the service resolves them (file-references.ts).
import { Readable } from 'node:stream';
import type { Handlers } from '../ipc/handlers';
import type { UploadService } from './upload-service';

type UploadChannel = Extract<keyof Handlers, `uploads:${string}`>;

export function createUploadHandlers(uploads: UploadService): Pick<Handlers, UploadChannel> {
  return {
    'uploads:list': () => uploads.list(),
    'uploads:add': ({ granted, staged, destination }) => uploads.add({ granted, staged, destination }),
    'uploads:cancel': ({ id }) => uploads.cancel(id),
    'uploads:cancel-all': () => uploads.cancelAll(),
    'uploads:retry': ({ id }) => uploads.retry(id),
    'uploads:clear-finished': () => uploads.clearFinished(),
    'uploads:drop-waiting': async () => ({ dropped: await uploads.dropWaiting() }),
    'uploads:choose-files': () => uploads.chooseFiles(),
    'uploads:destinations': () => uploads.destinations(),
    'uploads:stage-bytes': async ({ name, bytes }) => {
      const staged = await uploads.stage(name, Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]));
      return { staged: staged.token, size: staged.size };
    },
  };
}
