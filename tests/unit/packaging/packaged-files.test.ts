// What the installed app actually contains. Runs electron-builder for real (`--linux dir`, the step
// every installer is made from) with electron-builder.yml and its e2e variant on a throw-away
// project: built-output stand-ins, the real package.json and node_modules, and decoy sources,
// tests, source maps, .env files and stand-in data that must all stay out. Electron's binary cannot be downloaded here, so
// `electronDist` points at a fake one carrying Electron's fuse wire, which also proves the fuses
// get flipped. Then it reads the resulting app.asar with @electron/asar.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const run = promisify(execFile);

// From @electron/fuses: the wire follows this marker as [version, length, ...one byte per fuse].
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_ORDER = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
] as const;
// Electron ships with these defaults ('1' enabled, '0' disabled), so each flip is visible.
const SHIPPED_WIRE = '10110001';

const built = ['dist/main.cjs', 'dist/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-3f2a.js', 'dist/renderer/assets/index-9c1b.css'];
const decoys = [
  'dist/main.cjs.map',
  'dist/preload.cjs.map',
  'dist/renderer/assets/index-3f2a.js.map',
  'dist/web-host.cjs',
  'dist/web-bridge.js',
  '.env',
  '.env.local',
  'dist/.env',
  'electron/main.ts',
  'electron/preload.ts',
  'shared/contract.ts',
  'renderer/src/App.tsx',
  'renderer/index.html',
  'tests/unit/app/menu.test.ts',
  'tests/stand-in/seed.ts',
  'tests/stand-in/data/files.json',
  'scripts/render-icons.mjs',
  'build/icon.svg',
  'docs/packaging.md',
  'tsconfig.json',
  'vite.config.ts',
  'esbuild.config.mjs',
];

let project: string;
let fakeElectron: string;

interface PackedApp {
  appDir: string;
  asarPath: string;
  entries: string[];
}

async function write(file: string, text: string) {
  await mkdir(path.dirname(path.join(project, file)), { recursive: true });
  await writeFile(path.join(project, file), text);
}

/** Runs the electron-builder CLI on the throw-away project, in a child process of its own. */
async function electronBuilder(configFile: string, outputDir: string, target: string[]): Promise<void> {
  const cli = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
  const args = [
    ...[...target, '--publish', 'never', '--projectDir', project, '--config', configFile],
    `-c.electronDist=${fakeElectron}`,
    `-c.directories.output=${outputDir}`,
  ];
  try {
    // No signing identities or update tokens from the developer's environment.
    await run(process.execPath, [cli, ...args], {
      cwd: project,
      env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', GH_TOKEN: '' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`electron-builder failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

/** `electron-builder --linux dir` with the given configuration. */
async function pack(configFile: string, outputDir: string): Promise<PackedApp> {
  await electronBuilder(configFile, outputDir, ['--linux', 'dir']);
  const appDir = path.join(project, outputDir, 'linux-unpacked');
  const asarPath = path.join(appDir, 'resources', 'app.asar');
  const entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''));
  return { appDir, asarPath, entries };
}

async function fuseWire(app: PackedApp): Promise<Record<string, string | undefined>> {
  const binary = await readFile(path.join(app.appDir, 'ouro-desktop'), 'latin1');
  const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 2;
  return Object.fromEntries(FUSE_ORDER.map((name, i) => [name, binary[at + i]]));
}

/**
 * electron-builder asks `npm list` for the production dependency tree. A symlinked node_modules
 * makes npm treat every package as a link outside the project (so their dependencies read as
 * missing, depending on where the checkout lives), so the project gets a real folder: hard links
 * where the file system allows (instant, no space), a plain copy where it does not.
 */
async function copyNodeModules(from: string, to: string): Promise<void> {
  try {
    await promisify(execFile)('cp', ['-al', from, to]);
  } catch {
    await rm(to, { recursive: true, force: true });
    await cp(from, to, { recursive: true, verbatimSymlinks: true });
  }
}

let release: PackedApp;
let e2e: PackedApp;

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'ouro-packaging-'));
  for (const file of ['package.json', 'electron-builder.yml', 'electron-builder.e2e.yml', 'scripts/refuse-cross-build.mjs']) {
    await mkdir(path.dirname(path.join(project, file)), { recursive: true });
    await cp(path.join(root, file), path.join(project, file));
  }
  await cp(path.join(root, 'build'), path.join(project, 'build'), { recursive: true });
  await copyNodeModules(path.join(root, 'node_modules'), path.join(project, 'node_modules'));
  for (const file of [...built, ...decoys]) await write(file, `// ${file}\n`);

  fakeElectron = path.join(project, 'fake-electron');
  await write('fake-electron/electron', `#!/bin/sh\n${FUSE_SENTINEL}\x01\x08${SHIPPED_WIRE}\n`);
  await write('fake-electron/locales/en-US.pak', 'pak');
  await mkdir(path.join(fakeElectron, 'resources'));

  // Separate processes and output folders, so the two builds can run side by side.
  [release, e2e] = await Promise.all([pack('electron-builder.yml', 'out-release'), pack('electron-builder.e2e.yml', 'out-e2e')]);
}, 60_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

const appFiles = (app: PackedApp) => app.entries.filter((entry) => !entry.startsWith('node_modules/') && entry !== 'node_modules');
const packagesInside = (app: PackedApp) => new Set(app.entries.flatMap((entry) => /^node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(entry)?.[1] ?? []));

describe('the packaged app', () => {
  it('holds the built main, preload and renderer, and package.json pointing at main', async () => {
    expect(appFiles(release)).toEqual(expect.arrayContaining(['package.json', ...built]));
    const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(release.entries).toContain(manifest.main);
  });

  it('holds nothing else of the project: no sources, tests, source maps, .env files or stand-in data', () => {
    const files = appFiles(release).filter((entry) => path.extname(entry) !== '');
    expect(files.sort()).toEqual(['package.json', ...built].sort());
    for (const decoy of decoys) expect(release.entries).not.toContain(decoy);
    const suspicious = release.entries.filter((entry) => entry.endsWith('.map') || /(^|\/)\.env/.test(entry) || /\.tsx?$/.test(entry.replace(/\.d\.ts$/, '')));
    expect(suspicious).toEqual([]);
  });

  it('ships the runtime dependencies main loads, and none of those Vite and esbuild bundled', () => {
    const packages = packagesInside(release);
    expect(packages).toContain('electron-updater');
    expect(packages).toContain('keytar');
    expect(packages).toContain('classic-level');
    for (const bundled of ['react', 'react-dom', 'zod', '@tanstack/react-query']) expect(packages).not.toContain(bundled);
    for (const dev of ['electron', 'electron-builder', 'vite', 'vitest', 'typescript', 'esbuild', 'playwright']) expect(packages).not.toContain(dev);
    // keytar's dependencies only fetch or compile its addon at install time.
    for (const installTime of ['prebuild-install', 'node-addon-api']) expect(packages).not.toContain(installTime);
  });

  it('ships every dependency of every packed package (the node_modules allow-list is complete)', () => {
    const packageDirs = release.entries.filter((entry) => /(^|\/)node_modules\/(@[^/]+\/)?[^/@]+$/.test(entry) && release.entries.includes(`${entry}/package.json`));
    const missing: string[] = [];
    for (const dir of packageDirs) {
      // keytar's lib requires nothing but its .node addon (see the test above).
      if (dir === 'node_modules/keytar') continue;
      const manifest = JSON.parse(extractFile(release.asarPath, `${dir}/package.json`).toString('utf8')) as { dependencies?: Record<string, string> };
      for (const dependency of Object.keys(manifest.dependencies ?? {})) {
        // @parcel/watcher loads a prebuilt addon package; node-addon-api is only for compiling one.
        if (dir === 'node_modules/@parcel/watcher' && dependency === 'node-addon-api') continue;
        // Node's lookup: the package's own node_modules, then each enclosing node_modules folder.
        const candidates: string[] = [];
        for (let base = dir; ; base = base.slice(0, base.lastIndexOf('/node_modules/'))) {
          candidates.push(`${base}/node_modules/${dependency}`);
          if (!base.includes('/node_modules/')) break;
        }
        candidates.push(`node_modules/${dependency}`);
        if (!candidates.some((candidate) => release.entries.includes(`${candidate}/package.json`))) missing.push(`${dir} → ${dependency}`);
      }
    }
    expect(packageDirs.length).toBeGreaterThan(2);
    expect(missing).toEqual([]);
  });

  // keytar is an optional dependency: where `npm install` could not build it there is nothing to unpack.
  const keytarBuilt = existsSync(path.join(root, 'node_modules/keytar/build/Release/keytar.node'));
  it('unpacks keytar’s native addon next to the archive, where it can be loaded', (ctx) => {
    if (!keytarBuilt) {
      const reason = 'keytar (an optional dependency) was not built by npm install here, so there is no addon to unpack';
      console.info(`skipped: ${reason}`);
      ctx.skip(reason);
    }
    const addon = 'node_modules/keytar/build/Release/keytar.node';
    expect(statFile(release.asarPath, addon)).toMatchObject({ unpacked: true });
    expect(existsSync(path.join(release.appDir, 'resources', 'app.asar.unpacked', addon))).toBe(true);
  });

  it('unpacks classic-level’s prebuilt addon for this OS only, next to the archive', () => {
    const ours = release.entries.filter((entry) => entry.startsWith('node_modules/classic-level/prebuilds/') && entry.endsWith('.node'));
    expect(ours.length).toBeGreaterThan(0);
    for (const addon of ours) {
      expect(addon.startsWith(`node_modules/classic-level/prebuilds/${process.platform}-`)).toBe(true);
      expect(statFile(release.asarPath, addon)).toMatchObject({ unpacked: true });
      expect(existsSync(path.join(release.appDir, 'resources', 'app.asar.unpacked', addon))).toBe(true);
    }
    const forThisCpu = `node_modules/classic-level/prebuilds/${process.platform}-${process.arch}/classic-level.node`;
    if (process.platform === 'linux') expect(ours).toContain(forThisCpu);
  });

  it('unpacks @parcel/watcher’s prebuilt addon (sync folders) for this OS only, next to the archive', () => {
    const addons = release.entries.filter((entry) => entry.startsWith('node_modules/@parcel/watcher-') && entry.endsWith('.node'));
    expect(addons.length).toBeGreaterThan(0);
    for (const addon of addons) {
      expect(addon.startsWith(`node_modules/@parcel/watcher-${process.platform}-`)).toBe(true);
      expect(statFile(release.asarPath, addon)).toMatchObject({ unpacked: true });
      expect(existsSync(path.join(release.appDir, 'resources', 'app.asar.unpacked', addon))).toBe(true);
    }
    expect(release.entries).toContain('node_modules/@parcel/watcher/index.js');
  });

  it('puts the window icon beside the archive', async () => {
    const icon = await readFile(path.join(release.appDir, 'resources', 'icon.png'));
    expect(icon.readUInt32BE(16)).toBe(256);
  });

  it('flips the release fuses in the Electron binary', async () => {
    expect(await fuseWire(release)).toEqual({
      RunAsNode: '0',
      EnableCookieEncryption: '1',
      EnableNodeOptionsEnvironmentVariable: '0',
      EnableNodeCliInspectArguments: '0',
      EnableEmbeddedAsarIntegrityValidation: '1',
      OnlyLoadAppFromAsar: '1',
      LoadBrowserProcessSpecificV8Snapshot: '0',
      GrantFileProtocolExtraPrivileges: '0',
    });
  });
});

describe('packing for another platform or architecture', () => {
  // keytar's addon in node_modules is this machine's; npmRebuild is off, so any other target must
  // be refused (electron-builder.yml's beforePack hook), before a single file is packed.
  const otherOs = process.platform === 'linux' ? 'win' : 'linux';
  const otherArch = process.arch === 'arm64' ? 'x64' : 'arm64';
  const cases: Array<[string, string[], string]> = [
    [`another OS (--${otherOs})`, [`--${otherOs}`, 'dir'], `out-other-os`],
    [`another architecture of this OS (--${otherArch})`, ['--linux', 'dir', `--${otherArch}`], `out-other-arch`],
  ];
  for (const [what, target, outputDir] of cases) {
    it(`is refused for ${what}, saying why and where to build instead`, async (ctx) => {
      if (process.platform !== 'linux' && target[0] === '--linux') {
        const reason = 'the architecture case packs for Linux, which is this machine’s own OS only on Linux';
        console.info(`skipped: ${reason}`);
        ctx.skip(reason);
      }
      for (const configFile of ['electron-builder.yml', 'electron-builder.e2e.yml']) {
        const failure = await electronBuilder(configFile, `${outputDir}-${configFile}`, target).then(
          () => null,
          (error: unknown) => String(error),
        );
        expect(failure).toContain('Refusing to package Ouro for');
        expect(failure).toContain('keytar');
        expect(failure).toContain('docs/packaging.md');
        const made = await readdir(path.join(project, `${outputDir}-${configFile}`)).catch(() => []);
        expect(made.filter((entry) => entry.endsWith('-unpacked'))).toEqual([]);
      }
    });
  }
});

describe('the e2e build', () => {
  it('packs exactly the same files as the release build', () => {
    expect([...e2e.entries].sort()).toEqual([...release.entries].sort());
  });

  it('leaves only the debugging fuses on, for Playwright’s --inspect', async () => {
    expect(await fuseWire(e2e)).toEqual({
      ...(await fuseWire(release)),
      RunAsNode: '1',
      EnableNodeOptionsEnvironmentVariable: '1',
      EnableNodeCliInspectArguments: '1',
    });
  });
});
