// The signed-in person as the app shows them, from Ouro's user and profile records as parsed (either
// may lack a field: each is taken from whichever record has it).
import type { AccountUser } from '../../shared/account';
import type { Profile, User } from '../ouro/models';

export function toAccountUser(user: User, profile: Profile): AccountUser {
  return {
    // Both ids are required strings (trimmed by the models); an empty one counts as missing.
    id: user.id || profile.user_id,
    username: profile.username ?? user.email ?? 'Ouro user',
    displayName: profile.display_name ?? profile.name ?? null,
    email: user.email ?? profile.email ?? null,
  };
}
