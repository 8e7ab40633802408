// Identity and membership routes: the API-key → JWT exchange (unauthenticated, not enveloped),
// the current user and profile, public profiles, organizations and teams (ouro-api.md §1.2, §7).
import { orgOf, profileOf, teamOf } from '../asset-view';
import { ok, sendJson, type RequestContext } from '../context';
import { HttpError, validationError } from '../errors';
import { UUID_RE } from '../prng';
import type { Route } from '../router';
import { GetTokenBody, parseBody } from '../schemas';
import { GLOBAL_ID } from '../store';

async function getToken(ctx: RequestContext): Promise<void> {
  const { pat } = parseBody(GetTokenBody, await ctx.body.json());
  const { store, auth } = ctx.services;
  const pair = auth.exchange(pat, (id) => store.users.get(id)?.email ?? '');
  if (!pair) {
    sendJson(ctx.res, 401, { error: 'Invalid API key' });
    return;
  }
  sendJson(ctx.res, 200, { ...pair, error: null });
}

function me(ctx: RequestContext): void {
  const user = ctx.services.store.users.get(ctx.userId);
  if (!user) throw new HttpError(401, { data: null, error: { message: 'User not found', status: 401 } });
  ok(ctx, {
    id: user.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: user.email,
    email_confirmed_at: user.created_at,
    phone: '',
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: { username: user.username },
    created_at: user.created_at,
    updated_at: user.created_at,
    is_anonymous: false,
  });
}

function myProfile(ctx: RequestContext): void {
  const user = ctx.services.store.users.get(ctx.userId);
  if (!user) throw new HttpError(401, { data: null, error: { message: 'User not found', status: 401 } });
  ok(ctx, { ...profileOf(user), email: user.email });
}

function userByNameOrId(ctx: RequestContext): void {
  const key = ctx.params.user ?? '';
  const user = [...ctx.services.store.users.values()].find((u) => u.id === key || u.username === key);
  if (!user) {
    throw new HttpError(404, { data: null, error: { name: 'HttpError', message: `User ${key} not found`, status: 404, code: 'user_not_found' } });
  }
  ok(ctx, { ...profileOf(user), isSelf: user.id === ctx.userId, isFollowing: false, isFollowed: false, followers: 0, following: 0, totalXp: 0, level: 1 });
}

function myOrganizations(ctx: RequestContext): void {
  const { store } = ctx.services;
  const orgs = [...store.orgs.values()]
    .filter((o) => o.id !== GLOBAL_ID && o.members.has(ctx.userId))
    .map((o) => orgOf(store, o, ctx.userId));
  // The global org is everyone's; list it last so "my" orgs come first.
  const global = store.orgs.get(GLOBAL_ID);
  if (global) orgs.push(orgOf(store, global, ctx.userId));
  ok(ctx, orgs);
}

function organization(ctx: RequestContext): void {
  const { store } = ctx.services;
  const org = store.orgs.get(ctx.params.id ?? '');
  if (!org || (org.visibility === 'private' && !store.isOrgMember(ctx.userId, org.id))) {
    throw new HttpError(404, { data: null, error: { name: 'HttpError', message: `Organization ${ctx.params.id ?? ''} not found`, status: 404, code: 'organization_not_found' } });
  }
  ok(ctx, orgOf(store, org, ctx.userId));
}

function teams(ctx: RequestContext): void {
  const { store } = ctx.services;
  const orgId = ctx.query.get('org_id');
  if (orgId !== null && !UUID_RE.test(orgId)) {
    throw validationError([{ loc: ['query', 'org_id'], msg: 'Input should be a valid UUID', type: 'uuid_parsing' }], 422);
  }
  const joined = ctx.query.get('joined') === 'true';
  const publicOnly = ctx.query.get('public_only') === 'true';
  const list = [...store.teams.values()].filter((t) => {
    if (orgId && t.org_id !== orgId) return false;
    if (!store.isOrgMember(ctx.userId, t.org_id)) return false;
    if (joined && !store.isTeamMember(ctx.userId, t.id)) return false;
    if (publicOnly && t.visibility !== 'public') return false;
    return true;
  });
  ok(ctx, list.map((t) => teamOf(store, t, ctx.userId)));
}

function team(ctx: RequestContext): void {
  const { store } = ctx.services;
  const t = store.teams.get(ctx.params.id ?? '');
  if (!t || !store.isOrgMember(ctx.userId, t.org_id)) {
    throw new HttpError(404, { data: null, error: { name: 'HttpError', message: `Team ${ctx.params.id ?? ''} not found`, status: 404, code: 'team_not_found' } });
  }
  const data = teamOf(store, t, ctx.userId);
  if (ctx.query.get('include_members') === 'true') {
    data.members = [...t.members.entries()].map(([userId, role]) => {
      const user = store.users.get(userId);
      return { user_id: userId, role, added_at: t.created_at, user: user ? profileOf(user) : null };
    });
  }
  ok(ctx, data);
}

export const userRoutes: Route[] = [
  { method: 'POST', pattern: '/users/get-token', auth: false, handler: getToken },
  { method: 'GET', pattern: '/user', handler: me },
  { method: 'GET', pattern: '/user/profile', handler: myProfile },
  { method: 'GET', pattern: '/users/:user', handler: userByNameOrId },
  { method: 'GET', pattern: '/organizations/user', handler: myOrganizations },
  { method: 'GET', pattern: '/organizations/:id', handler: organization },
  { method: 'GET', pattern: '/teams', handler: teams },
  { method: 'GET', pattern: '/teams/:id', handler: team },
];
