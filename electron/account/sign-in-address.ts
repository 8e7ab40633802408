// The address a sign-in goes to. The page may only ask: the one in use and the launch's default
// need nothing more; any other must be confirmed by the person in main's own dialog, and where
// there is none (web host) it is refused before the key is sent anywhere.
import { AppError } from '../../shared/app-error';
import type { Logger } from '../log';
import { hostOf, parseRequestedAddress, type ConfirmApiAddress } from './api-address';

export interface SignInAddressDeps {
  /** The address in use now. */
  current: string;
  /** The launch's default (flag, environment or production). */
  defaultBase: string;
  confirmApiAddress?: ConfirmApiAddress | undefined;
  log: Logger;
}

/** `confirmed`: the person agreed to this address in main's dialog (so it may be remembered). */
export async function chooseSignInAddress(raw: string | undefined, deps: SignInAddressDeps): Promise<{ base: string; confirmed: boolean }> {
  if (!raw?.trim()) return { base: deps.current, confirmed: false };
  const wanted = parseRequestedAddress(raw);
  if (wanted === deps.current || wanted === deps.defaultBase) return { base: wanted, confirmed: false };
  const host = hostOf(wanted);
  if (!deps.confirmApiAddress) {
    deps.log.warn(`Ignored an API address sent by the page (${host})`);
    throw new AppError({
      kind: 'invalid-input',
      message: `This app talks to ${hostOf(deps.current)}; it does not take an API address from the page. Start it with OURO_BACKEND_URL or --api-url to use ${host}.`,
      issues: ['API URL: set when the app is started'],
    });
  }
  if (!(await deps.confirmApiAddress({ host, url: wanted }))) {
    throw new AppError({ kind: 'cancelled', message: `You did not confirm the API address ${host}; nothing was sent to it.` });
  }
  return { base: wanted, confirmed: true };
}
