// The `uploads:*` channels, each a thin call into the upload service. `uploads:add` turns the
// page's grant handles into the paths main granted; a handle main never issued is refused.
import { Readable } from 'node:stream';
import type { Handlers } from '../ipc/handlers';
import type { PathGrants } from '../security/path-grants';
import type { UploadService } from './upload-service';

type UploadChannel = Extract<keyof Handlers, `uploads:${string}`>;

export function createUploadHandlers(uploads: UploadService, grants: PathGrants): Pick<Handlers, UploadChannel> {
  return {
    'uploads:list': () => uploads.list(),
    'uploads:add': async (input) => {
      const { paths, unknown } = grants.resolve(input.granted);
      const result = await uploads.add({ paths, staged: input.staged, destination: input.destination });
      if (unknown > 0) {
        result.rejected.unshift({
          name: unknown === 1 ? 'A file' : `${unknown} files`,
          reason: 'not-granted',
          message: 'The app was not given them: drop them on the window or choose them with Upload files…',
        });
      }
      return result;
    },
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
