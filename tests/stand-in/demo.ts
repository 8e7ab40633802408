// `npm run demo`: the whole app with no Ouro account. Starts the stand-in with its sample
// content and opens Ouro Desktop signed in to it — in Electron where its binary is present,
// otherwise through the web host, whose URL is printed. The key is passed as OURO_API_KEY, so
// nothing is written to the keychain, and the data folder is a throwaway one.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectronBinary } from '../../electron/electron-binary.mjs';
import { startStandIn } from './index';

const root = path.resolve(import.meta.dirname, '..', '..');

async function main(): Promise<void> {
  const standIn = await startStandIn({ quiet: true, seedFiles: 200 });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ouro-demo-'));
  const env = { ...process.env, OURO_BACKEND_URL: standIn.url, OURO_API_KEY: standIn.apiKey, OURO_DESKTOP_DATA_DIR: dataDir };
  process.stdout.write(`Ouro stand-in: ${standIn.url} (sample content, signed in as ${standIn.seed.users.alice.username})\n`);

  const electron = findElectronBinary();
  let child: ChildProcess;
  if ('path' in electron) {
    child = spawn(electron.path, [root], { env, stdio: 'inherit' });
  } else {
    process.stdout.write(`Electron is not available (${electron.missing}); opening the web host instead.\n`);
    child = spawn(process.execPath, [path.join(root, 'dist', 'web-host.cjs')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout?.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (chunk.toString().includes('Ouro web host: ')) process.stdout.write('Open that URL in your browser. Press Ctrl+C to stop.\n');
    });
  }

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      // Let the app finish writing its state before its data folder goes away.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await standIn.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  };
  child.on('exit', (code) => void stop(code ?? 0));
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`Demo failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
