// The signed-in person as the app shows them, from Ouro's user and profile records (either may
// lack a field: each is taken from whichever record has it).
import type { AccountUser } from '../../shared/account';
import type { Profile, User } from '../ouro/models';

export function toAccountUser(user: User, profile: Profile): AccountUser {
  const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);
  return {
    id: str(user.id) ?? str(profile.user_id) ?? '',
    username: str(profile.username) ?? str(user.email) ?? 'Ouro user',
    displayName: str(profile.display_name) ?? str(profile.name),
    email: str(user.email) ?? str(profile.email),
  };
}
