// The stand-in as a separate process for benchmarks, storing uploads under the directory given
// as the first argument (the bench uses /dev/shm where it exists, so disk noise stays out of the
// figures). Prints its URL and alice's API key, and stops on SIGINT/SIGTERM.
import { startStandIn } from '../stand-in/index';

const storageDir = process.argv[2];
const standIn = await startStandIn({ quiet: true, ...(storageDir ? { storageDir } : {}) });
process.stdout.write(`Ouro stand-in: ${standIn.url}\nAPI key: ${standIn.apiKey}\n`);
const stop = (): void => {
  void standIn.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
