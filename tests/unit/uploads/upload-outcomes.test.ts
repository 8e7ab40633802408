// What an upload's end sets off: its staged copy removed when done or cancelled (kept when it
// failed), every listener told, and a failure logged by its kind.
import { describe, expect, it } from 'vitest';
import type { QueueRecord } from '../../../electron/uploads/queue-record';
import { createUploadOutcomes } from '../../../electron/uploads/upload-outcomes';

const record = (state: QueueRecord['state'], staged = true) =>
  ({ id: state, name: 'a.txt', kind: 'file', path: `/staging/${state}`, staged, state, error: state === 'failed' ? { kind: 'server', message: 'no' } : undefined }) as QueueRecord;

describe('createUploadOutcomes', () => {
  it('removes the staged copy of a done or cancelled item only, tells listeners, logs a failure', () => {
    const removed: string[] = [];
    const logged: string[] = [];
    const heard: string[] = [];
    const outcomes = createUploadOutcomes({
      hooks: {},
      staging: { remove: async (p) => void removed.push(p) },
      log: { info: (text: string) => void logged.push(text) },
    });
    const stop = outcomes.listen((r) => heard.push(r.state));
    for (const state of ['done', 'cancelled', 'failed'] as const) outcomes.finished(record(state));
    outcomes.finished(record('done', false));
    stop();
    outcomes.finished(record('done'));
    expect(removed).toEqual(['/staging/done', '/staging/cancelled', '/staging/done']);
    expect(heard).toEqual(['done', 'cancelled', 'failed', 'done']);
    expect(logged).toEqual([expect.stringContaining('(server)')]);
    expect(logged[0]).not.toContain('a.txt');
    outcomes.dispose();
  });
});
