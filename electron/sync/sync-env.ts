// The web host's sync options: it has no folder dialog, so its chooser answers with the folder
// named by OURO_DESKTOP_PICK_FOLDER (as downloads use OURO_DESKTOP_DOWNLOAD_DIR); tests may
// shorten Mirror deletions' grace period with OURO_SYNC_GRACE_MS.
import type { SyncOptions } from './sync-parts';

export function syncOptionsFromEnv(env: NodeJS.ProcessEnv): SyncOptions {
  const picked = env.OURO_DESKTOP_PICK_FOLDER?.trim();
  const grace = Number(env.OURO_SYNC_GRACE_MS);
  return {
    ...(picked ? { chooseFolder: async () => picked } : {}),
    ...(Number.isInteger(grace) && grace >= 0 ? { timing: { graceMs: grace } } : {}),
  };
}
