// The seams split out of the upload queue: how a run's end becomes the item's next state
// (runEnd), what the next save writes (UnsavedChanges), and the intake's account check and the
// records it queues (createUploadIntake).
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/app-error';
import { UploadQueue, type QueueRecord } from '../../../electron/uploads/queue';
import { runEnd } from '../../../electron/uploads/queue-runner';
import type { QueueChanges } from '../../../electron/uploads/queue-store';
import { UnsavedChanges } from '../../../electron/uploads/queue-unsaved';
import { createUploadIntake } from '../../../electron/uploads/upload-intake';
import type { AccountIdentity } from '../../../electron/account/account-identity';

const failure = (kind: 'unauthorized' | 'not-signed-in' | 'cancelled' | 'server') => ({ error: new AppError({ kind, message: kind }) });

describe('runEnd', () => {
  it.each([
    ['a run stopped to requeue goes back in line, even if it succeeded', 'requeue', { result: { assetId: 'a' } }, 'queued'],
    ['a run stopped to requeue goes back in line when it failed', 'requeue', failure('server'), 'queued'],
    ['a result wins over a late cancel', 'cancel', { result: { assetId: 'a' } }, 'done'],
    ['a cancelled run that failed is cancelled, whatever the error', 'cancel', failure('server'), 'cancelled'],
    ['a refused key waits for the sign-in', undefined, failure('unauthorized'), 'refused'],
    ['no session waits for the sign-in', undefined, failure('not-signed-in'), 'refused'],
    ['an abort from below is a cancel', undefined, failure('cancelled'), 'cancelled'],
    ['any other error fails the item', undefined, failure('server'), 'failed'],
  ] as const)('%s', (_name, stop, outcome, state) => {
    expect(runEnd(stop, outcome).state).toBe(state);
  });

  it('an unexpected throw fails as internal, with the error data kept', () => {
    const end = runEnd(undefined, { error: new Error('boom') });
    expect(end).toMatchObject({ state: 'failed', error: { kind: 'internal', message: 'The upload failed unexpectedly' } });
  });
});

describe('UnsavedChanges', () => {
  const record = (id: string, name = id) => ({ id, name }) as QueueRecord;

  it('writes copies of what changed and what went, once, and a gone record is not also written', async () => {
    const records = new Map([['a', record('a')], ['b', record('b')]]);
    const writes: QueueChanges[] = [];
    const unsaved = new UnsavedChanges(async (changes) => void writes.push(changes), (id) => records.get(id));
    unsaved.changed('a');
    unsaved.changed('b');
    unsaved.gone('b');
    await unsaved.save('a');
    await unsaved.save();
    expect(writes).toEqual([{ put: [record('a')], remove: ['b'] }, { put: [], remove: [] }]);
    expect(writes[0]?.put[0]).not.toBe(records.get('a'));
  });

  it('a failed write does not throw (the store reports it)', async () => {
    const unsaved = new UnsavedChanges(() => Promise.reject(new Error('disk full')), () => undefined);
    await expect(unsaved.save('x')).resolves.toBeUndefined();
  });
});

describe('createUploadIntake', () => {
  const alice: AccountIdentity = { key: 'alice-key', label: 'alice at 127.0.0.1' };
  const setup = (account: AccountIdentity | null) => {
    const queue = new UploadQueue({ concurrency: 1, run: () => new Promise(() => {}), persist: async () => {}, changed: () => {} });
    const intake = createUploadIntake({ queue, outcomes: { listen: () => () => {} }, account: () => account });
    return { queue, intake };
  };

  it('refuses items for an account that is not the signed-in one', () => {
    expect(() => setup(null).intake.enqueue('alice-key', [])).toThrow(expect.objectContaining({ kind: 'not-signed-in' }));
    expect(() => setup(alice).intake.enqueue('bob-key', [])).toThrow(expect.objectContaining({ kind: 'not-signed-in' }));
  });

  it('queues files and replacements in one batch, in order, under the owner and its label', () => {
    const { queue, intake } = setup(alice);
    const ids = intake.enqueue('alice-key', [
      { kind: 'file', name: 'a.txt', path: '/d/a.txt', size: 1, destination: { visibility: 'public' }, syncFolder: 'f1' },
      { kind: 'replace', name: 'b.txt', path: '/d/b.txt', size: 2, target: { id: 'asset-b', name: 'b on ouro.txt' } },
    ]);
    expect(ids).toHaveLength(2);
    expect(queue.all().map((r) => r.id)).toEqual(ids);
    expect(intake.record(ids[0] ?? '')).toMatchObject({ kind: 'file', staged: false, destination: { visibility: 'public' }, syncFolder: 'f1', account: 'alice-key', accountLabel: alice.label });
    const replacement = intake.record(ids[1] ?? '');
    expect(replacement).toMatchObject({ kind: 'replace', targetId: 'asset-b', targetName: 'b on ouro.txt', destination: { visibility: 'private' } });
    expect(replacement).not.toHaveProperty('syncFolder');
  });
});
