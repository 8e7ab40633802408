// The outbox against the stand-in's messages endpoint: sent at once with its own id, kept while
// offline and sent once when back, and a lost answer (Ouro stored it, the reply timed out) never
// turning into a second message.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OutboxSnapshot, SendOutcome } from '../../shared/outbox';
import { startStandIn, type StandIn } from '../stand-in/index';
import { apiFor, type Envelope } from '../unit/stand-in/helpers';
import { faultPresets } from '../stand-in/fault-presets';
import { desktopServices } from '../helpers/desktop';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ quiet: true });
});
afterAll(() => standIn.close());

interface Message {
  id: string;
  text: string;
  json: { type: string };
}

/** The conversation's newest messages as Ouro has them. */
async function onOuro(conversationId: string): Promise<Message[]> {
  const api = await apiFor(standIn);
  return (await api.json<Envelope<Message[]>>(`/conversations/${conversationId}/messages?limit=200`)).body.data;
}

async function signedIn(overrides: Parameters<typeof desktopServices>[1] = {}) {
  const desk = desktopServices(standIn.url, overrides);
  await desk.services.start();
  await desk.services.account.signIn({ apiKey: standIn.apiKey });
  return desk;
}

describe('outbox', () => {
  it('sends at once when online: converted from markdown, posted with its own id', async () => {
    const desk = await signedIn();
    const conversation = standIn.seed.conversations[2]!;
    const outcome = await desk.ok<SendOutcome>('outbox:send', { conversationId: conversation.id, text: 'Hello **team**' });
    const paths = standIn.log.filter((e) => e.method === 'POST').map((e) => e.path);
    expect(outcome).toMatchObject({ state: 'sent', message: { text: 'Hello **team**', authorName: 'alice' } });
    const stored = (await onOuro(conversation.id)).filter((m) => m.id === outcome.clientId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ text: 'Hello **team**', json: { type: 'doc' } });
    expect(paths.slice(-2)).toEqual(['/utilities/convert/from-markdown', `/conversations/${conversation.id}/messages/create`]);
    await desk.services.dispose();
  });

  it('keeps a message written offline, on disk, and sends it once when Ouro is back', async () => {
    const desk = await signedIn({ retryDelaysMs: [60_000] });
    const conversation = standIn.seed.conversations[2]!;
    desk.services.account.noteReachability(false);
    const outcome = await desk.ok<SendOutcome>('outbox:send', { conversationId: conversation.id, text: 'Written on the train' });
    expect(outcome).toMatchObject({ state: 'queued', entry: { state: 'queued', text: 'Written on the train', attempts: 0 } });
    expect(await desk.ok<OutboxSnapshot>('outbox:list')).toMatchObject({ entries: [{ clientId: outcome.clientId, state: 'queued' }] });
    expect((await onOuro(conversation.id)).some((m) => m.id === outcome.clientId)).toBe(false);

    await desk.ok('account:reconnect');
    await vi.waitFor(async () => expect((await desk.ok<OutboxSnapshot>('outbox:list')).entries).toEqual([]));
    expect((await onOuro(conversation.id)).filter((m) => m.id === outcome.clientId)).toHaveLength(1);
    const delivered = desk.eventsOf('outbox:changed').flatMap((s) => (s as OutboxSnapshot).delivered);
    expect(delivered).toEqual([{ clientId: outcome.clientId, conversationId: conversation.id, message: expect.objectContaining({ id: outcome.clientId }) }]);
    await desk.services.dispose();
  });

  it('an answer lost after Ouro stored the message is never a second message', async () => {
    const desk = await signedIn({ retryDelaysMs: [60_000] });
    const conversation = standIn.seed.conversations[2]!;
    // Ouro stores the message, but the connection drops halfway through its answer.
    standIn.faults.add({ method: 'POST', path: `/conversations/${conversation.id}/messages/create`, reset: 'mid-body', times: 1 });
    const outcome = await desk.ok<SendOutcome>('outbox:send', { conversationId: conversation.id, text: 'Did this arrive?' });
    expect(outcome).toMatchObject({ state: 'queued', entry: { error: { kind: expect.stringMatching(/network|invalid-response/) } } });
    expect((await onOuro(conversation.id)).some((m) => m.id === outcome.clientId)).toBe(true);
    standIn.clearLog();

    await desk.ok('account:reconnect');
    await vi.waitFor(async () => expect((await desk.ok<OutboxSnapshot>('outbox:list')).entries).toEqual([]));
    expect((await onOuro(conversation.id)).filter((m) => m.id === outcome.clientId)).toHaveLength(1);
    expect((await onOuro(conversation.id)).filter((m) => m.text === 'Did this arrive?')).toHaveLength(1);
    // Found among the newest messages: not posted again.
    expect(standIn.log.filter((e) => e.path.endsWith('/messages/create'))).toEqual([]);
    await desk.services.dispose();
  });

  it('a refusal fails the message with Ouro’s reason; discarding forgets it', async () => {
    const desk = await signedIn();
    const notMine = standIn.seed.conversations.find((c) => !c.members.includes('alice'))!;
    const outcome = await desk.ok<SendOutcome>('outbox:send', { conversationId: notMine.id, text: 'Let me in' });
    expect(outcome).toMatchObject({ state: 'failed', entry: { state: 'failed', error: { kind: 'not-found' } } });
    await desk.ok('outbox:discard', { clientId: outcome.clientId });
    expect((await desk.ok<OutboxSnapshot>('outbox:list')).entries).toEqual([]);
    await desk.services.dispose();
  });

  it('sends through the one message sender: converted as the SDK does, under the page’s own id', async () => {
    const desk = await signedIn();
    const conversation = standIn.seed.conversations[2]!;
    const clientId = randomUUID();
    standIn.clearLog();
    const outcome = await desk.ok<SendOutcome>('outbox:send', { conversationId: conversation.id, text: '# Results\n\n- first\n- second\n', clientId });
    expect(outcome).toMatchObject({ state: 'sent', clientId, message: { id: clientId, authorName: 'alice', text: '# Results\n\n- first\n- second' } });
    const [stored] = (await onOuro(conversation.id)).filter((m) => m.id === clientId);
    expect(stored?.json).toMatchObject({ type: 'doc', content: [{ type: 'heading' }, { type: 'bulletList' }] });
    // `conversations:send` is gone: the outbox is the only way a message is sent.
    expect(await desk.call('conversations:send' as never, { conversationId: conversation.id, id: randomUUID(), text: 'x' } as never)).toMatchObject({ ok: false });
    await desk.services.dispose();
  });

  it('a 500 leaves the message waiting with the error; Retry sends the same id, stored exactly once', async () => {
    const desk = await signedIn({ retryDelaysMs: [60_000] });
    const conversation = standIn.seed.conversations[2]!;
    standIn.faults.add(faultPresets.messageCreateFails(conversation.id));
    const outcome = await desk.ok<SendOutcome>('outbox:send', { conversationId: conversation.id, text: 'Will this arrive?', clientId: randomUUID() });
    expect(outcome).toMatchObject({ state: 'queued', entry: { attempts: 1, error: { kind: 'server', status: 500 } } });
    expect((await onOuro(conversation.id)).some((m) => m.id === outcome.clientId)).toBe(false);
    await desk.ok('outbox:retry', { clientId: outcome.clientId });
    expect((await desk.ok<OutboxSnapshot>('outbox:list')).entries).toEqual([]);
    expect((await onOuro(conversation.id)).filter((m) => m.id === outcome.clientId)).toHaveLength(1);
    // Sending the same id again (a double click) never makes a second message.
    const again = await desk.ok<SendOutcome>('outbox:send', { conversationId: conversation.id, text: 'Will this arrive?', clientId: outcome.clientId });
    expect(again.state).toBe('sent');
    expect((await onOuro(conversation.id)).filter((m) => m.text === 'Will this arrive?')).toHaveLength(1);
    await desk.services.dispose();
  });
});
