/** Why packing for this target on this machine must not go ahead, or null when it may. */
export function crossBuildProblem(build: { targetPlatform: string; targetArch: string; hostPlatform: string; hostArch: string }): string | null;
/** electron-builder's beforePack hook: throws crossBuildProblem's message. */
export function beforePack(context: { electronPlatformName: string; arch: number }): Promise<void>;
