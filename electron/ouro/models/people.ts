// Users, profiles, organizations and teams as Ouro returns them (lenient: see lenient.ts).
import { z } from 'zod';
import { opt, optText, countNumber } from './lenient';

// ---- people and places -------------------------------------------------------------------------

/** `GET /user`: the auth-level user (Supabase-style extra keys are kept). */
export const UserSchema = z.looseObject({
  id: z.string().trim(),
  email: optText,
});
export type User = z.infer<typeof UserSchema>;

/** Profile subset embedded in assets (`user`) and the own profile of `GET /user/profile`. */
export const ProfileSummarySchema = z.looseObject({
  user_id: optText,
  id: optText,
  username: optText,
  avatar_path: opt(z.string()),
  bio: opt(z.string()),
  actor_type: opt(z.string()), // base | agent | verified
  is_agent: opt(z.boolean()),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

/** `GET /user/profile`. */
export const ProfileSchema = ProfileSummarySchema.extend({
  user_id: z.string().trim(),
  email: optText,
  display_name: optText,
  name: optText,
  plan_type: opt(z.string()), // free | gold
  last_active: opt(z.string()),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const MembershipSchema = z.looseObject({
  role: opt(z.string()), // read | write | admin | none
  membership_type: opt(z.string()),
  user_id: opt(z.string()),
});

export const OrganizationSchema = z.looseObject({
  id: z.string(),
  name: opt(z.string()), // the global org is named `all`
  display_name: opt(z.string()),
  avatar_path: opt(z.string()),
  mission: opt(z.string()),
  base_role: opt(z.string()),
  join_policy: opt(z.string()),
  actor_type_policy: opt(z.string()),
  source_policy: opt(z.string()), // any | web_only | api_only
  visibility: opt(z.string()),
  membership: opt(MembershipSchema),
  /** Member count (ouro-api.md §7.3). */
  size: opt(countNumber),
  created_at: opt(z.string()),
  last_updated: opt(z.string()),
});
export type Organization = z.infer<typeof OrganizationSchema>;

export const TeamSchema = z.looseObject({
  id: z.string(),
  org_id: opt(z.string()),
  organization: opt(
    z.looseObject({ id: opt(z.string()), name: opt(z.string()), source_policy: opt(z.string()) }),
  ),
  name: opt(z.string()),
  slug: opt(z.string()),
  description: opt(z.union([z.string(), z.looseObject({ text: opt(z.string()), json: z.unknown().optional() })])),
  default_role: opt(z.string()),
  visibility: opt(z.string()),
  actor_type_policy: opt(z.string()),
  /** May be null on the team, meaning "inherit the organization's" (see `teams.list`). */
  source_policy: opt(z.string()),
  userMembership: opt(MembershipSchema),
  memberCount: opt(countNumber),
  /** Only with `include_members=true` (users-orgs/sdk-team-with-members). */
  members: opt(
    z.array(z.looseObject({ user_id: opt(z.string()), role: opt(z.string()), added_at: opt(z.string()), user: opt(ProfileSummarySchema) })),
  ),
  created_at: opt(z.string()),
  last_updated: opt(z.string()),
});
export type Team = z.infer<typeof TeamSchema>;

/** A team as `teams.list` returns it: `source_policy` resolved against the organization's. */
export type TeamWithPolicy = Team & {
  source_policy: string | null;
  /** True when the team itself had no policy and the organization's was used. */
  source_policy_inherited: boolean;
};
