// Titles for conversations without a name, and message authors, from whatever Ouro expanded:
// `users` may be missing, partial, or list members that `metadata.members` does not.
import { describe, expect, it } from 'vitest';
import { toConversationRow, toMessageRow } from '../../../electron/browse/conversation-handlers';
import { ConversationSchema, MessageSchema } from '../../../electron/ouro/models';

const me = 'u-me';
const conversation = (fields: Record<string, unknown>) => ConversationSchema.parse({ id: 'c1', ...fields });

describe('toConversationRow', () => {
  it('uses the name when there is one', () => {
    expect(toConversationRow(conversation({ name: '  Planning ', users: [{ user_id: 'u2', username: 'bob' }] }), me)).toMatchObject({
      title: 'Planning',
      memberNames: ['bob'],
    });
  });

  it('titles an unnamed conversation “You, …” and the other members’ usernames, in membership order', () => {
    const row = toConversationRow(
      conversation({
        name: null,
        metadata: { members: ['u3', me, 'u2'] },
        users: [
          { user_id: 'u2', username: 'bob' },
          { user_id: me, username: 'alice' },
          { user_id: 'u3', username: 'carol-agent' },
        ],
      }),
      me,
    );
    expect(row.title).toBe('You, carol-agent, bob');
    expect(row.memberNames).toEqual(['carol-agent', 'bob']);
  });

  it('uses my own name when I am the only member, and a placeholder when nobody can be named', () => {
    expect(toConversationRow(conversation({ metadata: { members: [me] }, users: [{ user_id: me, username: 'alice' }] }), me).title).toBe('alice');
    expect(toConversationRow(conversation({ metadata: { members: [me, 'u9'] } }), me).title).toBe('Untitled conversation');
    // Someone else's view, or one where I am not listed: no "You".
    expect(toConversationRow(conversation({ users: [{ user_id: 'u2', username: 'bob' }] }), me).title).toBe('bob');
  });

  it('falls back from last activity to creation time, and from summary to metadata.summary', () => {
    const row = toConversationRow(conversation({ name: 'x', created_at: '2026-01-01T00:00:00Z', metadata: { summary: 'from metadata' } }), null);
    expect(row).toMatchObject({ lastActivity: '2026-01-01T00:00:00Z', summary: 'from metadata' });
  });
});

describe('toMessageRow', () => {
  it('takes the author from user.username and survives missing fields', () => {
    const full = MessageSchema.parse({ id: 'm1', created_at: '2026-01-01T00:00:00Z', user_id: 'u2', user: { username: 'bob' }, text: 'hi', seq: 2, type: 'reasoning' });
    expect(toMessageRow(full)).toEqual({ id: 'm1', authorName: 'bob', authorId: 'u2', text: 'hi', createdAt: '2026-01-01T00:00:00Z', seq: 2, type: 'reasoning' });
    const bare = MessageSchema.parse({ id: 'm2', created_at: '2026-01-01T00:00:00Z' });
    expect(toMessageRow(bare)).toMatchObject({ authorName: 'Unknown member', authorId: null, text: '', seq: null, type: null });
  });
});
