// How keytar is loaded. Inside app.asar only Electron's CommonJS loader is sure to find a package
// and its unpacked .node addon, so the bundled main must require() it, as it does electron-updater.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { loadKeytar } from '../../electron/account/keychain';

const root = path.resolve(__dirname, '../..');

describe('loading keytar', () => {
  it('the bundled main process requires keytar (and electron-updater), never import()s them', async () => {
    // The same options esbuild.config.mjs builds dist/main.cjs with.
    const result = await build({
      entryPoints: [path.join(root, 'electron/main.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'es2022',
      external: ['electron', 'keytar', 'electron-updater'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).toMatch(/createRequire\)\(__filename\)\("keytar"\)/);
    expect(code).toMatch(/createRequire\)\(__filename\)\("electron-updater"\)/);
    expect(code).not.toMatch(/import\(["']keytar["']\)/);
    expect(code).not.toMatch(/import\(["']electron-updater["']\)/);
  });

  it('loadKeytar() hands back the native module', async (ctx) => {
    if (!existsSync(path.join(root, 'node_modules/keytar/build/Release/keytar.node'))) {
      const reason = 'keytar (an optional dependency) was not built by npm install here';
      console.info(`skipped: ${reason}`);
      ctx.skip(reason);
    }
    const keytar = await loadKeytar();
    expect(typeof keytar.getPassword).toBe('function');
    expect(typeof keytar.setPassword).toBe('function');
    expect(typeof keytar.deletePassword).toBe('function');
  });
});
