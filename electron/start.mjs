// `npm start` (after the build): launches the app in Electron, or explains how to get Electron.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const found = findElectronBinary();
if ('missing' in found) {
  process.stderr.write(
    [
      `Cannot start Ouro Desktop: ${found.missing}.`,
      'Get the Electron binary (needs internet):',
      '  node node_modules/electron/install.js',
      'or reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD:  rm -rf node_modules/electron && npm install',
      'To see the UI without Electron, run it in your browser instead:',
      '  npm run web',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const child = spawn(found.path, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
