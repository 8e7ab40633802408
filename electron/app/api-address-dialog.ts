// The native confirmation main shows before a sign-in sends the key to an API address the page
// asked for (Sign in → Advanced → API URL). Opened by main, outside the page, so page script can
// neither draw nor click it; it names the host, and "Cancel" is the default and the Escape answer.
import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import type { ConfirmApiAddress } from '../account/api-address';

export type ShowMessageBox = (options: MessageBoxOptions) => Promise<Pick<MessageBoxReturnValue, 'response'>>;

export function apiAddressDialogOptions(address: { host: string; url: string }): MessageBoxOptions {
  return {
    type: 'warning',
    title: 'Use another Ouro API?',
    message: `Sign in to the Ouro API at ${address.host}?`,
    detail:
      `Your API key, and everything you upload, will be sent to ${address.url}. ` +
      'Only continue if you entered this address yourself, for example for your company’s Ouro server or for local development.',
    buttons: ['Cancel', `Use ${address.host}`],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

export function confirmApiAddressWith(showMessageBox: ShowMessageBox): ConfirmApiAddress {
  return async (address) => (await showMessageBox(apiAddressDialogOptions(address))).response === 1;
}
