// Named faults for the acting-on-content specs (issue 13), so a test says what it simulates rather
// than spelling out paths and bodies. Each is a plain FaultSpec: pass it to `standIn.faults.add`
// or POST it to `/__stand-in/faults`.
import { forbidden } from './errors';
import type { FaultSpec } from './types';

export const faultPresets = {
  /**
   * The next update (rename, visibility, move) of this asset is refused the way Ouro refuses
   * someone who may not edit it: 403 with code `update_forbidden` (ouro-api.md §8.4).
   */
  updateForbidden(assetType: 'file' | 'dataset', id: string, times = 1): FaultSpec {
    return {
      method: 'PUT',
      path: `/${assetType === 'file' ? 'files' : 'datasets'}/${id}`,
      status: 403,
      body: forbidden(`You do not have permission to update asset ${id}`, 'update_forbidden').body,
      times,
    };
  },
  /** The next message sent to the conversation (any, by default) fails with a 500; nothing is stored. */
  messageCreateFails(conversationId = '*', times = 1, status = 500): FaultSpec {
    return { method: 'POST', path: `/conversations/${conversationId}/messages/create`, status, times };
  },
  /** The next content replacement answers 404, as a backend older than ouro-py 0.11.4 does. */
  contentRouteMissing(fileId = '*', times = 1): FaultSpec {
    return { method: 'PUT', path: `/files/${fileId}/content`, status: 404, body: { detail: 'Not Found' }, times };
  },
  /** The next delete (or dry run) of this asset fails with `status`. */
  deleteFails(assetType: 'file' | 'dataset', id: string, status = 500, times = 1): FaultSpec {
    return { method: 'DELETE', path: `/${assetType === 'file' ? 'files' : 'datasets'}/${id}`, status, times };
  },
};
