/** Finds the Electron binary without triggering a download. */
export function findElectronBinary(): { path: string } | { missing: string };
