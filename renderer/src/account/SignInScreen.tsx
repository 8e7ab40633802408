// First-run and signed-out screen: paste an API key, optionally ask for another API URL (the
// desktop app only: main confirms it in a native dialog; the web host shows its own), sign in. The
// key goes to main once, is verified with Ouro, and is never shown back. The text always says
// where the key will be kept; when the system keychain is unavailable, the button that can
// succeed ("Use for this session only") is the primary one; an error goes away on the next edit.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { AppError } from '../../../shared/app-error';
import type { AccountState } from '../../../shared/account';
import { call } from '../ouro';
import { useAppInfo } from '../queries/app';
import { useSignIn } from './queries';
import { signInErrorCopy } from './sign-in-errors';
import './account.css';

export const API_KEYS_URL = 'https://ouro.foundation/settings/api-keys';

type SignedOut = Extract<AccountState, { status: 'signed-out' }>;

/** Main's messages quote commands in `backticks`: show those as code, never as raw marks. */
export function withInlineCode(text: string): ReactNode[] {
  return text.split(/`([^`]+)`/g).map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

export function SignInScreen({ account }: { account: SignedOut }) {
  const [apiKey, setApiKey] = useState('');
  const [showKey, setShowKey] = useState(false);
  const [apiBaseUrl, setApiBaseUrl] = useState(account.apiBaseUrl);
  const signIn = useSignIn();
  // The web host takes no API address from the page; only the desktop app can ask (and confirms natively).
  const canChooseApi = useAppInfo().data?.host === 'electron';
  const keyId = useId();
  const urlId = useId();
  const hintId = useId();

  const keychainError = signIn.error instanceof AppError && signIn.error.kind === 'keychain-unavailable' ? signIn.error.message : null;
  const keychainMessage = keychainError ?? (account.keychain.available ? null : account.keychain.message);
  // Without a keychain only a session sign-in can succeed: it becomes the form's primary action.
  const sessionOnly = keychainMessage !== null;

  const submit = () => {
    const base = apiBaseUrl.trim();
    signIn.mutate({ apiKey, sessionOnly, ...(canChooseApi && base && base !== account.apiBaseUrl ? { apiBaseUrl: base } : {}) });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (apiKey.trim() && !signIn.isPending) submit();
  };
  // A new attempt starts clean: the last error no longer describes what is typed now.
  const edit = (update: () => void) => {
    update();
    if (signIn.isError) signIn.reset();
  };

  const copy = signIn.error && !keychainError ? signInErrorCopy(signIn.error) : null;

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={onSubmit} aria-labelledby="sign-in-title" noValidate>
        <div className="sign-in-brand" aria-hidden="true">
          ◎
        </div>
        <h2 id="sign-in-title">Sign in to Ouro</h2>
        {account.reason === 'revoked' && !signIn.isPending && !signIn.isSuccess && (
          <div role="alert" className="notice notice-warning">
            <strong>Your API key was revoked or has expired</strong>
            <p>Sign in with a new key for the same account: your queued uploads wait for it, and nothing of yours is sent as anyone else.</p>
          </div>
        )}
        <p className="muted" id={hintId}>
          {sessionOnly
            ? 'Paste an API key from your Ouro settings. It is only ever sent to Ouro, and kept in memory until you quit.'
            : 'Paste an API key from your Ouro settings. It is kept in your system keychain and only ever sent to Ouro.'}
        </p>

        <label htmlFor={keyId}>API key</label>
        <div className="key-field">
          <input
            id={keyId}
            name="api-key"
            type={showKey ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={apiKey}
            onChange={(event) => edit(() => setApiKey(event.target.value))}
            aria-describedby={hintId}
            aria-invalid={signIn.isError && !keychainError ? true : undefined}
          />
          <button type="button" aria-pressed={showKey} onClick={() => setShowKey((shown) => !shown)}>
            {showKey ? 'Hide key' : 'Show key'}
          </button>
        </div>
        <button type="button" className="link" onClick={() => void call('app:open-external', { url: API_KEYS_URL })}>
          Get an API key
        </button>

        <details className="advanced">
          <summary>Advanced</summary>
          <label htmlFor={urlId}>API URL</label>
          {canChooseApi ? (
            <>
              <input
                id={urlId}
                type="url"
                value={apiBaseUrl}
                onChange={(event) => edit(() => setApiBaseUrl(event.target.value))}
                spellCheck={false}
                aria-describedby={`${urlId}-note`}
              />
              <p className="muted" id={`${urlId}-note`}>
                Ouro asks you to confirm any other address before your key is sent to it. Plain http:// only works for this computer.
              </p>
            </>
          ) : (
            <>
              <input id={urlId} type="url" value={account.apiBaseUrl} readOnly aria-describedby={`${urlId}-note`} />
              <p className="muted" id={`${urlId}-note`}>
                This web host uses the API it was started with. To use another, start it with OURO_BACKEND_URL or --api-url.
              </p>
            </>
          )}
        </details>

        {copy && (
          <div role="alert" className="notice notice-error">
            <strong>{copy.title}</strong>
            <p>{copy.message}</p>
          </div>
        )}
        {keychainMessage && (
          <div role="alert" className="notice notice-warning">
            <strong>The system keychain is unavailable</strong>
            <p>{withInlineCode(keychainMessage)}</p>
            <p>You can still sign in for this session: the key is kept in memory only, and you will be asked for it again after you quit.</p>
          </div>
        )}

        <button type="submit" className="primary sign-in-submit" disabled={!apiKey.trim() || signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : sessionOnly ? 'Use for this session only' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
