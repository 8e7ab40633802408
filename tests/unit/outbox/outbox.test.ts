// The outbox with a fake sender: offline messages wait and go in order when back online, each
// with its own id; a lost answer is never a duplicate; refusals wait for the person.
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/app-error';
import type { MessageRow } from '../../../shared/browse';
import type { OutboxSnapshot } from '../../../shared/outbox';
import { createLogger } from '../../../electron/log';
import { createOutbox, type OutboxMessage } from '../../../electron/outbox/outbox';

const CONVERSATION = '11111111-1111-4111-8111-111111111111';

function row(message: OutboxMessage): MessageRow {
  return { id: message.clientId, authorName: 'alice', authorId: 'a', text: message.text, createdAt: new Date().toISOString(), seq: 0, type: 'message' };
}

async function setup(options: { online?: boolean } = {}) {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'ouro-outbox-')), 'outbox.json');
  const state = { online: options.online ?? true, unreachable: 0 };
  const sent: OutboxMessage[] = [];
  const server = new Map<string, OutboxMessage>();
  const failures: AppError[] = [];
  const snapshots: OutboxSnapshot[] = [];
  let lookups = 0;
  const deps = {
    send: async (message: OutboxMessage) => {
      sent.push(message);
      const failure = failures.shift();
      if (failure?.kind === 'timeout') server.set(message.clientId, message); // it arrived; the answer did not
      if (failure) throw failure;
      if (server.has(message.clientId)) throw new AppError({ kind: 'conflict', message: 'exists', status: 409 });
      server.set(message.clientId, message);
      return row(message);
    },
    findDelivered: async (message: OutboxMessage) => {
      lookups += 1;
      return server.has(message.clientId) ? row(message) : null;
    },
    isOnline: () => state.online,
    noteUnreachable: () => void (state.unreachable += 1),
    emit: (snapshot: OutboxSnapshot) => void snapshots.push(snapshot),
    log: createLogger({ write: () => {} }),
    retryDelaysMs: [10],
  };
  const outbox = createOutbox(deps);
  await outbox.open(file);
  return { outbox, file, state, sent, server, failures, snapshots, lookups: () => lookups, deps };
}

describe('outbox', () => {
  it('sends at once when online, with an id of its own, and says so', async () => {
    const { outbox, sent, snapshots } = await setup();
    const outcome = await outbox.submit(CONVERSATION, 'Hello');
    expect(outcome).toMatchObject({ state: 'sent', message: { text: 'Hello' } });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(outcome.clientId).toBe(sent[0]?.clientId);
    expect(outbox.snapshot().entries).toEqual([]);
    expect(snapshots.at(-1)?.delivered).toEqual([{ clientId: outcome.clientId, conversationId: CONVERSATION, message: expect.objectContaining({ text: 'Hello' }) }]);
  });

  it('keeps messages written offline, on disk, and sends them in order once online', async () => {
    const { outbox, file, state, sent } = await setup({ online: false });
    const first = await outbox.submit(CONVERSATION, 'one');
    await outbox.submit(CONVERSATION, 'two');
    expect(first.state).toBe('queued');
    expect(sent).toEqual([]);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { entries: { text: string; state: string }[] };
    expect(saved.entries.map((e) => [e.text, e.state])).toEqual([
      ['one', 'queued'],
      ['two', 'queued'],
    ]);
    state.online = true;
    await outbox.flush();
    expect(sent.map((m) => m.text)).toEqual(['one', 'two']);
    expect(outbox.snapshot().entries).toEqual([]);
  });

  it('survives a restart: another outbox on the same file sends what was left', async () => {
    const { outbox, file, deps, state } = await setup({ online: false });
    await outbox.submit(CONVERSATION, 'left behind');
    await outbox.dispose();
    state.online = true;
    const sent: OutboxMessage[] = [];
    const again = createOutbox({ ...deps, send: async (m) => (sent.push(m), row(m)) });
    await again.open(file);
    await again.flush();
    expect(sent.map((m) => m.text)).toEqual(['left behind']);
  });

  it('a network failure leaves it queued, tells the account, and the same id goes next time', async () => {
    const { outbox, sent, failures, state, server } = await setup();
    failures.push(new AppError({ kind: 'network', message: 'offline' }));
    const outcome = await outbox.submit(CONVERSATION, 'flaky');
    expect(outcome).toMatchObject({ state: 'queued', entry: { state: 'queued', attempts: 1, error: { kind: 'network' } } });
    expect(state.unreachable).toBe(1);
    await outbox.flush();
    expect(sent.map((m) => m.clientId)).toEqual([outcome.clientId, outcome.clientId]);
    expect([...server.keys()]).toEqual([outcome.clientId]);
  });

  it('an answer lost after Ouro stored the message: found on Ouro, never posted twice', async () => {
    const { outbox, sent, failures, server, lookups } = await setup();
    failures.push(new AppError({ kind: 'timeout', message: 'no answer' }));
    const outcome = await outbox.submit(CONVERSATION, 'maybe sent');
    expect(outcome.state).toBe('queued');
    await outbox.flush();
    expect(lookups()).toBe(1);
    expect(sent).toHaveLength(1);
    expect(server.size).toBe(1);
    expect(outbox.snapshot().entries).toEqual([]);
  });

  it('a 409 for its id means an earlier attempt went through: delivered, not failed', async () => {
    const { outbox, server, snapshots, state, sent } = await setup({ online: false });
    const outcome = await outbox.submit(CONVERSATION, 'already there');
    server.set(outcome.clientId, { clientId: outcome.clientId, conversationId: CONVERSATION, text: 'already there' });
    state.online = true;
    await outbox.flush();
    expect(sent).toHaveLength(1);
    expect(outbox.snapshot().entries).toEqual([]);
    expect(snapshots.flatMap((s) => s.delivered)).toEqual([{ clientId: outcome.clientId, conversationId: CONVERSATION, message: null }]);
  });

  it('a refusal (403) fails the message for the person, who can retry or discard it', async () => {
    const { outbox, failures, sent } = await setup();
    failures.push(new AppError({ kind: 'forbidden', message: 'You are not a member', status: 403 }));
    const outcome = await outbox.submit(CONVERSATION, 'not allowed');
    expect(outcome).toMatchObject({ state: 'failed', entry: { error: { kind: 'forbidden' } } });
    await outbox.flush();
    expect(sent).toHaveLength(1);
    await outbox.retry(outcome.clientId);
    expect(sent).toHaveLength(2);
    expect(outbox.snapshot().entries).toEqual([]);

    failures.push(new AppError({ kind: 'not-found', message: 'gone', status: 404 }));
    const again = await outbox.submit(CONVERSATION, 'to a deleted conversation');
    expect(again.state).toBe('failed');
    await outbox.discard(again.clientId);
    expect(outbox.snapshot().entries).toEqual([]);
  });

  it('retries by itself after a server error while online', async () => {
    const { outbox, failures, sent } = await setup();
    failures.push(new AppError({ kind: 'server', message: '503', status: 503 }));
    const outcome = await outbox.submit(CONVERSATION, 'busy server');
    expect(outcome.state).toBe('queued');
    await expect.poll(() => outbox.snapshot().entries.length).toBe(0);
    expect(sent.map((m) => m.clientId)).toEqual([outcome.clientId, outcome.clientId]);
  });

  it('forgets everything at sign-out and refuses sends while signed out', async () => {
    const { outbox } = await setup({ online: false });
    await outbox.submit(CONVERSATION, 'private draft');
    await outbox.forget();
    expect(outbox.snapshot().entries).toEqual([]);
    await expect(outbox.submit(CONVERSATION, 'x')).rejects.toMatchObject({ kind: 'not-signed-in' });
  });

  it('takes the page’s own id, and sending it again never makes a second message', async () => {
    const { outbox, sent, state } = await setup({ online: false });
    const id = 'AAAAAAAA-1111-4111-8111-111111111111';
    const first = await outbox.submit(CONVERSATION, 'double click', id);
    const again = await outbox.submit(CONVERSATION, 'double click', id);
    expect(first.clientId).toBe(id.toLowerCase());
    expect(again).toMatchObject({ state: 'queued', clientId: id.toLowerCase() });
    expect(outbox.snapshot().entries).toHaveLength(1);
    state.online = true;
    await outbox.flush();
    expect(sent.map((m) => m.clientId)).toEqual([id.toLowerCase()]);
  });

  it('holds a bounded number of unsent messages', async () => {
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'ouro-outbox-')), 'outbox.json');
    const outbox = createOutbox({ send: async (m) => row(m), isOnline: () => false, emit: () => {}, log: createLogger({ write: () => {} }), maxEntries: 3 });
    await outbox.open(file);
    for (let i = 0; i < 3; i++) await outbox.submit(CONVERSATION, `m${i}`);
    await expect(outbox.submit(CONVERSATION, 'one too many')).rejects.toMatchObject({ kind: 'invalid-input' });
  });
});

