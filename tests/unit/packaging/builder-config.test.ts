// electron-builder.yml and its e2e variant, checked against the JSON schema electron-builder
// itself ships (app-builder-lib/scheme.json) and against what issue #6 asks of them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../../electron/app/app-identity';
import { beforePack, crossBuildProblem } from '../../../scripts/refuse-cross-build.mjs';

const root = path.resolve(__dirname, '../../..');
const requireFromHere = createRequire(__filename);
// js-yaml ships no types (and @types/js-yaml would be one more package for one call).
const yaml = requireFromHere('js-yaml') as { load(text: string): unknown };
// The published schema (what electron-builder's docs point editors at), from the copy of
// app-builder-lib that electron-builder itself depends on.
const builderDir = path.dirname(requireFromHere.resolve('electron-builder/package.json'));
const schema = JSON.parse(readFileSync(createRequire(path.join(builderDir, 'package.json')).resolve('app-builder-lib/scheme.json'), 'utf8')) as object;

const loadYaml = (file: string) => yaml.load(readFileSync(path.join(root, file), 'utf8')) as Configuration & Record<string, unknown>;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = isPlainObject(value) && isPlainObject(out[key]) ? deepMerge(out[key], value) : value;
  return out;
}

/**
 * A configuration with its `extends` chain applied, as electron-builder documents it (the child's
 * keys deep-merged over the parent's). electron-builder has no public API that returns the merged
 * configuration, and its internal getConfig is not one to import.
 */
function loadMerged(file: string): Configuration {
  const config = loadYaml(file);
  if (typeof config.extends !== 'string') return config;
  const parent = loadMerged(path.relative(root, path.resolve(root, path.dirname(file), config.extends)));
  return deepMerge(parent as Record<string, unknown>, config) as Configuration;
}

// Stricter than electron-builder's own check (no type coercion): what we write is what it reads.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
function schemaErrors(config: unknown): string[] {
  return validate(config) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

const releaseFuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
  resetAdHocDarwinSignature: true,
};

const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { desktopName?: string; productName: string };

describe('electron-builder.yml', () => {
  const config = loadYaml('electron-builder.yml');

  it('is valid against electron-builder’s schema', () => {
    expect(schemaErrors(config)).toEqual([]);
  });

  it('the schema check bites', () => {
    expect(schemaErrors({ ...config, nsis: { ...config.nsis, perUser: true } })).not.toEqual([]);
    expect(schemaErrors({ ...config, electronFuses: { runAsNode: 'no' } })).not.toEqual([]);
  });

  it('names the app', () => {
    expect(config.appId).toBe('foundation.ouro.desktop');
    expect(config.productName).toBe('Ouro');
  });

  it('gives Windows the same AppUserModelID as the installed app sets (toasts, one taskbar button)', () => {
    // NSIS writes appId onto the Start-menu shortcut; main.ts calls app.setAppUserModelId(APP_ID).
    expect(APP_ID).toBe(config.appId);
  });

  it('names the Linux launcher entry the way Electron looks for it (badge, progress bar)', () => {
    // Without syncDesktopName, electron-builder names the .desktop file after executableName;
    // Electron looks for package.json's desktopName (or "<productName>.desktop" without one).
    expect(config.linux?.executableName).toBe('ouro-desktop');
    expect(config.linux).not.toHaveProperty('syncDesktopName');
    expect(packageJson.desktopName).toBe(`${config.linux?.executableName}.desktop`);
    expect(packageJson.desktopName).not.toBe(`${packageJson.productName.toLowerCase()}.desktop`);
  });

  it('re-signs ad hoc after flipping the fuses, so unsigned Apple Silicon builds launch', () => {
    // Either an ad-hoc identity when unsigned, or this: it must be one of the two.
    expect(config.electronFuses?.resetAdHocDarwinSignature).toBe(true);
    expect(config.mac).not.toHaveProperty('identity');
  });

  it('packs the keytar addon npm built here, and refuses to pack for any other OS or CPU', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.beforePack).toBe('./scripts/refuse-cross-build.mjs');
    expect(typeof beforePack).toBe('function');
  });

  it('packs an allow-list into an asar, unpacking the native addons (keytar, classic-level, @parcel/watcher)', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/main.cjs', 'dist/preload.cjs', 'dist/renderer/**/*', '!**/*.map']));
    expect(config.asarUnpack).toEqual(['**/node_modules/keytar/**/*.node', '**/node_modules/classic-level/prebuilds/**', '**/node_modules/@parcel/watcher-*/**']);
  });

  it('registers ouro:// links on every OS: protocols for macOS and Linux, the NSIS include for Windows', () => {
    expect(config.protocols).toEqual([{ name: 'Ouro link', schemes: ['ouro'] }]);
    const include = (config.nsis as { include?: string } | undefined)?.include;
    expect(include).toBe('build/installer.nsh');
    const script = readFileSync(path.join(root, include ?? ''), 'utf8');
    // Per-user (SHCTX under a per-user install), quoted, and with `--` so a link is never a switch.
    expect(script).toContain('WriteRegStr SHCTX "Software\\Classes\\ouro" "URL Protocol" ""');
    expect(script).toContain(`'"$INSTDIR\\\${APP_EXECUTABLE_FILENAME}" -- "%1"'`);
    expect(script).toMatch(/!macro customUnInstall\s+DeleteRegKey SHCTX "Software\\Classes\\ouro"/);
  });

  it('locks the release binary down with fuses', () => {
    expect(config.electronFuses).toEqual(releaseFuses);
  });

  it('builds a hardened, notarizable macOS dmg and zip with entitlements from the repo', () => {
    expect(config.mac).toMatchObject({ target: ['dmg', 'zip'], hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist' });
    expect(readFileSync(path.join(root, 'build/entitlements.mac.plist'), 'utf8')).toContain('com.apple.security.cs.allow-jit');
    // Signing and notarization are left to the environment (CSC_LINK, APPLE_ID…): nothing forces them.
    expect(config.mac).not.toHaveProperty('identity');
    expect(config.mac).not.toHaveProperty('notarize');
    expect(config.mac).not.toHaveProperty('forceCodeSigning');
  });

  it('builds a per-user Windows installer that lets people choose the folder', () => {
    expect(config.win).toMatchObject({ target: ['nsis'] });
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
  });

  it('builds a deb first (it installs the AppArmor profile), that pulls in libsecret for the keychain, and an AppImage', () => {
    expect(config.linux).toMatchObject({ target: ['deb', 'AppImage'], category: 'Utility' });
    expect(config.deb?.depends).toContain('libsecret-1-0');
  });

  it('uses icons rendered from the SVG in the repo', () => {
    expect(config.mac?.icon).toBe('build/icon.png');
    expect(config.linux?.icon).toBe('build/icons');
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = readFileSync(path.join(root, 'build/icons', `${size}x${size}.png`));
      // The PNG header's IHDR width and height.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    expect(readFileSync(path.join(root, 'build/icon.png')).readUInt32BE(16)).toBe(1024);
  });

  it('publishes to GitHub, where electron-updater looks', () => {
    expect(config.publish).toMatchObject({ provider: 'github', owner: 'ourofoundation', repo: 'ouro-desktop' });
  });
});

describe('electron-builder.e2e.yml', () => {
  const raw = loadYaml('electron-builder.e2e.yml');

  it('is valid against the schema, on its own and merged with the release configuration', async () => {
    expect(schemaErrors(raw)).toEqual([]);
    const merged = loadMerged('electron-builder.e2e.yml');
    expect(schemaErrors(merged)).toEqual([]);
  });

  it('differs from the release build only in the debugging fuses, its output folder and not publishing', async () => {
    const release = loadMerged('electron-builder.yml');
    const e2e = loadMerged('electron-builder.e2e.yml');
    expect(e2e.electronFuses).toEqual({
      ...releaseFuses,
      runAsNode: true,
      enableNodeOptionsEnvironmentVariable: true,
      enableNodeCliInspectArguments: true,
    });
    expect(e2e.publish).toBeNull();
    expect(e2e.directories?.output).not.toBe(release.directories?.output);
    const strip = ({ electronFuses: _f, publish: _p, directories: _d, extends: _e, ...rest }: Configuration) => rest;
    expect(strip(e2e)).toEqual(strip(release));
  });
});

describe('the cross-build guard (scripts/refuse-cross-build.mjs)', () => {
  it('lets a build for this machine’s own OS and CPU through', () => {
    expect(crossBuildProblem({ targetPlatform: 'linux', targetArch: 'x64', hostPlatform: 'linux', hostArch: 'x64' })).toBeNull();
    expect(crossBuildProblem({ targetPlatform: 'darwin', targetArch: 'arm64', hostPlatform: 'darwin', hostArch: 'arm64' })).toBeNull();
    expect(crossBuildProblem({ targetPlatform: 'linux', targetArch: 'armv7l', hostPlatform: 'linux', hostArch: 'arm' })).toBeNull();
    expect(crossBuildProblem({ targetPlatform: 'mas', targetArch: 'x64', hostPlatform: 'darwin', hostArch: 'x64' })).toBeNull();
  });

  it('refuses another OS or another CPU, saying why and where to build instead', () => {
    const windows = crossBuildProblem({ targetPlatform: 'win32', targetArch: 'x64', hostPlatform: 'linux', hostArch: 'x64' });
    expect(windows).toContain('Refusing to package Ouro for Windows x64 on Linux x64');
    expect(windows).toContain('keytar');
    expect(windows).toContain('on a Windows x64 machine');
    const arm = crossBuildProblem({ targetPlatform: 'linux', targetArch: 'arm64', hostPlatform: 'linux', hostArch: 'x64' });
    expect(arm).toContain('for Linux arm64 on Linux x64');
    const universal = crossBuildProblem({ targetPlatform: 'darwin', targetArch: 'universal', hostPlatform: 'darwin', hostArch: 'arm64' });
    expect(universal).toContain('x64 and arm64 apps separately');
  });

  it('as the hook, throws for a foreign target and passes the host’s own', async () => {
    const { Arch } = await import('electron-builder');
    const foreign = process.platform === 'win32' ? 'linux' : 'win32';
    await expect(beforePack({ electronPlatformName: foreign, arch: Arch.x64 })).rejects.toThrow(/Refusing to package Ouro/);
    const hostArch = process.arch === 'arm' ? Arch.armv7l : Arch[process.arch as 'x64' | 'arm64' | 'ia32'];
    await expect(beforePack({ electronPlatformName: process.platform, arch: hostArch })).resolves.toBeUndefined();
  });
});
