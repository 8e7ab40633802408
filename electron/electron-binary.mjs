// Finds the Electron binary without triggering a download: requiring the `electron` package
// tries to fetch a missing binary from the internet, which must never happen in CI or tests.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** @returns {{ path: string } | { missing: string }} */
export function findElectronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? path.join(override, relative ?? 'electron')
    : relative && path.join(packageDir, 'dist', relative);
  if (candidate && existsSync(candidate)) return { path: candidate };
  return {
    missing: override
      ? `no Electron binary at ELECTRON_OVERRIDE_DIST_PATH (${override})`
      : 'the Electron binary was not downloaded (npm ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or the download failed)',
  };
}
