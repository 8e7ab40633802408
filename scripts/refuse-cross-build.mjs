// electron-builder's beforePack hook (electron-builder.yml). An installer carries the keytar addon
// that `npm install` built on this machine, for this OS and CPU only (npmRebuild is off), so
// packing for any other target is refused with the way out, rather than shipping an app whose
// keychain is "unavailable" and whose sign-in is never saved.

/** Node's process.arch → electron-builder's architecture names. */
const FROM_NODE_ARCH = { x64: 'x64', arm64: 'arm64', ia32: 'ia32', arm: 'armv7l' };
const OS_NAMES = { darwin: 'macOS', mas: 'macOS', win32: 'Windows', linux: 'Linux' };

const describeTarget = (platform, arch) => `${OS_NAMES[platform] ?? platform} ${arch}`;

/**
 * @param {{ targetPlatform: string; targetArch: string; hostPlatform: string; hostArch: string }} build
 * @returns {string | null} why this build must not go ahead, or null when it may
 */
export function crossBuildProblem({ targetPlatform, targetArch, hostPlatform, hostArch }) {
  const platform = targetPlatform === 'mas' ? 'darwin' : targetPlatform;
  const host = { platform: hostPlatform, arch: FROM_NODE_ARCH[hostArch] ?? hostArch };
  if (platform === host.platform && targetArch === host.arch) return null;
  const target = describeTarget(platform, targetArch);
  const here = describeTarget(host.platform, host.arch);
  return [
    `Refusing to package Ouro for ${target} on ${here}.`,
    `The keychain addon (keytar) in node_modules was built for ${here}; an app carrying it on ${target} could never store anyone's API key.`,
    targetArch === 'universal'
      ? 'Build the x64 and arm64 apps separately, each on a Mac of that architecture.'
      : `Build ${target} installers on a ${target} machine (\`npm ci && npm run dist\`); see docs/packaging.md, "Building installers".`,
  ].join('\n');
}

/** @param {{ electronPlatformName: string; arch: number }} context electron-builder's BeforePackContext */
export async function beforePack(context) {
  const { Arch } = await import('electron-builder');
  const problem = crossBuildProblem({
    targetPlatform: context.electronPlatformName,
    targetArch: Arch[context.arch],
    hostPlatform: process.platform,
    hostArch: process.arch,
  });
  if (problem) throw new Error(problem);
}
