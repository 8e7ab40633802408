// `npm run stand-in [-- --port N --seed-files N --body-limit BYTES --token-ttl S]`: runs the stand-in
// in the foreground for manual testing of the app against a local fake Ouro.
import { parseArgs } from 'node:util';
import { startStandIn } from './index';

function num(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`Invalid value for ${flag}: ${value}`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'seed-files': { type: 'string' },
    'body-limit': { type: 'string' },
    'token-ttl': { type: 'string' },
    quiet: { type: 'boolean' },
  },
});

const port = num(values.port, '--port') ?? 8003;
const bodyLimit = num(values['body-limit'], '--body-limit');
const ttl = num(values['token-ttl'], '--token-ttl');
const standIn = await startStandIn({
  port,
  seedFiles: num(values['seed-files'], '--seed-files') ?? 0,
  ...(bodyLimit !== undefined ? { bodyLimitBytes: bodyLimit } : {}),
  ...(ttl !== undefined ? { tokenTtlSeconds: ttl } : {}),
  quiet: values.quiet ?? false,
}).catch((err: unknown) => {
  const code = (err as { code?: string }).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} is in use; pass --port N (0 = any free port).` : err);
  process.exit(1);
});

console.log(`Ouro stand-in: ${standIn.url}`);
console.log(`API key: ${standIn.apiKey}`);
console.log(`Other user's API key (bob): ${standIn.otherApiKey}`);
console.log(`Hint: OURO_BACKEND_URL=${standIn.url} npm run web   (sign in with the API key above)`);
console.log(`Control: ${standIn.url}/__stand-in/{faults,log,config,revoke,uploads,seed}`);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the Ouro stand-in…`);
  standIn.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
