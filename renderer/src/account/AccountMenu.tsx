// The signed-in account in the title bar: who is signed in, and a menu with the key's hint and
// where it is kept, and Sign out… — which asks first. A session whose key is not in the system
// keychain says so with a badge that is always visible.
import { useId, useRef, useState } from 'react';
import { usePageCommand } from '../commands';
import { setThemeChoice, themeChoices, themeLabels, useTheme, type ThemeChoice } from '../theme/theme';
import { avatarInitial, type AccountState } from '../../../shared/account';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ChevronIcon } from '../components/icons';
import { Popover } from '../components/Popover';
import { useOutbox } from '../conversations/outbox';
import { useSignOut } from './queries';
import './account.css';

type SignedIn = Extract<AccountState, { status: 'signed-in' }>;

const storageLabel: Record<SignedIn['storage'], string> = {
  keychain: 'kept in the system keychain',
  session: 'this session only',
  environment: 'from OURO_API_KEY',
};

const storageBadge: Partial<Record<SignedIn['storage'], { text: string; title: string }>> = {
  session: { text: 'Session only', title: 'Your API key is not in the system keychain: you will be asked for it again after you quit Ouro.' },
  environment: { text: 'OURO_API_KEY', title: 'Signed in with the key in the OURO_API_KEY environment variable; nothing is stored.' },
};

export function AccountMenu({ account }: { account: SignedIn }) {
  const signOut = useSignOut();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const user = account.user;
  const name = user ? user.displayName || user.username : 'Signing in…';
  const badge = storageBadge[account.storage];
  const theme = useTheme();
  const unsent = useOutbox().length;
  const themeId = useId();
  // The palette's "Sign out…" asks the same question.
  usePageCommand('sign-out', () => {
    setOpen(false);
    setConfirming(true);
  });

  return (
    <div className="account">
      {badge && (
        <span className="storage-badge" title={badge.title}>
          {badge.text}
        </span>
      )}
      <button
        ref={button}
        type="button"
        className="account-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((shown) => !shown)}
      >
        <span className="visually-hidden">Account: </span>
        <span className="avatar" aria-hidden="true">
          {avatarInitial(account.user)}
        </span>
        <span className="account-name">{name}</span>
        {user && (
          <span className="account-username" data-testid="account-username">
            @{user.username}
          </span>
        )}
        <ChevronIcon />
      </button>
      <Popover anchor={button} open={open} onClose={() => setOpen(false)} label="Account" align="end" className="account-popover">
        <div className="account-card">
          <strong>{name}</strong>
          {user?.email && <span className="muted">{user.email}</span>}
          <span className="account-key" data-testid="account-key-hint" title={`API key ${storageLabel[account.storage]}`}>
            {account.keyHint}
            {account.keyName ? ` · ${account.keyName}` : ''}
          </span>
          <span className="muted">API key {storageLabel[account.storage]}</span>
        </div>
        <div className="account-theme">
          <label htmlFor={themeId}>Theme</label>
          <select id={themeId} value={theme.choice} onChange={(event) => setThemeChoice(event.target.value as ThemeChoice)}>
            {themeChoices.map((choice) => (
              <option key={choice} value={choice}>
                {choice === 'system' ? `System (${theme.choice === 'system' ? theme.theme : 'follows your OS'})` : themeLabels[choice]}
              </option>
            ))}
          </select>
        </div>
        {/* The menu's one action keeps the focus on opening; the theme choice is a Tab away. */}
        <button
          type="button"
          className="menu-item"
          data-autofocus
          onClick={() => {
            setOpen(false);
            setConfirming(true);
          }}
        >
          Sign out…
        </button>
      </Popover>
      {confirming && (
        <ConfirmDialog
          title="Sign out of Ouro?"
          confirmLabel="Sign out"
          busy={signOut.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() => signOut.mutate(undefined, { onSettled: () => setConfirming(false) })}
        >
          <p>
            {account.storage === 'keychain'
              ? 'Your API key will be removed from this computer’s keychain. You can sign in again with it or with another key.'
              : 'You will need your API key to sign in again.'}{' '}
            Uploads still waiting are forgotten.
            {unsent > 0 && <strong> {unsent === 1 ? '1 message not sent yet is' : `${unsent} messages not sent yet are`} deleted too.</strong>}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
