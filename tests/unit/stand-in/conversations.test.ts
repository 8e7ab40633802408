import { describe, expect, it } from 'vitest';
import type { StandIn } from '../../stand-in/index';
import { useStandIn, type Api, type Envelope } from './helpers';

let s: StandIn;
let alice: Api;
let bob: Api;
useStandIn((world) => ({ s, alice, bob } = world));

interface Conversation {
  id: string;
  name: string | null;
  metadata: { members: string[] };
  users: { username: string }[];
}
interface Message {
  id: string;
  text: string;
  created_at: string;
  seq: number;
  user_id: string;
  user: { username: string };
  json: { type: string };
}

describe('conversation list', () => {
  it('pages my conversations with offset pagination', async () => {
    const first = await alice.json<Envelope<Conversation[]>>('/conversations');
    expect(first.body.data).toHaveLength(20);
    expect(first.body.pagination).toMatchObject({ offset: 0, limit: 20, hasMore: true, total: 25 });
    const second = await alice.json<Envelope<Conversation[]>>('/conversations?offset=20&limit=20');
    expect(second.body.data).toHaveLength(5);
    expect(second.body.pagination?.hasMore).toBe(false);
    const all = [...first.body.data, ...second.body.data];
    expect(new Set(all.map((c) => c.id)).size).toBe(25);
    expect(all.every((c) => c.metadata.members.includes(s.seed.users.alice.id))).toBe(true);
    expect(all.some((c) => c.name === null)).toBe(true);
    expect(all.map((c) => c.name)).not.toContain('Bob and Carol sync');
  });

  it("hides conversations I'm not a member of", async () => {
    const secret = s.seed.conversations.find((c) => c.name === 'Bob and Carol sync');
    expect((await alice.get(`/conversations/${secret?.id ?? ''}`)).status).toBe(404);
    expect((await bob.get(`/conversations/${secret?.id ?? ''}`)).status).toBe(200);
  });
});

describe('messages', () => {
  it('pages 520 messages newest first with the before cursor', async () => {
    const conv = s.seed.conversations.find((c) => c.messageCount >= 500);
    expect(conv).toBeTruthy();
    const retrieved = await alice.json<Envelope<Conversation>>(`/conversations/${conv?.id ?? ''}`);
    expect(retrieved.body.data.users.map((u) => u.username).sort()).toEqual(['alice', 'bob', 'carol-agent']);
    const seen: Message[] = [];
    let before: string | undefined;
    let pages = 0;
    for (;;) {
      const q = new URLSearchParams({ limit: '200', ...(before ? { before } : {}) });
      const { body } = await alice.json<Envelope<Message[]>>(`/conversations/${conv?.id ?? ''}/messages?${q.toString()}`);
      pages++;
      seen.push(...body.data);
      if (!body.pagination?.hasMore) {
        expect(body.pagination?.nextCursor).toBeNull();
        break;
      }
      before = body.pagination.nextCursor?.before;
      expect(before).toBe(body.data.at(-1)?.created_at);
      // A client that forgets to encode '+' sends a space; the server copes.
      const sloppy = await alice.json<Envelope<Message[]>>(`/conversations/${conv?.id ?? ''}/messages?limit=1&before=${before ?? ''}`);
      expect(sloppy.status).toBe(200);
      expect(Date.parse(sloppy.body.data[0]?.created_at ?? '')).toBeLessThan(Date.parse(before ?? ''));
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(conv?.messageCount ?? 0);
    expect(new Set(seen.map((m) => m.id)).size).toBe(seen.length);
    for (let i = 1; i < seen.length; i++) expect(Date.parse(seen[i - 1]?.created_at ?? '') > Date.parse(seen[i]?.created_at ?? '')).toBe(true);
    expect(new Set(seen.map((m) => m.user_id)).size).toBe(3);
    expect(seen.some((m) => m.text.includes('```'))).toBe(true);
    expect(seen[0]?.json.type).toBe('doc');
    expect(seen[0]?.user.username).toBeTruthy();
  });

  it('caps the limit at 200', async () => {
    const conv = s.seed.conversations[0];
    expect([400, 422]).toContain((await alice.get(`/conversations/${conv?.id ?? ''}/messages?limit=201`)).status);
  });

  it('creates messages that appear first in the next page', async () => {
    const conv = s.seed.conversations.find((c) => c.name === 'Q3 forecast review');
    const sent = await alice.json<Envelope<Message>>(`/conversations/${conv?.id ?? ''}/messages/create`, {
      method: 'POST',
      body: JSON.stringify({ message: { text: '**Done** — see the _plot_.', json: { type: 'doc', content: [] } } }),
    });
    expect(sent.status).toBe(200);
    expect(sent.body.data).toMatchObject({ text: '**Done** — see the _plot_.', user_id: s.seed.users.alice.id });
    const latest = await alice.json<Envelope<Message[]>>(`/conversations/${conv?.id ?? ''}/messages?limit=1`);
    expect(latest.body.data[0]?.id).toBe(sent.body.data.id);
    const list = await alice.json<Envelope<Conversation[]>>('/conversations?limit=1');
    expect(list.body.data[0]?.id).toBe(conv?.id);
    const md = await alice.json<{ json: { type: string }; markdown: string }>('/utilities/convert/from-markdown', { method: 'POST', body: JSON.stringify({ markdown: '# Hi\n\n- a\n- b' }) });
    expect(md.body.json.type).toBe('doc');
  });
});
