// Bundles the Node-side entry points (run after `vite build`, which builds the renderer):
//   dist/main.cjs        Electron main process
//   dist/preload.cjs     the preload, one self-contained CommonJS file so it runs sandboxed
//   dist/web-host.cjs    `npm run web`, the loopback web host
//   dist/web-bridge.js   window.ouro for the web host, loaded by the page
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const common = { bundle: true, sourcemap: true, logLevel: 'warning', target: 'es2022', legalComments: 'none' };
// Native and Electron-provided modules stay outside the bundles.
// classic-level finds its prebuilt addon next to its own files, so it cannot be bundled either;
// nor can @parcel/watcher (sync folders), which loads its platform's addon package by name.
const nodeExternal = ['electron', 'keytar', 'electron-updater', 'classic-level', '@parcel/watcher'];

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/main.cjs', platform: 'node', format: 'cjs', external: nodeExternal }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/preload.cjs', platform: 'node', format: 'cjs', external: ['electron'] }),
  build({
    ...common,
    entryPoints: ['electron/web-host/cli.ts'],
    outfile: 'dist/web-host.cjs',
    platform: 'node',
    format: 'cjs',
    external: nodeExternal,
    define: { __OURO_APP_VERSION__: JSON.stringify(pkg.version) },
  }),
  build({ ...common, entryPoints: ['electron/web-host/bridge.ts'], outfile: 'dist/web-bridge.js', platform: 'browser', format: 'iife' }),
]);
