import { describe, expect, it } from 'vitest';
import { AssetSchema, ConversationSchema, FileSchema, MessageSchema, optText, ProfileSchema, UserSchema } from '../../../electron/ouro/models';
import { NotificationSchema } from '../../../electron/ouro/notifications';
import { failure, json, setup } from './helpers';

describe('lenient models', () => {
  it('display text is cleaned once, in the model: trimmed, and absent when blank or not text', () => {
    expect(optText.parse('  alice ')).toBe('alice');
    for (const absent of ['', '   ', 42, {}, undefined]) expect(optText.parse(absent), String(absent)).toBeUndefined();
    expect(optText.parse(null)).toBeNull();
    const profile = ProfileSchema.parse({ user_id: ' u1 ', username: ' ', display_name: ' Alice A. ', email: 7 });
    expect(profile).toMatchObject({ user_id: 'u1', display_name: 'Alice A.' });
    expect(profile.username).toBeUndefined();
    expect(profile.email).toBeUndefined();
    const conversation = ConversationSchema.parse({ id: 'c', name: '  ', summary: ' Plans ', users: [{ username: ' bob ', user_id: '' }] });
    expect(conversation.name).toBeUndefined();
    expect(conversation.summary).toBe('Plans');
    expect(conversation.users?.[0]).toMatchObject({ username: 'bob', user_id: undefined });
    const notification = NotificationSchema.parse({ id: 'n', asset_id: ' ', content: { text: ' hi ', asset: { assetId: ' a1 ' } }, read_at: '' });
    expect(notification).toMatchObject({ asset_id: undefined, content: { text: 'hi', asset: { assetId: 'a1' } }, read_at: undefined });
  });
  it('keeps unknown fields at every level', () => {
    const file = FileSchema.parse({
      id: 'f1',
      brand_new: { nested: true },
      metadata: { size: 10, extension: 'cif', storage_class: 'cold' },
      user: { username: 'alice', badge: 'gold' },
    });
    expect(file.brand_new).toEqual({ nested: true });
    expect(file.metadata?.storage_class).toBe('cold');
    expect(file.user?.badge).toBe('gold');
  });
  it('accepts nulls where the reference allows them and missing optional fields', () => {
    expect(AssetSchema.parse({ id: 'a', name: null, description: null, metadata: null, parent_id: null })).toMatchObject({ id: 'a' });
    expect(AssetSchema.parse({ id: 'a', description: 'bare string (older data)' }).description).toBe('bare string (older data)');
    expect(UserSchema.parse({ id: 'u' })).toEqual({ id: 'u' });
  });
  it('drops an optional field of an unexpected type instead of failing', () => {
    const file = FileSchema.parse({ id: 'f1', name: 42, metadata: { size: '816', width: 'wide' } });
    expect(file.name).toBeUndefined();
    expect(file.metadata?.size).toBe(816);
    expect(file.metadata?.width).toBeUndefined();
  });
  it('requires what the app cannot work without', () => {
    expect(AssetSchema.safeParse({ name: 'x' }).success).toBe(false);
    expect(ProfileSchema.safeParse({ username: 'x' }).success).toBe(false);
    expect(MessageSchema.safeParse({ id: 'm' }).success).toBe(false);
  });
});

describe('invalid-response through the client', () => {
  it('names the failing path, e.g. data[3].id: expected string', async () => {
    const { client, server } = setup();
    server.on('GET /search/assets', () =>
      json({ data: [{ id: 'a0' }, { id: 'a1' }, { id: 'a2' }, { name: 'no id', extra: 1 }], pagination: { hasMore: false } }, 200, { 'x-request-id': 'bad-1' }),
    );
    const error = await failure(client.search.assets());
    expect(error.kind).toBe('invalid-response');
    expect(error.issues).toEqual(['data[3].id: expected string']);
    expect(error.requestId).toBe('bad-1');
    expect(error.message).toContain('data[3].id');
  });
  it('a missing data object names data', async () => {
    const { client, server } = setup();
    server.on('GET /user', () => json({ error: null }));
    const error = await failure(client.users.me());
    expect(error.kind).toBe('invalid-response');
    expect(error.issues).toEqual(['data: expected object']);
  });
  it('nested required fields are named with their path', async () => {
    const { client, server } = setup();
    server.on('GET /conversations/c1/messages', () => json({ data: [{ id: 'm1', created_at: '2026-01-01T00:00:00Z' }, { id: 'm2' }] }));
    expect((await failure(client.conversations.messages('c1'))).issues).toEqual(['data[1].created_at: expected string']);
  });
  it('extra top-level and item fields never break a call', async () => {
    const { client, server } = setup();
    server.on('GET /files/f1', () => json({ data: { id: 'f1', shiny: [1, 2] }, error: null, warning: { message: 'hm' }, served_by: 'edge-7' }));
    expect(await client.files.get('f1')).toMatchObject({ id: 'f1', shiny: [1, 2] });
  });
});
