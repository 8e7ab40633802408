// The signed-in account in the header: avatar initial, username, key hint and name, sign out.
import { avatarInitial, type AccountState } from '../../../shared/account';
import { useSignOut } from './queries';
import './account.css';

type SignedIn = Extract<AccountState, { status: 'signed-in' }>;

const storageLabel: Record<SignedIn['storage'], string> = {
  keychain: 'kept in the system keychain',
  session: 'this session only',
  environment: 'from OURO_API_KEY',
};

export function AccountBadge({ account }: { account: SignedIn }) {
  const signOut = useSignOut();
  const user = account.user;
  return (
    <div className="account" aria-label="Account">
      <span className="avatar" aria-hidden="true">
        {avatarInitial(account.user)}
      </span>
      <div className="account-text">
        <span className="account-name">
          {user ? user.displayName || user.username : 'Signing in…'}
          {user && <span className="account-username" data-testid="account-username">@{user.username}</span>}
        </span>
        <span className="account-key" data-testid="account-key-hint" title={`API key ${storageLabel[account.storage]}`}>
          {account.keyHint}
          {account.keyName ? ` · ${account.keyName}` : ''}
        </span>
      </div>
      <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        Sign out
      </button>
    </div>
  );
}
